'use client';

import Link from 'next/link';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { verifyEmailAction } from '@/lib/identity/actions';

/** A button, not an automatic GET: mail scanners that prefetch links must not consume the token. */
export function VerifyForm({ token }: { token: string }) {
  const f = useActionForm(verifyEmailAction);
  if (f.data) {
    return (
      <div className="grid gap-3" role="status">
        <p>Your email is confirmed. You can sign in now.</p>
        <Link href="/sign-in" className={buttonClasses({ className: 'w-full' })}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form action={f.formAction} className="grid gap-4">
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" loading={f.pending} className="w-full">
        Confirm my email
      </Button>
    </form>
  );
}
