'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { createServicemanAction, updateServicemanAction } from '@/lib/crew/actions';

export interface ServicemanFormValues {
  id?: string;
  displayName: string;
  skills: string[];
  timeZone: string;
  canLead: boolean;
}

/** Add a crew member, or edit one's profile (provider admins). Skills are category checkboxes. */
export function ServicemanForm({
  initial,
  categories,
  timeZones,
  idempotencyKey,
}: {
  initial: ServicemanFormValues;
  categories: Array<{ slug: string; name: string }>;
  timeZones: string[];
  idempotencyKey?: string;
}) {
  const router = useRouter();
  const editing = !!initial.id;
  const f = useActionForm<{ servicemanId: string }>(
    async (fd) => {
      // Checkboxes send one `skills` entry each; none checked must still mean "no skills".
      const raw: Record<string, unknown> = { skills: fd.getAll('skills').map(String) };
      for (const [k, v] of fd.entries()) if (k !== 'skills' && !k.startsWith('$ACTION')) raw[k] = v;
      return editing ? updateServicemanAction(raw) : createServicemanAction(raw);
    },
    {
      successMessage: editing ? 'Crew member saved' : 'Crew member added',
      onSuccess: (data) => {
        router.push(`/provider/crew/${data.servicemanId}`);
        router.refresh();
      },
    },
  );
  const checked = new Set(initial.skills);
  return (
    <form action={f.formAction} className="grid max-w-2xl gap-4" noValidate key={JSON.stringify(f.values)}>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      {editing ? <input type="hidden" name="servicemanId" value={initial.id} /> : <input type="hidden" name="idempotencyKey" value={idempotencyKey ?? ''} />}
      <FormField label="Name" name="displayName" required error={f.fieldError('displayName')}>
        <Input defaultValue={f.values.displayName ?? initial.displayName} maxLength={120} autoComplete="off" />
      </FormField>
      <fieldset className="grid gap-2" aria-describedby="skills-help">
        <legend className="text-sm font-medium">Skills</legend>
        <p id="skills-help" className="text-sm text-muted">
          Only people with a service’s category are offered for it.
        </p>
        {f.fieldError('skills') ? (
          <p className="text-sm text-danger" role="alert">
            {f.fieldError('skills')!.join(' ')}
          </p>
        ) : null}
        <div className="grid gap-1 sm:grid-cols-2">
          {categories.map((c) => (
            <label key={c.slug} className="flex min-h-10 items-center gap-3">
              <input type="checkbox" name="skills" value={c.slug} defaultChecked={checked.has(c.slug)} className="size-5 accent-primary" />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Time zone" name="timeZone" required error={f.fieldError('timeZone')} description="Working hours are read in this zone.">
          <Select defaultValue={f.values.timeZone ?? initial.timeZone}>
            {timeZones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField label="Role on a crew" name="canLead" error={f.fieldError('canLead')}>
          <Select defaultValue={f.values.canLead ?? String(initial.canLead)}>
            <option value="true">Can lead a job</option>
            <option value="false">Support only</option>
          </Select>
        </FormField>
      </div>
      {editing ? null : (
        <FormField
          label="Link an account (optional)"
          name="email"
          error={f.fieldError('email')}
          description="The email of an existing Fixnado account: that person can then manage their own hours and see their jobs."
        >
          <Input type="email" autoComplete="off" defaultValue={f.values.email ?? ''} />
        </FormField>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={f.pending}>
          {editing ? 'Save' : 'Add crew member'}
        </Button>
      </div>
    </form>
  );
}
