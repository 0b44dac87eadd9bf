'use client';

import Link from 'next/link';
import { ScrollText } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';

export interface AuditView {
  seq: number;
  occurredAt: string;
  occurredAtLabel: string;
  action: string;
  actionHref: string;
  actorType: string;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  sealed: boolean;
}

const columns: DataTableColumn<AuditView>[] = [
  { key: 'seq', header: 'No.', align: 'end', rowHeader: true, sortable: true },
  {
    key: 'occurredAt',
    header: 'When',
    sortable: true,
    className: 'whitespace-nowrap',
    cell: (r) => <time dateTime={r.occurredAt}>{r.occurredAtLabel}</time>,
  },
  {
    key: 'action',
    header: 'Action',
    sortable: true,
    cell: (r) => (
      <Link href={r.actionHref} className="font-mono text-link underline underline-offset-4">
        {r.action}
        <span className="sr-only"> (show only this action)</span>
      </Link>
    ),
  },
  {
    key: 'entity',
    header: 'Entity',
    csv: (r) => (r.entityId ? `${r.entityType}:${r.entityId}` : r.entityType),
    cell: (r) => (
      <span className="grid gap-0.5">
        <span>{r.entityType}</span>
        {r.entityId ? <code className="font-mono text-xs break-all text-muted">{r.entityId}</code> : null}
      </span>
    ),
  },
  {
    key: 'actor',
    header: 'Actor',
    csv: (r) => (r.actorId ? `${r.actorType}:${r.actorId}` : r.actorType),
    cell: (r) => (
      <span className="grid gap-0.5">
        <span>{r.actorType}</span>
        {r.actorId ? <code className="font-mono text-xs break-all text-muted">{r.actorId}</code> : null}
      </span>
    ),
  },
  {
    key: 'sealed',
    header: 'Seal',
    sortable: true,
    csv: (r) => (r.sealed ? 'sealed' : 'pending'),
    cell: (r) => <Badge tone={r.sealed ? 'success' : 'warning'}>{r.sealed ? 'Sealed' : 'Pending'}</Badge>,
  },
];

export function AuditTable({ rows, filtered }: { rows: AuditView[]; filtered: boolean }) {
  return (
    <DataTable
      caption="Audit entries"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => String(r.seq)}
      empty={
        <EmptyState
          icon={<ScrollText />}
          headingLevel="h3"
          title={filtered ? 'No entries for that action' : 'No audit entries yet'}
          description={filtered ? 'Check the spelling, or clear the filter to see every action.' : 'Changes to roles, accounts and settings appear here.'}
        />
      }
    />
  );
}
