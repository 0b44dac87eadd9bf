'use client';

import Link from 'next/link';
import { Users } from 'lucide-react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';

export interface CrewRow {
  id: string;
  displayName: string;
  skills: string;
  timeZone: string;
  canLead: boolean;
  status: 'invited' | 'active' | 'inactive';
  linkedEmail: string | null;
  isSelf: boolean;
}

const tone: Record<CrewRow['status'], BadgeTone> = { active: 'success', invited: 'info', inactive: 'neutral' };

export function CrewTable({ rows, canAdd }: { rows: CrewRow[]; canAdd: boolean }) {
  const columns: DataTableColumn<CrewRow>[] = [
    {
      key: 'displayName',
      header: 'Name',
      rowHeader: true,
      sortable: true,
      cell: (r) => (
        <Link href={`/provider/crew/${r.id}`} className="font-medium text-link underline-offset-4 hover:underline">
          {r.displayName}
          {r.isSelf ? <span className="text-muted"> (you)</span> : null}
        </Link>
      ),
    },
    { key: 'skills', header: 'Skills', sortable: true },
    { key: 'canLead', header: 'Can lead', sortable: true, cell: (r) => (r.canLead ? 'Yes' : 'Support only'), csv: (r) => (r.canLead ? 'yes' : 'no') },
    { key: 'timeZone', header: 'Time zone', sortable: true },
    { key: 'linkedEmail', header: 'Account', cell: (r) => r.linkedEmail ?? <span className="text-muted">Not linked</span>, csv: (r) => r.linkedEmail ?? '' },
    { key: 'status', header: 'Status', sortable: true, cell: (r) => <Badge tone={tone[r.status]}>{r.status}</Badge> },
  ];
  return (
    <DataTable
      caption="Crew"
      captionHidden
      columns={columns}
      rows={rows}
      getRowId={(r) => r.id}
      exportable={canAdd}
      initialSort={{ key: 'displayName', direction: 'ascending' }}
      empty={
        <EmptyState
          icon={<Users />}
          title="No crew members yet"
          description="Add the people who do the work, with their skills and working hours, so customers can book real slots."
          action={
            canAdd ? (
              <Link href="/provider/crew/new" className={buttonClasses()}>
                Add crew member
              </Link>
            ) : undefined
          }
        />
      }
    />
  );
}
