import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, FileX } from 'lucide-react';
import { CAPTURED_STATUSES } from '@/components/booking/format';
import { PrintButton } from '@/components/booking/print-button.client';
import { InvoiceDocument } from '@/components/billing/invoice-document';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { getBookingDocuments } from '@/lib/billing/queries';
import { getBooking } from '@/lib/bookings/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';

export const metadata: Metadata = { title: 'Invoice' };

/** Only the documents are printed: the panel's navigation and buttons are hidden on paper. */
const printCss = `@media print {
  body * { visibility: hidden !important; }
  #invoice-documents, #invoice-documents * { visibility: visible !important; }
  #invoice-documents { position: absolute; inset: 0; margin: 0; }
  @page { margin: 16mm; }
}`;

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
  const back = (
    <Link href={`/account/bookings/${b.id}`} className="inline-flex min-h-6 items-center gap-1 text-sm text-muted hover:text-fg print:hidden">
      <ArrowLeft aria-hidden="true" className="size-4" />
      Back to the booking
    </Link>
  );
  if (docs.length === 0) {
    const paid = CAPTURED_STATUSES.has(b.status);
    return (
      <>
        {back}
        <EmptyState
          headingLevel="h1"
          icon={<FileX />}
          title="No invoice yet"
          description={
            paid
              ? 'This booking was paid before invoices were issued automatically. Contact support if you need a VAT invoice for it.'
              : 'The invoice is issued once your card has been charged, which happens when the crew checks in.'
          }
          action={
            <Link href={`/account/bookings/${b.id}`} className={buttonClasses()}>
              Back to the booking
            </Link>
          }
        />
      </>
    );
  }
  const [invoice, ...creditNotes] = docs;
  return (
    <>
      <style>{printCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        {back}
        <PrintButton />
      </div>
      <div className="print:hidden">
        <PageHeader
          title="Invoice"
          description={`Booking ${b.reference}${creditNotes.length ? ` · ${creditNotes.length} credit note${creditNotes.length > 1 ? 's' : ''}` : ''}`}
        />
      </div>
      <div id="invoice-documents" className="grid gap-6">
        <InvoiceDocument doc={invoice} timeZone={b.timeZone} serviceAddress={b.addressLine} />
        {creditNotes.length ? (
          <section aria-labelledby="credit-notes-heading" className="grid gap-4">
            <h2 id="credit-notes-heading" className="text-lg font-semibold print:hidden">
              Credit notes
            </h2>
            {creditNotes.map((d) => (
              <InvoiceDocument key={d.id} doc={d} timeZone={b.timeZone} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}

export default guardedPage('bookings.read_own', InvoiceContent, 'Loading the invoice…');
