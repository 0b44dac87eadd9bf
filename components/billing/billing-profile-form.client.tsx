'use client';

import { useRouter } from 'next/navigation';
import { FormAlert } from '@/components/forms/form-alert';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { saveBillingProfileAction } from '@/lib/billing/actions';
import type { BillingProfile } from '@/lib/billing/queries';

export interface BillingProfileFormProps {
  owner: 'self' | 'provider' | 'enterprise';
  orgId?: string;
  profile: BillingProfile | null;
  /** Heading shown above the form. */
  title: string;
  description: string;
}

/** The business details printed on invoices: one form for a customer, a provider or an enterprise. */
export function BillingProfileForm({ owner, orgId, profile, title, description }: BillingProfileFormProps) {
  const router = useRouter();
  const { formAction, pending, error, errorRef, values, fieldError } = useActionForm(saveBillingProfileAction, {
    successMessage: 'Billing details saved',
    onSuccess: () => router.refresh(),
  });
  // After a failed submit show what was typed; otherwise what is saved.
  const v = (name: keyof BillingProfile) => values[name] ?? (profile?.[name] as string | null | undefined) ?? '';
  return (
    <section aria-labelledby="billing-details-heading" className="grid content-start gap-3">
      <div className="grid gap-1">
        <h2 id="billing-details-heading" className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted">{description}</p>
      </div>
      <form action={formAction} className="grid gap-4 rounded-lg border bg-surface p-4" noValidate>
        <FormAlert message={error?.message} errorRef={errorRef} />
        <input type="hidden" name="owner" value={owner} />
        {orgId ? <input type="hidden" name="orgId" value={orgId} /> : null}
        <FormField label="Legal name" name="legalName" required error={fieldError('legalName')} description="The registered name printed on invoices.">
          <Input defaultValue={v('legalName')} maxLength={200} autoComplete="organization" />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="VAT number" name="vatNumber" error={fieldError('vatNumber')} description="For example GB123456789. Leave empty if not VAT registered.">
            <Input defaultValue={v('vatNumber')} maxLength={20} autoCapitalize="characters" />
          </FormField>
          <FormField label="Company number" name="companyNumber" error={fieldError('companyNumber')} description="Optional.">
            <Input defaultValue={v('companyNumber')} maxLength={30} />
          </FormField>
        </div>
        <FormField label="Address line 1" name="addressLine1" required error={fieldError('addressLine1')}>
          <Input defaultValue={v('addressLine1')} maxLength={200} autoComplete="address-line1" />
        </FormField>
        <FormField label="Address line 2" name="addressLine2" error={fieldError('addressLine2')}>
          <Input defaultValue={v('addressLine2')} maxLength={200} autoComplete="address-line2" />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField label="Town or city" name="city" required error={fieldError('city')}>
            <Input defaultValue={v('city')} maxLength={100} autoComplete="address-level2" />
          </FormField>
          <FormField label="Postcode" name="postcode" required error={fieldError('postcode')}>
            <Input defaultValue={v('postcode')} maxLength={16} autoComplete="postal-code" autoCapitalize="characters" />
          </FormField>
          <FormField label="Country code" name="country" required error={fieldError('country')} description="Two letters, e.g. GB.">
            <Input defaultValue={v('country') || 'GB'} maxLength={2} autoComplete="country" autoCapitalize="characters" />
          </FormField>
        </div>
        <FormField label="Invoice email" name="invoiceEmail" error={fieldError('invoiceEmail')} description="Where accounts receives invoices. Optional.">
          <Input type="email" defaultValue={v('invoiceEmail')} maxLength={254} autoComplete="email" />
        </FormField>
        <div>
          <Button type="submit" loading={pending}>
            Save billing details
          </Button>
        </div>
      </form>
    </section>
  );
}
