'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Scale } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { FormError } from '@/components/ui/form-field';
import { EmptyState } from '@/components/ui/states';
import type { DisputeListItemWire } from '@/lib/disputes/wire';
import { callApi } from './api';
import { disputeStatusLabel, disputeTone, formatWhen, reasonLabel } from './format';

const ageDays = (iso: string, now: number) => Math.floor((now - new Date(iso).getTime()) / 86_400_000);

/** The operations queue: SLA (response due) first, selection for the bulk "start review". */
export function OpsQueue({ items, now }: { items: DisputeListItemWire[]; now: number }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const selectable = items.filter((d) => d.status === 'awaiting_response');
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const startReview = () => {
    setError(null);
    start(async () => {
      const r = await callApi<{ started: string[] }>('/api/v1/disputes/review', { disputeIds: [...selected] });
      if (!r.ok) {
        setError(r.message);
        return;
      }
      const { toast } = await import('@/components/ui/toast');
      toast.success(`Review started for ${r.data.started.length} dispute(s).`);
      setSelected(new Set());
      router.refresh();
    });
  };
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button size="sm" disabled={pending || selected.size === 0} onClick={startReview}>
          Start review for selected ({selected.size})
        </Button>
        {error ? <FormError message={error} /> : null}
      </div>
      <DataTable
        caption="Dispute queue"
        captionHidden
        rows={items}
        getRowId={(d) => d.id}
        empty={<EmptyState icon={<Scale aria-hidden="true" />} title="No disputes match" description="Change the filters to see more." />}
        columns={[
          {
            key: 'select',
            header: 'Select',
            csv: false,
            cell: (d) =>
              selectable.some((s) => s.id === d.id) ? (
                <input type="checkbox" className="size-5" aria-label={`Select dispute ${d.reference}`} checked={selected.has(d.id)} onChange={() => toggle(d.id)} />
              ) : null,
          },
          {
            key: 'reference',
            header: 'Dispute',
            rowHeader: true,
            sortable: true,
            cell: (d) => (
              <Link href={`/admin/disputes/${d.id}`} className="whitespace-nowrap font-mono text-link underline underline-offset-4">
                {d.reference}
              </Link>
            ),
          },
          { key: 'status', header: 'Status', sortable: true, cell: (d) => <Badge tone={disputeTone(d.status)}>{disputeStatusLabel(d.status)}</Badge>, csv: (d) => d.status },
          {
            key: 'responseDueAt',
            header: 'Response due (SLA)',
            sortable: true,
            sortValue: (d) => d.responseDueAt,
            csv: (d) => d.responseDueAt,
            cell: (d) =>
              d.status === 'awaiting_response' ? (
                <span className={d.overdue ? 'font-medium text-danger' : undefined}>
                  {formatWhen(d.responseDueAt)}
                  {d.overdue ? ' · overdue' : ''}
                </span>
              ) : (
                '—'
              ),
          },
          { key: 'reasonCode', header: 'Reason', cell: (d) => reasonLabel(d.reasonCode) },
          { key: 'providerName', header: 'Provider', sortable: true },
          { key: 'customerName', header: 'Customer' },
          { key: 'amountMinor', header: 'Amount', align: 'end', sortable: true, sortValue: (d) => d.amountMinor, csv: (d) => d.amountMinor, cell: (d) => formatMinor(d.amountMinor, d.currency) },
          { key: 'age', header: 'Age (days)', align: 'end', sortable: true, sortValue: (d) => ageDays(d.createdAt, now), csv: (d) => ageDays(d.createdAt, now), cell: (d) => ageDays(d.createdAt, now) },
        ]}
      />
    </div>
  );
}
