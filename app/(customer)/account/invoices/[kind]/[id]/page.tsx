import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { InvoiceDocumentsView } from '@/components/billing/invoice-documents-view';
import { orNotFound } from '@/components/billing/or-not-found';
import { getSubjectDocuments } from '@/lib/billing/queries';
import { requirePermission } from '@/lib/core/auth/guards';
import { requestCtx } from '@/lib/core/auth/session';
import { getMyOrder } from '@/lib/marketplace/order-queries';
import { getRental } from '@/lib/rentals/queries';

export const metadata: Metadata = { title: 'VAT invoice' };

/** Why a rental has no invoice (yet), by its state (docs/finance.md "Invoices"). */
function rentalEmpty(status: string) {
  if (status === 'cancelled' || status === 'rejected') {
    return { title: 'No invoice for this rental', description: 'Nothing was charged for this rental (the card hold was released), so there is no invoice.' };
  }
  if (status === 'settled') {
    return { title: 'No invoice for this rental', description: 'This rental was settled before invoices were issued automatically. Contact support if you need a VAT invoice for it.' };
  }
  return { title: 'No invoice yet', description: 'The VAT invoice is issued when the rental is settled, and covers the rental and any charges from the return inspection.' };
}

const DEPOSIT_NOTE = 'The refundable deposit is not on this invoice: holding a deposit is not a sale. Any charges taken from it are the settlement charge lines above.';

/**
 * The printable VAT invoice and credit notes of a marketplace order or a rental
 * (/account/invoices/order/<id>, /account/invoices/rental/<id>). Everything is read BEFORE anything
 * streams (no Suspense, no loading.tsx on this route), so someone who may not see the documents
 * gets a real 404, not a 200 carrying the not-found page.
 */
export default async function CommerceInvoicePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  await requirePermission('invoices.read_own');
  const { kind, id } = await params;
  if (kind !== 'order' && kind !== 'rental') notFound();
  const ctx = await requestCtx();
  const docs = await orNotFound(getSubjectDocuments(ctx, { kind, id }));
  if (kind === 'order') {
    // No document yet: say why only to the order's own customer; anyone else learns nothing.
    if (docs.length === 0) await orNotFound(getMyOrder(ctx, id));
    return (
      <InvoiceDocumentsView
        docs={docs}
        back={{ href: `/account/orders/${id}`, label: 'Back to the order' }}
        empty={{ title: 'No invoice for this order', description: 'This order was paid before invoices were issued automatically. Contact support if you need a VAT invoice for it.' }}
      />
    );
  }
  const status = docs.length === 0 ? (await orNotFound(getRental(ctx, id))).rental.status : 'settled';
  return <InvoiceDocumentsView docs={docs} back={{ href: `/account/rentals/${id}`, label: 'Back to the rental' }} empty={rentalEmpty(status)} footnote={DEPOSIT_NOTE} />;
}
