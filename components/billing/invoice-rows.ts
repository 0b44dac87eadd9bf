import { formatInZone } from '@/components/booking/format';
import type { InvoiceDoc } from '@/lib/billing/queries';
import { subjectLabel } from '@/lib/billing/subject';
import type { InvoiceRowView } from './invoice-table.client';

/** Where the buyer opens the documents of a subject (its own pages under /account). */
export function customerDocumentHref(d: Pick<InvoiceDoc, 'subjectKind' | 'subjectId'>): string {
  if (d.subjectKind === 'booking') return `/account/bookings/${d.subjectId}/receipt`;
  return `/account/invoices/${d.subjectKind}/${d.subjectId}`;
}

/** Documents as table rows; `hrefFor` says where the viewer opens a document (null: not linked). */
export function invoiceRows(docs: InvoiceDoc[], hrefFor: (d: InvoiceDoc) => string | null = () => null): InvoiceRowView[] {
  return docs.map((d) => ({
    id: d.id,
    number: d.number,
    kind: d.kind,
    issuedLabel: formatInZone(d.issuedAt.toISOString(), 'Europe/London'),
    issuedIso: d.issuedAt.toISOString(),
    subject: d.reference ? `${subjectLabel[d.subjectKind]} ${d.reference}` : subjectLabel[d.subjectKind],
    href: hrefFor(d),
    buyer: d.buyer.legalName,
    currency: d.currency,
    netMinor: Number(d.netMinor),
    taxMinor: Number(d.taxMinor),
    totalMinor: Number(d.totalMinor),
  }));
}
