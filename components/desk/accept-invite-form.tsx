'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { acceptInviteAction } from '@/lib/crew/invite-actions';

export function AcceptInviteForm({ token, providerName }: { token: string; providerName: string }) {
  const router = useRouter();
  const f = useActionForm(acceptInviteAction, { successMessage: `You joined ${providerName}'s crew`, onSuccess: () => router.push('/provider/jobs') });
  return (
    <form action={f.formAction} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <Button type="submit" disabled={f.pending} aria-busy={f.pending}>
        {f.pending ? 'Joining…' : `Join ${providerName}`}
      </Button>
    </form>
  );
}
