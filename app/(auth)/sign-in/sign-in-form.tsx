'use client';

import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { signInAction } from '@/lib/identity/actions';

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const f = useActionForm(signInAction);
  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ''} />
      <FormField label="Email" name="email" required error={f.fieldError('email')}>
        <Input type="email" autoComplete="email" defaultValue={f.values.email} key={`e${f.values.email ?? ''}`} />
      </FormField>
      <FormField label="Password" name="password" required error={f.fieldError('password')}>
        <Input type="password" autoComplete="current-password" />
      </FormField>
      <Button type="submit" loading={f.pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm">
        <Link href="/reset-password" className="text-link underline underline-offset-4">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
