import type { Metadata } from 'next';
import { BillingProfileForm } from '@/components/billing/billing-profile-form.client';
import { customerDocumentHref, invoiceRows } from '@/components/billing/invoice-rows';
import { InvoiceTable } from '@/components/billing/invoice-table.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { getMyBillingProfile, listInvoices } from '@/lib/billing/queries';
import { requestCtx } from '@/lib/core/auth/session';

export const metadata: Metadata = { title: 'Billing and invoices' };

async function BillingContent() {
  const ctx = await requestCtx();
  const [profile, docs] = await Promise.all([getMyBillingProfile(ctx), listInvoices(ctx, { customer: true })]);
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return (
    <div className="grid gap-8">
      <PageHeader title="Billing and invoices" description="The details printed on your invoices, and every invoice and credit note for your bookings, orders and rentals." />
      <section aria-labelledby="invoices-heading" className="grid gap-3">
        <h2 id="invoices-heading" className="text-base font-semibold">
          Your invoices and credit notes
        </h2>
        <InvoiceTable rows={invoiceRows(docs, (d) => (d.customerId === me ? customerDocumentHref(d) : null))} />
      </section>
      <BillingProfileForm
        owner="self"
        profile={profile}
        title="Invoice details"
        description="Want a company name and VAT number on your invoices? Add them here; they are used for invoices issued from now on."
      />
    </div>
  );
}

export default guardedPage('billing.manage_own', BillingContent, 'Loading your invoices…');
