// Presentational pieces shared by the customer's and the provider's bid views (server-safe).
import { FileText, ImageIcon } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { BidWire } from '@/lib/bids/schemas';

const statusTone: Record<BidWire['status'], BadgeTone> = { active: 'info', awarded: 'success', declined: 'neutral', withdrawn: 'warning' };
const statusLabel: Record<BidWire['status'], string> = { active: 'Active', awarded: 'Awarded', declined: 'Declined', withdrawn: 'Withdrawn' };

export function BidStatusBadge({ status }: { status: BidWire['status'] }) {
  return (
    <Badge tone={statusTone[status]} data-testid="bid-status">
      {statusLabel[status]}
    </Badge>
  );
}

export const etaText = (days: number) => (days === 0 ? 'Can start straight away' : `Ready within ${days} day${days === 1 ? '' : 's'}`);

/** "revised from £180" — the amount of the revision before this one. */
export function RevisedFrom({ bid }: { bid: BidWire }) {
  const prev = bid.revisions[0];
  if (!prev || prev.amountMinor === bid.amountMinor) return bid.revision > 1 ? <span className="text-sm text-muted">revised</span> : null;
  return <span className="text-sm text-muted">revised from {formatMinor(prev.amountMinor, bid.currency)}</span>;
}

export function BidAttachments({ bid }: { bid: BidWire }) {
  if (!bid.attachments.length) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Attachments">
      {bid.attachments.map((a) => (
        <li key={a.fileId}>
          <a
            className="inline-flex min-h-10 items-center gap-2 rounded-md border px-3 text-sm underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
            href={`/api/v1/jobs/${bid.jobId}/bids/${bid.id}/attachments/${a.fileId}`}
            target="_blank"
            rel="noreferrer"
          >
            {a.contentType === 'application/pdf' ? <FileText className="size-4" aria-hidden="true" /> : <ImageIcon className="size-4" aria-hidden="true" />}
            <span className="max-w-48 truncate">{a.name}</span>
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
