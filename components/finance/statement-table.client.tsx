'use client';

import { ReceiptText } from 'lucide-react';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { accountKindLabel, formatMinor, transactionKindLabel } from './format';

export interface StatementRowView {
  id: string;
  /** Formatted on the server with its zone (Europe/London). */
  whenLabel: string;
  whenIso: string;
  booking: string;
  kind: string;
  account: string;
  currency: string;
  amountMinor: number;
}

const columns: DataTableColumn<StatementRowView>[] = [
  { key: 'whenLabel', header: 'Posted', sortable: true, sortValue: (r) => r.whenIso, csv: (r) => r.whenIso },
  { key: 'booking', header: 'Booking', rowHeader: true, sortable: true },
  { key: 'kind', header: 'Step', sortable: true, cell: (r) => transactionKindLabel(r.kind) },
  { key: 'account', header: 'Balance', sortable: true, cell: (r) => accountKindLabel(r.account).replace('Provider ', '') },
  {
    key: 'amountMinor',
    header: 'Amount',
    align: 'end',
    sortable: true,
    cell: (r) => <span className={r.amountMinor < 0 ? 'tabular-nums text-muted' : 'tabular-nums'}>{formatMinor(r.amountMinor, r.currency)}</span>,
    csv: (r) => r.amountMinor,
  },
  { key: 'currency', header: 'Currency' },
];

export function StatementTable({ rows, filtered }: { rows: StatementRowView[]; filtered: boolean }) {
  // Empty: the state on its own, not inside a horizontally scrolling table (360 px).
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<ReceiptText aria-hidden="true" />}
        title={filtered ? 'No lines in these dates' : 'No earnings yet'}
        description={filtered ? 'Try a wider date range.' : 'Your share of each completed booking appears here, first as pending for the 7-day dispute window, then payable.'}
        headingLevel="h3"
      />
    );
  }
  return (
    <DataTable
      caption="Statement"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      exportable
      exportLabel="Export statement (CSV, minor units)"
    />
  );
}
