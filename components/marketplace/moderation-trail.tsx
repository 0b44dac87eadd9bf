import type { ModerationEventRow } from '@/lib/marketplace/queries';
import { formatDate, statusLabels } from './format';

const actionLabels: Record<string, string> = {
  create: 'Created',
  edit: 'Edited',
  edit_approved: 'Edited while live (back to review)',
  submit: 'Submitted for review',
  withdraw: 'Withdrawn to draft',
  approve: 'Approved',
  reject: 'Rejected',
  suspend: 'Suspended',
  reinstate: 'Reinstated (back to review)',
};

/** A listing's moderation history, newest first. */
export function ModerationTrail({ events, title = 'History', headingLevel: H = 'h2' }: { events: ModerationEventRow[]; title?: string; headingLevel?: 'h2' | 'h3' }) {
  return (
    <section className="grid content-start gap-2" aria-label={title}>
      <H className="text-sm font-semibold">{title}</H>
      {events.length === 0 ? (
        <p className="text-sm text-muted">Nothing yet.</p>
      ) : (
        <ol className="grid gap-2 text-sm">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`} className="grid gap-0.5 border-l-2 pl-3">
              <span className="font-medium">{actionLabels[e.action] ?? e.action}</span>
              <span className="text-muted">
                {formatDate(e.at)}
                {e.actorName ? ` · ${e.actorName}` : ''} · now {statusLabels[e.toStatus as keyof typeof statusLabels] ?? e.toStatus}
              </span>
              {e.reason ? <span>“{e.reason}”</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
