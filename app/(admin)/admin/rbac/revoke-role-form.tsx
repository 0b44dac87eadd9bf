'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { X } from 'lucide-react';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { revokeRoleAction } from '@/lib/identity/actions';

export function RevokeRoleForm({
  membership,
  userEmail,
}: {
  membership: { id: string; roleLabel: string; orgName: string | null };
  userEmail: string;
}) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const f = useActionForm(revokeRoleAction, {
    successMessage: `Removed ${membership.roleLabel} from ${userEmail}`,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const where = membership.orgName ? ` in ${membership.orgName}` : '';

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <button type="button" className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'h-8 px-2 text-danger' })}>
          <X aria-hidden="true" />
          Revoke<span className="sr-only"> {membership.roleLabel}{where} from {userEmail}</span>
        </button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Revoke {membership.roleLabel}?</DialogTitle>
          <DialogDescription>
            {userEmail} loses the {membership.roleLabel} role{where} on their next request. Other roles are kept.
          </DialogDescription>
        </DialogHeader>
        <form action={f.formAction} className="grid gap-4">
          <FormAlert message={f.error?.message} errorRef={f.errorRef} />
          <input type="hidden" name="membershipId" value={membership.id} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Keep role</Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={f.pending}>
              Revoke role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
