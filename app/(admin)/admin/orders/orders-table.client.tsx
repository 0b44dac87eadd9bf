'use client';

import Link from 'next/link';
import { ShoppingBag } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';

/** One order as the desk shows it: plain, pre-formatted values (times and money are formatted on the server). */
export interface OpsOrderRow {
  id: string;
  reference: string;
  placedAt: string;
  placedLabel: string;
  seller: string;
  customerName: string;
  customerEmail: string;
  item: string;
  quantity: number;
  totalMinor: number;
  totalLabel: string;
  currency: string;
  status: string;
  statusLabel: string;
  statusTone: BadgeTone;
  fulfilment: string;
}

const columns: DataTableColumn<OpsOrderRow>[] = [
  {
    key: 'reference',
    header: 'Reference',
    rowHeader: true,
    sortable: true,
    className: 'whitespace-nowrap',
    cell: (r) => (
      <Link href={`/admin/orders/${r.id}`} className="font-mono text-link underline underline-offset-4">
        {r.reference}
      </Link>
    ),
  },
  { key: 'placedAt', header: 'Placed', sortable: true, className: 'whitespace-nowrap', csv: (r) => r.placedAt, cell: (r) => <time dateTime={r.placedAt}>{r.placedLabel}</time> },
  { key: 'seller', header: 'Seller', sortable: true },
  {
    key: 'customer',
    header: 'Customer',
    sortable: true,
    csv: (r) => r.customerEmail,
    cell: (r) => (
      <span className="grid gap-0.5">
        <span>{r.customerName}</span>
        <span className="text-xs text-muted">{r.customerEmail}</span>
      </span>
    ),
  },
  { key: 'item', header: 'Item × qty', csv: (r) => `${r.item} × ${r.quantity}`, cell: (r) => `${r.item} × ${r.quantity}` },
  { key: 'total', header: 'Total', align: 'end', sortable: true, className: 'whitespace-nowrap', sortValue: (r) => r.totalMinor, csv: (r) => `${r.totalLabel}`, cell: (r) => r.totalLabel },
  { key: 'status', header: 'Status', sortable: true, csv: (r) => r.statusLabel, sortValue: (r) => r.statusLabel, cell: (r) => <Badge tone={r.statusTone}>{r.statusLabel}</Badge> },
  { key: 'fulfilment', header: 'Fulfilment', sortable: true },
];

export function OrdersTable({ rows, filtered, summary }: { rows: OpsOrderRow[]; filtered: boolean; summary: string }) {
  const empty = (
    <EmptyState
      icon={<ShoppingBag />}
      title={filtered ? 'No orders match these filters' : 'No orders yet'}
      description={filtered ? 'Change or clear the filters.' : 'Orders appear when customers buy from live listings.'}
    />
  );
  // Outside the table when there is nothing to show: inside it the message would be centred across
  // the table's full width and scrolled out of view on a phone.
  if (rows.length === 0) {
    return (
      <div className="grid gap-3">
        <p className="text-sm text-muted" role="status" data-testid="orders-summary">
          {summary}
        </p>
        <div className="rounded-lg border bg-surface">{empty}</div>
      </div>
    );
  }
  return (
    <DataTable
      caption="Marketplace orders"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      toolbar={
        <p className="text-sm text-muted" role="status" data-testid="orders-summary">
          {summary}
        </p>
      }
      empty={empty}
    />
  );
}
