'use client';

import Link from 'next/link';
import { Boxes } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { formatMajor } from '@/lib/core/money';
import { kindLabels, modeLabels, trackingLabels } from './labels';

export interface ItemRowView {
  id: string;
  sku: string;
  name: string;
  kind: keyof typeof kindLabels;
  mode: keyof typeof modeLabels;
  tracking: keyof typeof trackingLabels;
  onHand: number;
  reserved: number;
  outOnRent: number;
  available: number;
  safetyStock: number;
  lowStock: boolean;
  dailyRateMinor: number | null;
  salePriceMinor: number | null;
  currency: string;
  status: 'active' | 'archived';
}

const price = (v: number | null, currency: string) => (v === null ? '—' : `${formatMajor(BigInt(v), currency)} ${currency}`);

const columns: DataTableColumn<ItemRowView>[] = [
  {
    key: 'sku',
    header: 'SKU',
    rowHeader: true,
    sortable: true,
    cell: (r) => (
      <Link href={`/provider/inventory/${r.id}`} className="font-mono whitespace-nowrap text-link underline underline-offset-4">
        {r.sku}
      </Link>
    ),
  },
  { key: 'name', header: 'Name', sortable: true, className: 'min-w-40' },
  { key: 'kind', header: 'Kind', sortable: true, cell: (r) => kindLabels[r.kind] },
  { key: 'mode', header: 'Mode', sortable: true, cell: (r) => modeLabels[r.mode] },
  { key: 'tracking', header: 'Tracking', cell: (r) => trackingLabels[r.tracking] },
  { key: 'onHand', header: 'On hand', align: 'end', sortable: true },
  { key: 'reserved', header: 'Reserved', align: 'end', sortable: true },
  { key: 'outOnRent', header: 'Out', align: 'end', sortable: true },
  {
    key: 'available',
    header: 'Available',
    align: 'end',
    sortable: true,
    cell: (r) => (
      <span className="inline-flex items-center justify-end gap-2 whitespace-nowrap">
        {r.lowStock ? <Badge tone={r.available <= 0 ? 'danger' : 'warning'}>Low</Badge> : null}
        {r.available}
        {r.safetyStock > 0 ? <span className="text-xs text-muted">/ {r.safetyStock}</span> : null}
      </span>
    ),
  },
  { key: 'dailyRate', header: 'Daily rate', align: 'end', cell: (r) => price(r.dailyRateMinor, r.currency), sortValue: (r) => r.dailyRateMinor },
  { key: 'salePrice', header: 'Sale price', align: 'end', cell: (r) => price(r.salePriceMinor, r.currency), sortValue: (r) => r.salePriceMinor },
];

export function ItemsTable({ rows, filtered }: { rows: ItemRowView[]; filtered: boolean }) {
  return (
    <DataTable
      caption="Inventory items"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      exportable={false}
      initialSort={{ key: 'sku', direction: 'ascending' }}
      empty={
        <EmptyState
          icon={<Boxes />}
          title={filtered ? 'No items match these filters' : 'No items yet'}
          description={filtered ? 'Clear the search or filters to see all items.' : 'Add the tools and materials you rent or sell.'}
          action={
            filtered ? (
              <Link href="/provider/inventory" className="text-link underline underline-offset-4">
                Clear filters
              </Link>
            ) : (
              <Link href="/provider/inventory/new" className="text-link underline underline-offset-4">
                Add your first item
              </Link>
            )
          }
        />
      }
    />
  );
}
