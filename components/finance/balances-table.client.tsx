'use client';

import { Landmark } from 'lucide-react';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { accountKindLabel, formatMinor } from './format';

/** One ledger account with its derived balance (debit +, credit −), as plain serialisable data. */
export interface BalanceRowView {
  accountId: string;
  kind: string;
  owner: string;
  currency: string;
  balanceMinor: number;
}

const columns: DataTableColumn<BalanceRowView>[] = [
  { key: 'kind', header: 'Account', rowHeader: true, sortable: true, cell: (r) => accountKindLabel(r.kind), csv: (r) => r.kind },
  { key: 'owner', header: 'Owner', sortable: true },
  { key: 'currency', header: 'Currency', sortable: true },
  {
    key: 'balanceMinor',
    header: 'Balance (debit + / credit −)',
    align: 'end',
    sortable: true,
    cell: (r) => <span className="tabular-nums">{formatMinor(r.balanceMinor, r.currency)}</span>,
    csv: (r) => r.balanceMinor,
    sortValue: (r) => r.balanceMinor,
  },
];

export function BalancesTable({ rows }: { rows: BalanceRowView[] }) {
  // Empty: the state on its own, not inside a horizontally scrolling table (360 px).
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Landmark aria-hidden="true" />}
        title="No ledger accounts yet"
        description="Accounts appear with the first captured payment."
        headingLevel="h3"
      />
    );
  }
  return (
    <DataTable
      caption="Ledger balances"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.accountId}
      exportable
      exportLabel="Export balances (CSV, minor units)"
      csvFilename={`ledger-balances-${new Date().toISOString().slice(0, 10)}.csv`}
    />
  );
}
