'use client';

import Link from 'next/link';
import { Wrench } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { formatMajor, formatMoney, money } from '@/lib/core/money';
import type { ServiceStatus } from '@/lib/catalog/schemas';
import { ServiceStatusControls } from './service-status-controls.client';

/** Plain, serialisable row (prices as integer minor units). */
export interface ServiceRow {
  id: string;
  title: string;
  categoryName: string;
  priceMinor: number;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  status: ServiceStatus;
}

export const serviceStatusTone: Record<ServiceStatus, BadgeTone> = { active: 'success', draft: 'neutral', paused: 'warning', archived: 'neutral' };
const statusLabel: Record<ServiceStatus, string> = { active: 'Published', draft: 'Draft', paused: 'Paused', archived: 'Archived' };

export function minutesLabel(m: number): string {
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const r = m % 60;
  return r ? `${h} h ${r} min` : `${h} h`;
}

export function ServicesTable({ rows }: { rows: ServiceRow[] }) {
  const columns: DataTableColumn<ServiceRow>[] = [
    {
      key: 'title',
      header: 'Service',
      rowHeader: true,
      sortable: true,
      cell: (r) => (
        <Link href={`/provider/services/${r.id}`} className="font-medium text-link underline-offset-4 hover:underline">
          {r.title}
        </Link>
      ),
    },
    { key: 'categoryName', header: 'Category', sortable: true },
    {
      key: 'price',
      header: 'Price',
      align: 'end',
      sortable: true,
      sortValue: (r) => r.priceMinor,
      cell: (r) => (
        <span>
          {formatMoney(money(r.priceMinor, r.currency))}
          <span className="block text-xs text-muted">{r.taxInclusive ? 'tax included' : 'plus tax'}</span>
        </span>
      ),
      // Exact decimal text (no float), with the currency in its own column.
      csv: (r) => formatMajor(BigInt(r.priceMinor), r.currency),
    },
    { key: 'currency', header: 'Currency', sortable: true },
    { key: 'durationMinutes', header: 'Duration', align: 'end', sortable: true, cell: (r) => minutesLabel(r.durationMinutes), csv: (r) => r.durationMinutes },
    { key: 'crewSize', header: 'Crew', align: 'end', sortable: true, cell: (r) => String(r.crewSize) },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      cell: (r) => <Badge tone={serviceStatusTone[r.status]}>{statusLabel[r.status]}</Badge>,
      csv: (r) => r.status,
    },
    { key: 'actions', header: 'Actions', csv: false, cell: (r) => <ServiceStatusControls serviceId={r.id} title={r.title} status={r.status} compact /> },
  ];
  return (
    <DataTable
      caption="Your services"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      exportable
      csvFilename={`services-${new Date().toISOString().slice(0, 10)}.csv`}
      initialSort={{ key: 'title', direction: 'ascending' }}
      empty={
        <EmptyState
          icon={<Wrench />}
          title="No services yet"
          description="Add the services you offer with their price, duration and crew size; publish them when ready."
          action={
            <Link href="/provider/services/new" className={buttonClasses()}>
              New service
            </Link>
          }
        />
      }
    />
  );
}
