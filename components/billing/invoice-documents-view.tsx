import Link from 'next/link';
import type { ReactNode } from 'react';
import { ArrowLeft, FileX } from 'lucide-react';
import { PrintButton } from '@/components/booking/print-button.client';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import type { InvoiceDoc } from '@/lib/billing/queries';
import { subjectLabel } from '@/lib/billing/subject';
import { InvoiceDocument } from './invoice-document';

/** Only the documents are printed: the panel's navigation and buttons are hidden on paper. */
const printCss = `@media print {
  body * { visibility: hidden !important; }
  #invoice-documents, #invoice-documents * { visibility: visible !important; }
  #invoice-documents { position: absolute; inset: 0; margin: 0; }
  @page { margin: 16mm; }
}`;

/**
 * A subject's invoice and credit notes as one printable page (bookings, orders, rentals, and any
 * document opened from a billing list). `empty` explains why there is no invoice yet.
 */
export function InvoiceDocumentsView({
  docs,
  back,
  timeZone = 'Europe/London',
  empty,
  footnote,
  serviceAddress,
}: {
  docs: InvoiceDoc[];
  back: { href: string; label: string };
  timeZone?: string;
  empty: { title: string; description: string };
  footnote?: ReactNode;
  /** Where the work was done (bookings): printed on the invoice itself. */
  serviceAddress?: string;
}) {
  const backLink = (
    <Link href={back.href} className="inline-flex min-h-6 items-center gap-1 text-sm text-muted hover:text-fg print:hidden">
      <ArrowLeft aria-hidden="true" className="size-4" />
      {back.label}
    </Link>
  );
  if (docs.length === 0) {
    return (
      <>
        {backLink}
        <EmptyState
          headingLevel="h1"
          icon={<FileX />}
          title={empty.title}
          description={empty.description}
          action={
            <Link href={back.href} className={buttonClasses()}>
              {back.label}
            </Link>
          }
        />
      </>
    );
  }
  const [invoice, ...creditNotes] = docs;
  const subject = invoice.reference ? `${subjectLabel[invoice.subjectKind]} ${invoice.reference}` : subjectLabel[invoice.subjectKind];
  return (
    <>
      <style>{printCss}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        {backLink}
        <PrintButton />
      </div>
      <div className="print:hidden">
        <PageHeader
          title={invoice.kind === 'invoice' ? 'VAT invoice' : 'Credit note'}
          description={`${subject}${creditNotes.length ? ` · ${creditNotes.length} credit note${creditNotes.length > 1 ? 's' : ''}` : ''}`}
        />
      </div>
      <div id="invoice-documents" className="grid gap-6">
        <InvoiceDocument doc={invoice} timeZone={timeZone} serviceAddress={serviceAddress} />
        {footnote ? <div className="mx-auto w-full max-w-3xl text-sm text-muted print:text-black">{footnote}</div> : null}
        {creditNotes.length ? (
          <section aria-labelledby="credit-notes-heading" className="grid gap-4">
            <h2 id="credit-notes-heading" className="text-lg font-semibold print:hidden">
              Credit notes
            </h2>
            {creditNotes.map((d) => (
              <InvoiceDocument key={d.id} doc={d} timeZone={timeZone} />
            ))}
          </section>
        ) : null}
      </div>
    </>
  );
}

/** Links from a subject's page to its documents: "VAT invoice" and, after a refund, "Credit note". */
export function InvoiceLinks({ docs, href }: { docs: InvoiceDoc[]; href: string }) {
  if (docs.length === 0) return null;
  const credits = docs.filter((d) => d.kind === 'credit_note');
  return (
    <nav aria-label="Invoices" className="flex flex-wrap items-center gap-2 print:hidden" data-testid="invoice-links">
      <Link href={href} className={buttonClasses({ variant: 'secondary' })}>
        VAT invoice {docs[0].number}
      </Link>
      {credits.map((d) => (
        <Link key={d.id} href={`${href}#doc-${d.id}`} className={buttonClasses({ variant: 'secondary' })}>
          Credit note {d.number}
        </Link>
      ))}
    </nav>
  );
}
