import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, FileX } from 'lucide-react';
import { CAPTURED_STATUSES, formatInZone, formatMinor } from '@/components/booking/format';
import { PrintButton } from '@/components/booking/print-button.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { EmptyState } from '@/components/ui/states';
import { getBooking } from '@/lib/bookings/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';

export const metadata: Metadata = { title: 'Receipt' };

function rate(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac} %` : `${whole} %`;
}

/** Only the receipt is printed: the panel's navigation and buttons are hidden on paper. */
const printCss = `@media print {
  body * { visibility: hidden !important; }
  #receipt, #receipt * { visibility: visible !important; }
  #receipt { position: absolute; inset: 0; margin: 0; border: 0; box-shadow: none; }
  @page { margin: 16mm; }
}`;

async function ReceiptContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let b;
  try {
    b = await getBooking(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  // Receipts are the customer's own document.
  if (ctx.actor.kind !== 'user' || b.customerId !== ctx.actor.userId) notFound();
  const feeOnly = b.status === 'cancelled' && (b.cancellationFeeMinor ?? 0) > 0;
  const available = CAPTURED_STATUSES.has(b.status) || feeOnly;
  const back = (
    <Link href={`/account/bookings/${b.id}`} className="inline-flex min-h-6 items-center gap-1 text-sm text-muted hover:text-fg print:hidden">
      <ArrowLeft aria-hidden="true" className="size-4" />
      Back to the booking
    </Link>
  );
  if (!available) {
    return (
      <>
        {back}
        <EmptyState
          headingLevel="h1"
          icon={<FileX />}
          title="No receipt yet"
          description="The receipt is ready once your card has been charged, which happens when the crew checks in."
          action={
            <Link href={`/account/bookings/${b.id}`} className={buttonClasses()}>
              Back to the booking
            </Link>
          }
        />
      </>
    );
  }
  // One VAT rate per booking (the zone's tax region); the VAT amount is its own row below.
  const rows = feeOnly
    ? [{ label: `Cancellation fee — ${b.serviceTitle}`, gross: b.cancellationFeeMinor! }]
    : [
        { label: `${b.serviceTitle} (supplied by ${b.providerName})`, gross: b.priceMinor },
        { label: 'Platform service fee (Fixnado)', gross: b.serviceFeeMinor },
      ];
  const issued = b.startsAt ?? b.createdAt;
  return (
    <>
      <style>{printCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        {back}
        <PrintButton />
      </div>
      <article id="receipt" className="mx-auto grid max-w-2xl gap-6 rounded-lg border bg-surface p-4 text-fg sm:p-8 print:bg-white print:text-black" aria-labelledby="receipt-title">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div className="grid gap-1">
            <h1 id="receipt-title" className="text-2xl font-semibold">
              VAT receipt
            </h1>
            <p className="text-sm">Reference {b.reference}</p>
          </div>
          <dl className="grid gap-0.5 text-sm sm:text-end">
            <dt className="sr-only">Date</dt>
            <dd>{formatInZone(issued, b.timeZone)}</dd>
            <dt className="sr-only">Currency</dt>
            <dd>Currency: {b.currency}</dd>
          </dl>
        </header>
        <section className="grid gap-4 text-sm sm:grid-cols-2">
          <div className="grid gap-0.5">
            <h2 className="font-semibold">Supplier</h2>
            <p>{b.providerName}</p>
            <p className="text-muted">Fixnado acts as a commercial agent collecting payment on the supplier’s behalf.</p>
          </div>
          <div className="grid gap-0.5">
            <h2 className="font-semibold">Service address</h2>
            <p className="break-words">{b.addressLine}</p>
          </div>
        </section>
        <table className="w-full text-sm" data-testid="receipt-lines">
          <caption className="sr-only">Receipt lines</caption>
          <thead>
            <tr className="border-b text-start">
              <th scope="col" className="py-2 pe-2 text-start font-semibold">
                Description
              </th>
              <th scope="col" className="py-2 pe-2 text-end font-semibold">
                VAT rate
              </th>
              <th scope="col" className="py-2 text-end font-semibold">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-b">
                <td className="py-2 pe-2 break-words">{r.label}</td>
                <td className="py-2 pe-2 text-end">{feeOnly ? '—' : rate(b.taxRateBp)}</td>
                <td className="py-2 text-end tabular-nums">{formatMinor(r.gross, b.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {!feeOnly ? (
              <tr>
                <th scope="row" colSpan={2} className="py-2 pe-2 text-end font-normal">
                  {b.taxInclusive ? `VAT included (${rate(b.taxRateBp)})` : `VAT (${rate(b.taxRateBp)})`}
                </th>
                <td className="py-2 text-end tabular-nums">{formatMinor(b.taxMinor, b.currency)}</td>
              </tr>
            ) : null}
            <tr className="border-t-2 text-base font-semibold">
              <th scope="row" colSpan={2} className="py-2 pe-2 text-end">
                Total paid
              </th>
              <td className="py-2 text-end tabular-nums" data-testid="receipt-total">
                {formatMinor(feeOnly ? b.cancellationFeeMinor! : b.totalMinor, b.currency)}
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="text-xs text-muted">
          Amounts in {b.currency}. {b.taxInclusive ? 'Prices include VAT.' : 'VAT is charged on the price and the service fee.'} Keep this receipt for your records.
        </p>
      </article>
    </>
  );
}

export default guardedPage('bookings.read_own', ReceiptContent, 'Loading the receipt…');
