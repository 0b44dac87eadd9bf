import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { BillingProfileForm } from '@/components/billing/billing-profile-form.client';
import { invoiceRows } from '@/components/billing/invoice-rows';
import { InvoiceTable } from '@/components/billing/invoice-table.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { getOrgBillingProfile, listInvoices } from '@/lib/billing/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Billing' };

async function EnterpriseBillingContent() {
  const ctx = await requestCtx();
  if (ctx.actor.kind !== 'user') forbidden();
  const orgId = ctx.actor.memberships.find((m) => m.role === 'enterprise_admin' && m.orgKind === 'enterprise')?.orgId;
  if (!orgId) forbidden();
  const [profile, docs] = await Promise.all([getOrgBillingProfile(ctx, orgId), listInvoices(ctx, { buyerOrgId: orgId })]);
  return (
    <div className="grid gap-8">
      <PageHeader title="Billing" description="Your organisation’s invoice details and every invoice billed to it for your members’ bookings, orders and rentals." />
      <section aria-labelledby="org-invoices-heading" className="grid gap-3">
        <h2 id="org-invoices-heading" className="text-base font-semibold">
          Invoices and credit notes
        </h2>
        <InvoiceTable rows={invoiceRows(docs)} />
      </section>
      <BillingProfileForm
        owner="enterprise"
        orgId={orgId}
        profile={profile}
        title="Organisation invoice details"
        description="Bookings by your members are invoiced to these details from now on."
      />
    </div>
  );
}

export default guardedPage('billing.manage_own', EnterpriseBillingContent, 'Loading billing…');
