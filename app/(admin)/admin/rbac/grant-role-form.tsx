'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { isRole, roleLabels, roleOrgKind, roles } from '@/lib/core/auth/roles';
import { grantRoleAction } from '@/lib/identity/actions';

type OrgKind = 'platform' | 'provider' | 'enterprise';

export interface OrganisationOption {
  slug: string;
  name: string;
  kind: OrgKind;
}

/**
 * An empty number field is sent as "", which grantRoleInput coerces to 0 hours and refuses
 * ("At least 1 hour"); leaving the field out is how the schema spells "permanent".
 */
function grantRole(fd: FormData) {
  if (String(fd.get('expiresInHours') ?? '').trim() === '') fd.delete('expiresInHours');
  return grantRoleAction(fd);
}

const kindLabels: Record<OrgKind, string> = { platform: 'Platform', provider: 'Providers', enterprise: 'Enterprises' };

function organisationHelp(kind: OrgKind | null | undefined): string {
  if (kind === null) return 'Customers do not belong to an organisation.';
  if (kind === 'platform') return 'Optional: platform roles go to the platform organisation when none is chosen.';
  if (kind === 'provider' || kind === 'enterprise') return `Required: this role lives in a ${kind} organisation.`;
  return 'Platform roles default to the platform organisation; provider and enterprise roles need their organisation.';
}

export function GrantRoleForm({ organisations, canGrant }: { organisations: OrganisationOption[]; canGrant: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState('');
  const [temporary, setTemporary] = useState(false);
  const f = useActionForm(grantRole, {
    successMessage: 'Role granted. It applies on their next request.',
    onSuccess: () => {
      setRole('');
      setTemporary(false);
      router.refresh();
    },
  });
  // React resets a form after every submit: keep what was typed only when it needs correcting.
  const kept = f.error ? f.values : {};
  const kind = isRole(role) ? roleOrgKind[role] : undefined;
  const orgChoices = kind ? organisations.filter((o) => o.kind === kind) : organisations;
  const byKind = (['platform', 'provider', 'enterprise'] as const)
    .map((k) => ({ kind: k, orgs: orgChoices.filter((o) => o.kind === k) }))
    .filter((g) => g.orgs.length > 0);

  if (!canGrant) return <p className="text-sm text-muted">Granting roles needs the admin role.</p>;

  return (
    <form action={f.formAction} className="grid gap-4" noValidate>
      <FormAlert message={f.error?.message} errorRef={f.errorRef} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Email" name="email" required description="The account must already exist." error={f.fieldError('email')}>
          <Input type="email" autoComplete="off" spellCheck={false} defaultValue={kept.email} key={`e${kept.email ?? ''}`} />
        </FormField>
        <FormField label="Role" name="role" required error={f.fieldError('role')}>
          <Select
            placeholder="Choose a role"
            defaultValue={kept.role ?? ''}
            key={`r${kept.role ?? ''}`}
            onChange={(e) => setRole(e.target.value)}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </Select>
        </FormField>
        {kind === null ? null : (
          <FormField
            label="Organisation"
            name="orgSlug"
            required={kind === 'provider' || kind === 'enterprise'}
            description={organisationHelp(kind)}
            error={f.fieldError('orgSlug')}
          >
            <Select
              placeholder={kind === 'platform' ? 'Platform organisation (default)' : 'Choose an organisation'}
              defaultValue={kept.orgSlug ?? ''}
              key={`o${kind ?? ''}${kept.orgSlug ?? ''}`}
            >
              {byKind.map((g) => (
                <optgroup key={g.kind} label={kindLabels[g.kind]}>
                  {g.orgs.map((o) => (
                    <option key={o.slug} value={o.slug}>
                      {o.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </FormField>
        )}
        <FormField
          label="Temporary access (hours)"
          name="expiresInHours"
          description="Optional: the role stops working on its own after this many hours (up to 2160, i.e. 90 days). Leave empty for a permanent role."
          error={f.fieldError('expiresInHours')}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            max={2160}
            step={1}
            defaultValue={kept.expiresInHours}
            key={`h${kept.expiresInHours ?? ''}`}
            onChange={(e) => setTemporary(e.target.value.trim() !== '')}
            className="max-w-40"
          />
        </FormField>
        <FormField
          label="Reason"
          name="reason"
          required={temporary}
          description={temporary ? 'Required for temporary access: why it is needed (3–300 characters).' : 'Why the role is granted. Required for temporary access.'}
          error={f.fieldError('reason')}
          className="sm:col-span-2"
        >
          <Input maxLength={300} defaultValue={kept.reason} key={`why${kept.reason ?? ''}`} />
        </FormField>
      </div>
      <div>
        <Button type="submit" loading={f.pending}>
          Grant role
        </Button>
      </div>
    </form>
  );
}
