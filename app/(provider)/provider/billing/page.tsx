import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { BillingProfileForm } from '@/components/billing/billing-profile-form.client';
import { invoiceRows } from '@/components/billing/invoice-rows';
import { InvoiceTable } from '@/components/billing/invoice-table.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { getOrgBillingProfile, listInvoices } from '@/lib/billing/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Business details' };

async function ProviderBillingContent() {
  const ctx = await requestCtx();
  if (ctx.actor.kind !== 'user') forbidden();
  const orgId = ctx.actor.memberships.find((m) => m.role === 'provider_admin' && m.orgKind === 'provider')?.orgId;
  if (!orgId) forbidden();
  const [profile, docs] = await Promise.all([getOrgBillingProfile(ctx, orgId), listInvoices(ctx, { providerOrgId: orgId })]);
  return (
    <div className="grid gap-8">
      <PageHeader title="Business details" description="Your legal name, VAT number and address as the supplier on your customers’ invoices." />
      <BillingProfileForm
        owner="provider"
        orgId={orgId}
        profile={profile}
        title="Supplier details"
        description="Used for invoices issued from now on; invoices already issued keep the details they were issued with."
      />
      <section aria-labelledby="issued-heading" className="grid gap-3">
        <h2 id="issued-heading" className="text-base font-semibold">
          Invoices issued for your services, sales and rentals
        </h2>
        <InvoiceTable rows={invoiceRows(docs, (d) => `/provider/invoices/${d.id}`)} />
      </section>
    </div>
  );
}

export default guardedPage('billing.manage_own', ProviderBillingContent, 'Loading your business details…');
