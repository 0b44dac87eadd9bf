import { formatInZone } from '@/components/booking/format';
import type { InvoiceDoc } from '@/lib/billing/queries';
import type { InvoiceRowView } from './invoice-table.client';

/** Documents as table rows; `linkable` says whose documents the viewer can open by booking. */
export function invoiceRows(docs: InvoiceDoc[], linkable: (d: InvoiceDoc) => boolean = () => false): InvoiceRowView[] {
  return docs.map((d) => ({
    id: d.id,
    number: d.number,
    kind: d.kind,
    issuedLabel: formatInZone(d.issuedAt.toISOString(), 'Europe/London'),
    issuedIso: d.issuedAt.toISOString(),
    bookingReference: d.bookingReference ?? '—',
    href: linkable(d) ? `/account/bookings/${d.bookingId}/receipt` : null,
    buyer: d.buyer.legalName,
    currency: d.currency,
    netMinor: Number(d.netMinor),
    taxMinor: Number(d.taxMinor),
    totalMinor: Number(d.totalMinor),
  }));
}
