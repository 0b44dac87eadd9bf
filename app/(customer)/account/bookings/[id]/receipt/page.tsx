import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CAPTURED_STATUSES } from '@/components/booking/format';
import { InvoiceDocumentsView } from '@/components/billing/invoice-documents-view';
import { guardedPage } from '@/components/layout/guarded-page';
import { getBookingDocuments } from '@/lib/billing/queries';
import { getBooking } from '@/lib/bookings/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';

export const metadata: Metadata = { title: 'Invoice' };

async function InvoiceContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let b;
  try {
    b = await getBooking(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  // The invoice page of a booking is its customer's; organisations see theirs in their billing lists.
  if (ctx.actor.kind !== 'user' || b.customerId !== ctx.actor.userId) notFound();
  const docs = await getBookingDocuments(ctx, b.id);
  const paid = CAPTURED_STATUSES.has(b.status);
  return (
    <InvoiceDocumentsView
      docs={docs}
      back={{ href: `/account/bookings/${b.id}`, label: 'Back to the booking' }}
      timeZone={b.timeZone}
      serviceAddress={b.addressLine}
      empty={{
        title: 'No invoice yet',
        description: paid
          ? 'This booking was paid before invoices were issued automatically. Contact support if you need a VAT invoice for it.'
          : 'The invoice is issued once your card has been charged, which happens when the crew checks in.',
      }}
    />
  );
}

export default guardedPage('bookings.read_own', InvoiceContent, 'Loading the invoice…');
