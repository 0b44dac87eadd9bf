import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatMinor } from '@/components/booking/format';
import { BidForm } from '@/components/bids/bid-form.client';
import { BidAttachments, BidStatusBadge, etaText, RevisedFrom } from '@/components/bids/bid-parts';
import { BidThread } from '@/components/bids/bid-thread.client';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { bidThread, providerJob } from '@/lib/bids/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { formatDateTime } from '@/lib/core/format-time';

export const metadata: Metadata = { title: 'Job' };

type Params = Promise<{ id: string }>;

async function JobContent({ params }: { params: Params }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const ctx = await requestCtx();
  let job;
  try {
    job = await providerJob(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const bid = job.myBid;
  const thread = (bid ? await bidThread(ctx, bid.id) : []).map((m) => ({ ...m, when: formatDateTime(m.createdAt) }));
  const beforeDeadline = new Date(job.bidDeadline).getTime() > ctx.now.getTime();
  const biddable = job.status === 'open' && beforeDeadline && job.eligible && (!bid || bid.status === 'active' || bid.status === 'withdrawn');
  const canPost = !!bid && (bid.status === 'awarded' || (bid.status === 'active' && (job.status === 'open' || job.status === 'closed')));

  return (
    <>
      <Link href="/provider/bids" className="mb-3 inline-flex min-h-10 items-center gap-1 text-sm underline-offset-2 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" /> My bids
      </Link>
      <PageHeader eyebrow={`${job.reference} · ${job.categoryName}`} title={job.title} description={job.addressArea} />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-labelledby="job-heading" className="grid content-start gap-4">
          <h2 id="job-heading" className="sr-only">
            The job
          </h2>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted">Budget</dt>
              <dd className="font-medium tabular-nums">
                {formatMinor(job.budgetMinMinor, job.currency)} – {formatMinor(job.budgetMaxMinor, job.currency)}
              </dd>
            </div>
            <div>
              <dt className="text-muted">Bids close</dt>
              <dd className="font-medium">
                <time dateTime={job.bidDeadline}>{formatDateTime(job.bidDeadline)}</time>
              </dd>
            </div>
            <div>
              <dt className="text-muted">Status</dt>
              <dd className="font-medium capitalize">{job.status === 'open' && !beforeDeadline ? 'closed' : job.status}</dd>
            </div>
          </dl>
          <p className="whitespace-pre-line break-words">{job.description}</p>
          {job.photoFileIds.length ? (
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label="Photos">
              {job.photoFileIds.map((f, i) => (
                <li key={f}>
                  <a href={`/api/v1/jobs/${job.id}/photos/${f}`} target="_blank" rel="noreferrer" className="block rounded-md focus-visible:outline-2 focus-visible:outline-ring">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route with its access check */}
                    <img src={`/api/v1/jobs/${job.id}/photos/${f}`} alt={`Photo ${i + 1} of the job`} className="aspect-square w-full rounded-md object-cover" loading="lazy" />
                  </a>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No photos.</p>
          )}
        </section>

        <section aria-labelledby="bid-heading" className="grid content-start gap-4">
          <Card>
            <CardContent className="grid gap-4 pt-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="bid-heading" className="text-lg font-semibold">
                  Your bid
                </h2>
                {bid ? <BidStatusBadge status={bid.status} /> : null}
              </div>
              {bid && bid.status !== 'withdrawn' ? (
                <div className="grid gap-1">
                  <p className="flex flex-wrap items-baseline gap-x-3">
                    <span className="text-xl font-semibold tabular-nums">{formatMinor(bid.amountMinor, bid.currency)}</span>
                    <RevisedFrom bid={bid} />
                  </p>
                  <p className="text-sm">{etaText(bid.etaDays)}</p>
                  <BidAttachments bid={bid} />
                </div>
              ) : null}
              {bid?.status === 'awarded' ? (
                <div className="grid gap-2" data-testid="bid-outcome">
                  <p>You won this job. The booking is in your calendar.</p>
                  {bid.bookingId ? (
                    <Link className={buttonClasses({ className: 'justify-self-start' })} href={`/provider/bookings/${bid.bookingId}`}>
                      Open the booking
                    </Link>
                  ) : null}
                </div>
              ) : bid?.status === 'declined' ? (
                <p data-testid="bid-outcome">Declined — the customer chose another provider{job.status === 'cancelled' ? ' or cancelled the job' : ''}.</p>
              ) : biddable ? (
                // No key: the form keeps its state across the refresh that follows a save, so its
                // "Bid placed" confirmation stays on screen instead of vanishing with a remount.
                <BidForm
                  jobId={job.id}
                  currency={job.currency}
                  current={bid && (bid.status === 'active' || bid.status === 'withdrawn') ? { bidId: bid.id, amountMinor: bid.amountMinor, etaDays: bid.etaDays, message: bid.message, status: bid.status } : undefined}
                />
              ) : (
                <p className="text-sm text-muted">Bidding is closed for this job.</p>
              )}
            </CardContent>
          </Card>
          {bid ? (
            <Card>
              <CardContent className="pt-4">
                <BidThread jobId={job.id} bidId={bid.id} messages={thread} canPost={canPost} otherParty="the customer" />
              </CardContent>
            </Card>
          ) : null}
        </section>
      </div>
    </>
  );
}

export default guardedPage('bids.manage', JobContent, 'Loading the job…');
