'use client';

import { CheckCircle2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type DataTableColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import type { SlaBoardRow } from '@/lib/bookings/sla-board';
import { formatInZone, minutesLabel, statusLabel } from './format';
import { ReassignDialog } from './reassign-dialog.client';

const kindLabel: Record<string, string> = {
  acceptance_sla: 'Acceptance',
  arrival_sla: 'Arrival',
  completion_sla: 'Completion',
  provider_confirmation: 'Provider confirmation',
};

function columns(breached: boolean): DataTableColumn<SlaBoardRow>[] {
  return [
    { key: 'reference', header: 'Booking', rowHeader: true, sortable: true, cell: (r) => <span className="font-mono text-sm">{r.reference}</span> },
    { key: 'kind', header: 'Deadline', sortable: true, cell: (r) => kindLabel[r.kind] ?? r.kind, csv: (r) => r.kind },
    {
      key: 'dueAt',
      header: 'Due',
      sortable: true,
      sortValue: (r) => r.dueAt,
      cell: (r) => (
        <span className="grid">
          <span>{formatInZone(r.dueAt, r.timeZone)}</span>
          <Badge tone={breached || r.dueInMinutes < 0 ? 'danger' : 'warning'} className="justify-self-start">
            {minutesLabel(r.dueInMinutes)}
          </Badge>
        </span>
      ),
      csv: (r) => r.dueAt,
    },
    // Crew and the action sit next to the deadline, so they are in view without scrolling the table.
    { key: 'crew', header: 'Crew', cell: (r) => r.crew || <span className="text-muted">None yet</span>, csv: (r) => r.crew },
    {
      key: 'actions',
      header: 'Action',
      cell: (r) => (r.reassignable ? <ReassignDialog bookingId={r.bookingId} reference={r.reference} /> : <span className="text-sm text-muted">Crew on site</span>),
      csv: false,
    },
    { key: 'age', header: 'Age', sortable: true, align: 'end', sortValue: (r) => r.ageMinutes, cell: (r) => `${r.ageMinutes} min`, csv: (r) => r.ageMinutes },
    { key: 'zoneName', header: 'Zone', sortable: true },
    { key: 'providerName', header: 'Provider', sortable: true },
    { key: 'serviceTitle', header: 'Service' },
    { key: 'bookingStatus', header: 'Status', cell: (r) => statusLabel(r.bookingStatus), csv: (r) => r.bookingStatus },
  ];
}

export function SlaTables({ atRisk, breached, generatedAt, kind, zone }: { atRisk: SlaBoardRow[]; breached: SlaBoardRow[]; generatedAt: string; kind: string; zone: string }) {
  return (
    <div className="grid min-w-0 gap-8">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the SLA board">
        <label className="grid gap-1 text-sm font-medium">
          Deadline
          <select name="kind" defaultValue={kind} className="h-10 rounded-md border border-border bg-surface px-2">
            <option value="">All SLA deadlines</option>
            {Object.entries(kindLabel).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </select>
        </label>
        {zone ? <input type="hidden" name="zone" value={zone} /> : null}
        <button type="submit" className="h-10 rounded-md border border-border bg-secondary px-4 text-sm font-medium">
          Apply
        </button>
        <p className="text-sm text-muted" aria-live="polite">
          {atRisk.length} at risk · {breached.length} breached · as of {formatInZone(generatedAt, 'Europe/London', { withDate: false })}
        </p>
      </form>
      <section aria-labelledby="sla-breached" className="grid min-w-0 gap-3">
        <h2 id="sla-breached" className="text-lg font-semibold">
          Breached
        </h2>
        <DataTable caption="Breached SLAs" captionHidden columns={columns(true)} rows={breached} getRowId={(r) => r.deadlineId} empty={<EmptyState icon={<CheckCircle2 />} title="No open breaches" headingLevel="h3" />} />
      </section>
      <section aria-labelledby="sla-risk" className="grid min-w-0 gap-3">
        <h2 id="sla-risk" className="text-lg font-semibold">
          At risk (due within the hour)
        </h2>
        <DataTable caption="SLAs at risk" captionHidden columns={columns(false)} rows={atRisk} getRowId={(r) => r.deadlineId} empty={<EmptyState icon={<CheckCircle2 />} title="Nothing due within the hour" headingLevel="h3" />} />
      </section>
      <p className="text-sm text-muted">Reassign gives a booking another crew of the same provider; the reason is kept in the audit log (the customer’s timeline only says operations changed the crew).</p>
    </div>
  );
}
