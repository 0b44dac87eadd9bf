'use client';

import { Landmark } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { formatMinor } from './format';

export interface PayoutRowView {
  id: string;
  /** Formatted on the server with its zone. */
  whenLabel: string;
  whenIso: string;
  provider?: string;
  currency: string;
  amountMinor: number;
  status: 'pending' | 'paid' | 'failed';
  period: string;
  destinationLast4: string;
  failureReason: string | null;
}

const tone: Record<PayoutRowView['status'], BadgeTone> = { pending: 'info', paid: 'success', failed: 'danger' };
const label: Record<PayoutRowView['status'], string> = { pending: 'On its way', paid: 'Paid', failed: 'Failed' };

/** "weekly:2026-W49" → "Weekly 2026-W49"; manual requests → "On request". */
export function periodLabel(key: string): string {
  if (key.startsWith('manual:')) return 'On request';
  const [kind, rest] = key.split(':');
  return `${(kind ?? '').charAt(0).toUpperCase()}${(kind ?? '').slice(1)} ${rest ?? ''}`.trim();
}

export function PayoutsTable({ rows, showProvider = false, caption = 'Payout history' }: { rows: PayoutRowView[]; showProvider?: boolean; caption?: string }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Landmark aria-hidden="true" />}
        title="No payouts yet"
        description={showProvider ? 'Payouts appear here when providers are paid.' : 'Payouts to your bank appear here, scheduled or on request.'}
        headingLevel="h3"
      />
    );
  }
  const columns: DataTableColumn<PayoutRowView>[] = [
    { key: 'whenLabel', header: 'Created', sortable: true, sortValue: (r) => r.whenIso, csv: (r) => r.whenIso },
    ...(showProvider ? [{ key: 'provider', header: 'Provider', rowHeader: true, sortable: true } as DataTableColumn<PayoutRowView>] : []),
    {
      key: 'amountMinor',
      header: 'Amount',
      align: 'end',
      sortable: true,
      rowHeader: !showProvider,
      cell: (r) => <span className="tabular-nums">{formatMinor(r.amountMinor, r.currency)}</span>,
      csv: (r) => r.amountMinor,
    },
    { key: 'currency', header: 'Currency' },
    {
      key: 'status',
      header: 'Status',
      sortable: true,
      cell: (r) => (
        <span className="grid gap-1">
          <Badge tone={tone[r.status]}>{label[r.status]}</Badge>
          {r.failureReason ? <span className="text-sm text-danger">{r.failureReason}</span> : null}
        </span>
      ),
      csv: (r) => (r.failureReason ? `${r.status}: ${r.failureReason}` : r.status),
    },
    { key: 'period', header: 'Period', cell: (r) => periodLabel(r.period), csv: (r) => r.period },
    { key: 'destinationLast4', header: 'To account', cell: (r) => `···· ${r.destinationLast4}` },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={rows} getRowId={(r) => r.id} exportable exportLabel="Export payouts (CSV, minor units)" />;
}
