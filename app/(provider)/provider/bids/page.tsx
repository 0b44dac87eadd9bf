import type { Metadata } from 'next';
import Link from 'next/link';
import { Gavel } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatMinor } from '@/components/booking/format';
import { BidStatusBadge, etaText } from '@/components/bids/bid-parts';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { listMyBids } from '@/lib/bids/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';

export const metadata: Metadata = { title: 'My bids' };

async function BidsContent() {
  const ctx = await requestCtx();
  const rows = await listMyBids(ctx);
  return (
    <>
      <PageHeader
        title="My bids"
        description="Bids your business placed on custom jobs. Revise or withdraw an active bid until the job's deadline; an awarded bid becomes a booking."
        actions={
          <Link className={buttonClasses({ variant: 'secondary' })} href="/provider/job-feed">
            Find jobs
          </Link>
        }
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={<Gavel aria-hidden="true" />}
          title="No bids yet"
          description="Jobs posted in the zones you cover appear in the job feed. Open one to place a bid."
          action={
            <Link className={buttonClasses()} href="/provider/job-feed">
              Open the job feed
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-3" aria-label="Bids">
          {rows.map((r) => (
            <li key={r.bidId} data-testid="my-bid">
              <Card>
                <CardContent className="flex flex-wrap items-start justify-between gap-3 pt-4">
                  <div className="grid min-w-0 gap-1">
                    <h2 className="font-medium break-words">
                      <Link href={`/provider/job-feed/${r.jobId}`} className="underline-offset-2 hover:underline">
                        {r.jobTitle}
                      </Link>
                    </h2>
                    <p className="text-sm text-muted">
                      {r.jobReference} · bids close {formatDateTime(r.bidDeadline)} · updated {formatDateTime(r.updatedAt)}
                    </p>
                    <p className="text-sm">
                      <span className="font-semibold tabular-nums">{formatMinor(r.amountMinor, r.currency)}</span> · {etaText(r.etaDays)}
                      {r.revision > 1 ? <span className="text-muted"> · revision {r.revision}</span> : null}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <BidStatusBadge status={r.status} />
                    {r.bookingId ? (
                      <Link className={buttonClasses({ size: 'sm' })} href={`/provider/bookings/${r.bookingId}`}>
                        Booking
                      </Link>
                    ) : null}
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('bids.manage', BidsContent, 'Loading your bids…');
