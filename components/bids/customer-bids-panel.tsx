// The customer's bids panel on /account/jobs/[id]: every bid with its provider, price, ETA,
// revisions, attachments and Q&A, and "Award" (slot + price at the bid + test card).
import Link from 'next/link';
import { Gavel, Star } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/states';
import { bidThread, customerJobBidding, listJobBids } from '@/lib/bids/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { AwardDialog } from './award-dialog.client';
import { BidAttachments, BidStatusBadge, etaText, RevisedFrom } from './bid-parts';
import { BidThread } from './bid-thread.client';

export async function CustomerBidsPanel({ jobId }: { jobId: string }) {
  const ctx = await requestCtx();
  const [job, bids] = await Promise.all([customerJobBidding(ctx, jobId), listJobBids(ctx, jobId)]);
  const threads = (await Promise.all(bids.map((b) => bidThread(ctx, b.id)))).map((t) => t.map((m) => ({ ...m, when: formatDateTime(m.createdAt) })));
  const canAward = job.status === 'open' || job.status === 'closed';
  const visible = bids.filter((b) => b.status !== 'withdrawn');
  const withdrawn = bids.length - visible.length;

  return (
    <section aria-labelledby="bids-heading" className="grid gap-3" data-testid="customer-bids">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="bids-heading" className="text-lg font-semibold">
          Bids <span className="font-normal text-muted tabular-nums">({visible.length})</span>
        </h2>
        {withdrawn ? <p className="text-sm text-muted">{withdrawn} withdrawn</p> : null}
      </div>
      {visible.length === 0 ? (
        <EmptyState
          icon={<Gavel aria-hidden="true" />}
          title={job.status === 'open' ? 'No bids yet' : 'No bids'}
          description={job.status === 'open' ? 'Providers who serve your area see this job now. Their bids appear here, and we notify you of each one.' : 'This job received no active bids.'}
          headingLevel="h3"
        />
      ) : (
        <ul className="grid gap-3" aria-label="Bids">
          {visible.map((b) => {
            const thread = threads[bids.indexOf(b)];
            const canPost = b.status === 'awarded' || (b.status === 'active' && canAward);
            return (
              <li key={b.id} data-testid="bid-card">
                <Card>
                  <CardContent className="grid gap-3 pt-4">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="grid min-w-0 gap-0.5">
                        <h3 className="font-medium break-words">{b.providerName}</h3>
                        <p className="flex items-center gap-1 text-sm text-muted">
                          {b.rating != null ? (
                            <>
                              <Star className="size-4 fill-current" aria-hidden="true" />
                              <span>
                                {b.rating.toFixed(1)} <span className="sr-only">out of 5</span> ({b.reviewCount} review{b.reviewCount === 1 ? '' : 's'})
                              </span>
                            </>
                          ) : (
                            'No reviews yet'
                          )}
                        </p>
                      </div>
                      <BidStatusBadge status={b.status} />
                    </div>
                    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                      <p className="text-xl font-semibold tabular-nums" data-testid="bid-amount">
                        {formatMinor(b.amountMinor, b.currency)}
                      </p>
                      <RevisedFrom bid={b} />
                      <p className="text-sm">{etaText(b.etaDays)}</p>
                    </div>
                    {b.message ? <p className="whitespace-pre-line break-words">{b.message}</p> : null}
                    <BidAttachments bid={b} />
                    <BidThread jobId={jobId} bidId={b.id} messages={thread} canPost={canPost} otherParty={b.providerName} />
                    <div className="flex flex-wrap gap-2">
                      {b.status === 'active' && canAward ? <AwardDialog jobId={jobId} bidId={b.id} providerName={b.providerName} amountMinor={b.amountMinor} currency={b.currency} /> : null}
                      {b.bookingId ? (
                        <Link className={buttonClasses({ size: 'sm' })} href={`/account/bookings/${b.bookingId}`}>
                          View the booking
                        </Link>
                      ) : null}
                    </div>
                  </CardContent>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
