'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { disableUserAction, enableUserAction } from '@/lib/identity/actions';

interface UserRef {
  id: string;
  email: string;
  disabled: boolean;
}

/** Disable (with a reason) or re-enable an account, each behind a confirmation dialog. */
export function UserStatusForm({ user }: { user: UserRef }) {
  return user.disabled ? <EnableDialog user={user} /> : <DisableDialog user={user} />;
}

function DisableDialog({ user }: { user: UserRef }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const f = useActionForm(disableUserAction, {
    successMessage: `Disabled ${user.email} and ended their sessions`,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const reason = f.error ? (f.values.reason ?? '') : '';

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Disable<span className="sr-only"> {user.email}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Disable {user.email}?</DialogTitle>
          <DialogDescription>
            They are signed out everywhere at once and cannot sign in until the account is enabled again. Their roles are kept.
          </DialogDescription>
        </DialogHeader>
        <form action={f.formAction} className="grid gap-4" noValidate>
          <FormAlert message={f.error?.message} errorRef={f.errorRef} />
          <input type="hidden" name="userId" value={user.id} />
          <FormField
            label="Reason"
            name="reason"
            required
            description="Why the account is being disabled (3–300 characters), for whoever reviews it later."
            error={f.fieldError('reason')}
          >
            <Textarea rows={3} minLength={3} maxLength={300} defaultValue={reason} key={`r${reason}`} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" loading={f.pending}>
              Disable account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function EnableDialog({ user }: { user: UserRef }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const f = useActionForm(enableUserAction, {
    successMessage: `Enabled ${user.email}`,
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Enable<span className="sr-only"> {user.email}</span>
        </Button>
      </DialogTrigger>
      <DialogContent size="sm">
        <DialogHeader>
          <DialogTitle>Enable {user.email}?</DialogTitle>
          <DialogDescription>They can sign in again with their existing password and roles.</DialogDescription>
        </DialogHeader>
        <form action={f.formAction} className="grid gap-4">
          <FormAlert message={f.error?.message} errorRef={f.errorRef} />
          <input type="hidden" name="userId" value={user.id} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" loading={f.pending}>
              Enable account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
