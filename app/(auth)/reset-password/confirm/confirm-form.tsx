'use client';

import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { resetPasswordAction } from '@/lib/identity/actions';

export function ConfirmResetForm({ token }: { token: string }) {
  const f = useActionForm(resetPasswordAction);
  if (f.data) {
    return (
      <div className="grid gap-3" role="status">
        <p>Your password is changed and every other session was signed out.</p>
        <Link href="/sign-in" className={buttonClasses({ className: 'w-full' })}>
          Sign in with your new password
        </Link>
      </div>
    );
  }
  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <input type="hidden" name="token" value={token} />
      <FormField label="New password" name="password" required description="At least 10 characters." error={f.fieldError('password')}>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <Button type="submit" loading={f.pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
