'use client';

import Link from 'next/link';
import { FileText } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';

/** One issued document as the lists show it (formatted on the server, amounts in minor units). */
export interface InvoiceRowView {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  issuedLabel: string;
  issuedIso: string;
  /** What was sold: "Booking FX-…", "Order OR-…" or "Rental RN-…". */
  subject: string;
  /** Link to the document, when the viewer may open it. */
  href: string | null;
  buyer: string;
  currency: string;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

const money = (key: 'netMinor' | 'taxMinor' | 'totalMinor', header: string): DataTableColumn<InvoiceRowView> => ({
  key,
  header,
  align: 'end',
  sortable: true,
  cell: (r) => <span className="tabular-nums">{formatMinor(r[key], r.currency)}</span>,
  csv: (r) => r[key],
});

const columns: DataTableColumn<InvoiceRowView>[] = [
  {
    key: 'number',
    header: 'Number',
    rowHeader: true,
    sortable: true,
    cell: (r) =>
      r.href ? (
        <Link href={r.href} className="font-medium underline-offset-2 hover:underline">
          {r.number}
        </Link>
      ) : (
        r.number
      ),
  },
  { key: 'kind', header: 'Type', sortable: true, cell: (r) => (r.kind === 'invoice' ? <Badge tone="neutral">Invoice</Badge> : <Badge tone="warning">Credit note</Badge>), csv: (r) => r.kind },
  { key: 'issuedLabel', header: 'Issued', sortable: true, sortValue: (r) => r.issuedIso, csv: (r) => r.issuedIso },
  { key: 'subject', header: 'For', sortable: true },
  { key: 'buyer', header: 'Billed to', sortable: true },
  money('netMinor', 'Net'),
  money('taxMinor', 'VAT'),
  money('totalMinor', 'Gross'),
  { key: 'currency', header: 'Currency' },
];

export function InvoiceTable({ rows, caption = 'Invoices and credit notes' }: { rows: InvoiceRowView[]; caption?: string }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<FileText aria-hidden="true" />}
        title="No invoices yet"
        description="An invoice is issued when a booking or an order is paid, or a rental settled; refunds appear here as credit notes."
        headingLevel="h3"
      />
    );
  }
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      exportable
      exportLabel="Download CSV (minor units)"
      initialSort={{ key: 'issuedLabel', direction: 'descending' }}
    />
  );
}
