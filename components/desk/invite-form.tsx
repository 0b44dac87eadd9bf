'use client';

import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { inviteServicemanAction } from '@/lib/crew/invite-actions';

/** Invite a crew member by email: they get a link to accept with the account of that email. */
export function InviteForm() {
  const f = useActionForm(inviteServicemanAction, { successMessage: (d) => (d.resent ? 'Invitation sent again' : 'Invitation sent') });
  return (
    <form action={f.formAction} className="grid max-w-lg gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <FormField label="Email" name="email" required error={f.fieldError('email')} description="They accept with an account that uses this address (or create one).">
        <Input type="email" autoComplete="off" defaultValue={f.values.email} />
      </FormField>
      <FormField label="Name shown to customers" name="displayName" required error={f.fieldError('displayName')}>
        <Input defaultValue={f.values.displayName} maxLength={120} />
      </FormField>
      <FormField label="Skills" name="skills" error={f.fieldError('skills')} description="Category slugs, comma separated, e.g. plumbing, electrical.">
        <Input defaultValue={f.values.skills} />
      </FormField>
      <FormField label="Time zone" name="timeZone" error={f.fieldError('timeZone')} description="IANA zone of their working hours.">
        <Input defaultValue={f.values.timeZone ?? 'Europe/London'} />
      </FormField>
      <Checkbox name="canLead" label="Can lead a crew" defaultChecked={f.values.canLead ? f.values.canLead === 'on' : true} />
      <div aria-live="polite" className="text-sm text-muted">
        {f.data ? `Invitation ${f.data.resent ? 're-sent' : 'sent'}; the link works until ${new Date(f.data.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' })} (Europe/London).` : null}
      </div>
      <Button type="submit" disabled={f.pending} aria-busy={f.pending} className="justify-self-start">
        {f.pending ? 'Sending…' : 'Send invitation'}
      </Button>
    </form>
  );
}
