'use client';

import { ToggleLeft } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { ToggleFormDialog } from './toggle-form';

/** Plain, serialisable row: the server formats times so the client never re-interprets zones. */
export interface ToggleView {
  key: string;
  description: string;
  enabled: boolean;
  rolloutPercent: number;
  updatedAt: string;
  updatedAtLabel: string;
}

function rolloutNote(t: ToggleView): string | null {
  if (!t.enabled) return null;
  if (t.rolloutPercent === 0) return 'nobody gets it yet';
  if (t.rolloutPercent < 100) return 'signed-in users only';
  return null;
}

export function TogglesTable({ rows, environment, canUpdate }: { rows: ToggleView[]; environment: string; canUpdate: boolean }) {
  const columns: DataTableColumn<ToggleView>[] = [
    {
      key: 'key',
      header: 'Key',
      rowHeader: true,
      sortable: true,
      cell: (t) => <code className="font-mono text-sm break-all">{t.key}</code>,
    },
    {
      key: 'description',
      header: 'Description',
      className: 'min-w-48 max-w-md',
      cell: (t) => (t.description ? t.description : <span className="text-muted">No description</span>),
    },
    {
      key: 'enabled',
      header: 'State',
      sortable: true,
      csv: (t) => (t.enabled ? 'on' : 'off'),
      cell: (t) => <Badge tone={t.enabled ? 'success' : 'neutral'}>{t.enabled ? 'On' : 'Off'}</Badge>,
    },
    {
      key: 'rolloutPercent',
      header: 'Rollout',
      align: 'end',
      sortable: true,
      csv: (t) => t.rolloutPercent,
      cell: (t) => {
        const note = rolloutNote(t);
        return (
          <span className="grid justify-items-end">
            <span>{t.rolloutPercent} %</span>
            {note ? <span className="text-xs text-muted">{note}</span> : null}
          </span>
        );
      },
    },
    {
      key: 'updatedAt',
      header: 'Updated',
      sortable: true,
      sortValue: (t) => t.updatedAt,
      csv: (t) => t.updatedAt,
      className: 'whitespace-nowrap',
      cell: (t) => <time dateTime={t.updatedAt}>{t.updatedAtLabel}</time>,
    },
  ];
  if (canUpdate) {
    columns.push({
      key: 'actions',
      header: 'Actions',
      csv: false,
      cell: (t) => <ToggleFormDialog environment={environment} toggle={t} />,
    });
  }

  return (
    <DataTable
      caption={`Toggles in ${environment}`}
      columns={columns}
      rows={rows}
      getRowId={(t) => t.key}
      initialSort={{ key: 'key', direction: 'ascending' }}
      csvFilename={`feature-toggles-${environment}.csv`}
      empty={
        <EmptyState
          icon={<ToggleLeft />}
          headingLevel="h3"
          title={`No toggles in ${environment} yet`}
          description={canUpdate ? 'Create one with “New toggle”. Code that checks an unknown toggle treats it as off.' : 'Code that checks an unknown toggle treats it as off.'}
        />
      }
    />
  );
}
