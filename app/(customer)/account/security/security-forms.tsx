'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { changePasswordAction, signOutEverywhereAction } from '@/lib/identity/actions';

/** Both actions end every session (this one included), so success goes to sign-in. */
export function ChangePasswordForm() {
  const router = useRouter();
  const f = useActionForm(changePasswordAction, {
    successMessage: 'Password changed. Please sign in again.',
    onSuccess: () => router.push('/sign-in'),
  });
  return (
    <form action={f.formAction} className="grid max-w-md gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <FormField label="Current password" name="currentPassword" required error={f.fieldError('currentPassword')}>
        <Input type="password" autoComplete="current-password" />
      </FormField>
      <FormField label="New password" name="newPassword" required description="At least 10 characters." error={f.fieldError('newPassword')}>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <div>
        <Button type="submit" loading={f.pending}>
          Change password
        </Button>
      </div>
    </form>
  );
}

export function SignOutEverywhereForm() {
  const router = useRouter();
  const f = useActionForm(signOutEverywhereAction, {
    successMessage: 'Signed out on every device.',
    onSuccess: () => router.push('/sign-in'),
  });
  return (
    <form action={f.formAction} className="grid gap-3">
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <div>
        <Button type="submit" variant="danger" loading={f.pending}>
          Sign out everywhere
        </Button>
      </div>
    </form>
  );
}
