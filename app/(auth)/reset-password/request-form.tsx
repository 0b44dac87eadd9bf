'use client';

import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { requestPasswordResetAction } from '@/lib/identity/actions';

export function RequestResetForm() {
  const f = useActionForm(requestPasswordResetAction);
  if (f.data) {
    return (
      <p role="status" className="text-sm">
        If an account uses <strong>{f.values.email}</strong>, a reset link is on its way. It works for one hour.
      </p>
    );
  }
  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <FormField label="Email" name="email" required error={f.fieldError('email')}>
        <Input type="email" autoComplete="email" defaultValue={f.values.email} key={`e${f.values.email ?? ''}`} />
      </FormField>
      <Button type="submit" loading={f.pending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
