import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import type { AlertDto } from '@/lib/inventory/queries';
import { AlertActions } from './alert-actions.client';
import { alertKindLabels, alertStatusTone } from './labels';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

/** One stock alert as a list row: kind, severity, status, what happened, and its actions. */
export function AlertItem({ alert: a, heading }: { alert: AlertDto; heading?: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 rounded-md border p-3">
      <span className="grid gap-1">
        {heading}
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{alertKindLabels[a.kind]}</span>
          <Badge tone={a.severity === 'critical' ? 'danger' : 'warning'}>{a.severity}</Badge>
          <Badge tone={alertStatusTone[a.status]}>{a.status}</Badge>
        </span>
        <span className="text-sm text-muted">
          {a.detail} · opened {when(a.openedAt)}
          {a.resolutionNote ? ` · ${a.autoResolved ? 'auto-resolved' : 'resolved'}: ${a.resolutionNote}` : ''}
        </span>
      </span>
      <AlertActions alertId={a.id} status={a.status} label={`${alertKindLabels[a.kind]} ${a.sku}`} />
    </li>
  );
}
