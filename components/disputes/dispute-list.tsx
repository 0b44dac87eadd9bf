import Link from 'next/link';
import { Scale } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import type { DisputeListItemWire } from '@/lib/disputes/wire';
import { disputeStatusLabel, disputeTone, formatWhen, outcomeLabel, reasonLabel } from './format';

/** The parties' list of disputes (customer or provider panel). */
export function DisputeList({ items, base, emptyText }: { items: DisputeListItemWire[]; base: string; emptyText: string }) {
  if (!items.length) return <EmptyState icon={<Scale aria-hidden="true" />} title="No disputes" description={emptyText} />;
  return (
    <ul className="grid gap-3" data-testid="dispute-list">
      {items.map((d) => (
        <li key={d.id}>
          <Card>
            <CardContent className="grid gap-2 pt-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <Link href={`${base}/${d.id}`} className="font-medium text-link underline underline-offset-4">
                  Dispute {d.reference}
                </Link>
                <Badge tone={disputeTone(d.status)}>{disputeStatusLabel(d.status)}</Badge>
              </div>
              <p className="text-sm text-muted">
                {reasonLabel(d.reasonCode)} · {d.subjectKind === 'rental' ? 'rental' : 'booking'} {d.bookingReference ?? '—'} · {formatMinor(d.amountMinor, d.currency)} · opened {formatWhen(d.createdAt)}
              </p>
              {d.status === 'awaiting_response' ? <p className="text-sm">Response due {formatWhen(d.responseDueAt)}</p> : null}
              {d.outcome && d.status === 'resolved' ? (
                <p className="text-sm">
                  Outcome: {outcomeLabel(d.outcome)}
                  {d.refundMinor ? ` · refund ${formatMinor(d.refundMinor, d.currency)}` : ''}
                </p>
              ) : null}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}
