'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { MapPinned } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import type { DemandLevel, ZoneStatus } from '@/lib/geo/types';
import { demandTone, statusTone } from './format';

/** Plain row for the zone list; the server formats times (Europe/London) so the client never re-zones them. */
export interface ZoneRowView {
  id: string;
  href: string;
  name: string;
  ownerName: string;
  ownerKind: 'platform' | 'provider';
  demandLevel: DemandLevel;
  status: ZoneStatus;
  /** Platform zones only (who governs an overlap); absent where it does not apply. */
  priority?: number;
  areaKm2: number;
  providers: number | null;
  services: number | null;
  slaBreaches: number | null;
  /** supply ÷ demand as basis points; null without open demand or metrics. */
  supplyDemandRatioBp: number | null;
  openDemand: number | null;
  inventoryMatches: number | null;
  metricsAt: string | null;
  metricsAtLabel: string | null;
  metricsAgeLabel: string | null;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const km2 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const ratio = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function ratioText(z: ZoneRowView): string {
  if (z.supplyDemandRatioBp === null) return z.openDemand === 0 ? 'No open demand' : '—';
  return ratio.format(z.supplyDemandRatioBp / 10000);
}

const num = (v: number | null) => (v === null ? '—' : String(v));

export function ZonesTable({
  rows,
  filtered,
  emptyAction,
  showOwner = true,
}: {
  rows: ZoneRowView[];
  filtered: boolean;
  emptyAction?: ReactNode;
  /** Off when every row has the same owner (platform-only list, a provider's own areas). */
  showOwner?: boolean;
}) {
  const allColumns: DataTableColumn<ZoneRowView>[] = [
    {
      key: 'name',
      header: 'Zone',
      rowHeader: true,
      sortable: true,
      className: 'min-w-40',
      cell: (z) => (
        <Link href={z.href} className="text-link underline-offset-4 hover:underline">
          {z.name}
        </Link>
      ),
    },
    {
      key: 'ownerName',
      header: 'Owner',
      sortable: true,
      csv: (z) => `${z.ownerName} (${z.ownerKind})`,
      cell: (z) => (
        <span className="grid">
          <span>{z.ownerName}</span>
          <span className="text-xs text-muted">{z.ownerKind === 'platform' ? 'Platform zone' : 'Provider area'}</span>
        </span>
      ),
    },
    {
      key: 'demandLevel',
      header: 'Demand',
      sortable: true,
      sortValue: (z) => ({ high: 0, medium: 1, low: 2 })[z.demandLevel],
      cell: (z) => <Badge tone={demandTone[z.demandLevel]}>{cap(z.demandLevel)}</Badge>,
    },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      cell: (z) => <Badge tone={statusTone[z.status]}>{cap(z.status)}</Badge>,
    },
    {
      key: 'priority',
      header: 'Priority',
      align: 'end',
      sortable: true,
      sortValue: (z) => (z.ownerKind === 'platform' ? (z.priority ?? 0) : null),
      csv: (z) => (z.ownerKind === 'platform' ? (z.priority ?? 0) : null),
      cell: (z) => (z.ownerKind === 'platform' ? String(z.priority ?? 0) : <span className="text-muted">—</span>),
    },
    { key: 'areaKm2', header: 'Area (km²)', align: 'end', sortable: true, csv: (z) => z.areaKm2, cell: (z) => km2.format(z.areaKm2) },
    { key: 'providers', header: 'Providers', align: 'end', sortable: true, csv: (z) => z.providers, cell: (z) => num(z.providers) },
    { key: 'services', header: 'Services', align: 'end', sortable: true, csv: (z) => z.services, cell: (z) => num(z.services) },
    { key: 'slaBreaches', header: 'SLA breaches', align: 'end', sortable: true, csv: (z) => z.slaBreaches, cell: (z) => num(z.slaBreaches) },
    {
      key: 'supplyDemand',
      header: 'Supply/demand',
      align: 'end',
      sortable: true,
      sortValue: (z) => z.supplyDemandRatioBp,
      csv: (z) => (z.supplyDemandRatioBp === null ? null : z.supplyDemandRatioBp / 10000),
      cell: ratioText,
    },
    { key: 'inventoryMatches', header: 'Inventory matches', align: 'end', sortable: true, csv: (z) => z.inventoryMatches, cell: (z) => num(z.inventoryMatches) },
    {
      key: 'metricsAt',
      header: 'Metrics age',
      sortable: true,
      sortValue: (z) => z.metricsAt,
      csv: (z) => z.metricsAt,
      className: 'whitespace-nowrap',
      cell: (z) =>
        z.metricsAt ? (
          <time dateTime={z.metricsAt} title={z.metricsAtLabel ?? undefined}>
            {z.metricsAgeLabel}
          </time>
        ) : (
          <span className="text-muted">Not computed yet</span>
        ),
    },
  ];
  // Priority only means something where platform zones are listed (it decides overlaps between them).
  const showPriority = rows.some((z) => z.ownerKind === 'platform' && z.priority !== undefined);
  const columns = allColumns.filter((c) => (showOwner || c.key !== 'ownerName') && (showPriority || c.key !== 'priority'));

  return (
    <DataTable
      caption="Zones"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(z) => z.id}
      csvFilename={`zones-${new Date().toISOString().slice(0, 10)}.csv`}
      empty={
        <EmptyState
          icon={<MapPinned />}
          headingLevel="h3"
          title={filtered ? 'No zones match these filters' : 'No zones yet'}
          description={filtered ? 'Clear a filter or search for part of a zone name.' : 'Draw a zone on the map or import GeoJSON to start.'}
          action={emptyAction}
        />
      }
    />
  );
}
