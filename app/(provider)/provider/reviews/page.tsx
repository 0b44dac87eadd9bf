import type { Metadata } from 'next';
import Link from 'next/link';
import { MessageSquareText } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { ReplyForm } from '@/components/reviews/reply-form.client';
import { ReportReviewForm } from '@/components/reviews/report-form.client';
import { RatingSummary } from '@/components/reviews/rating-summary';
import { Stars } from '@/components/reviews/stars';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { formatReviewDate } from '@/components/reviews/format';
import { formatDateTime } from '@/lib/core/format-time';
import { listProviderReviews, type ProviderReviewFilter } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: 'Reviews' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const filters: Record<ProviderReviewFilter, string> = { all: 'All', needs_reply: 'Needs reply', reported: 'Reported' };
const emptyText: Record<ProviderReviewFilter, { title: string; description: string }> = {
  all: { title: 'No reviews yet', description: 'Customers can review a booking once it is completed. Their reviews appear here and on your booking page.' },
  needs_reply: { title: 'Every review has your reply', description: 'New reviews waiting for an answer will appear here.' },
  reported: { title: 'Nothing reported', description: 'Reviews you or others report wait here while operations look at them.' },
};

async function ReviewsContent({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requestCtx();
  const raw = (await searchParams).filter;
  const filter: ProviderReviewFilter = typeof raw === 'string' && raw in filters ? (raw as ProviderReviewFilter) : 'all';
  const { summary, rows, counts } = await listProviderReviews(ctx, { filter });
  return (
    <>
      <PageHeader title="Reviews" description="What customers said about completed bookings. Your rating feeds your ranking in search and your business front." />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
        <RatingSummary summary={summary} />
        <section aria-labelledby="reviews-heading" className="grid gap-3">
          <h2 id="reviews-heading" className="text-lg font-semibold">
            Reviews
          </h2>
          <nav aria-label="Filter reviews" className="flex flex-wrap gap-2">
            {(Object.keys(filters) as ProviderReviewFilter[]).map((f) => (
              <Link
                key={f}
                href={f === 'all' ? '/provider/reviews' : `/provider/reviews?filter=${f}`}
                aria-current={f === filter ? 'page' : undefined}
                className={buttonClasses({ variant: f === filter ? 'primary' : 'secondary', size: 'sm' })}
              >
                {filters[f]} <span className="tabular-nums">({counts[f]})</span>
              </Link>
            ))}
          </nav>
          <p className="text-sm text-muted" role="status">
            {rows.length} {rows.length === 1 ? 'review' : 'reviews'}
            {rows.length === 200 ? ' (the newest 200)' : ''}
          </p>
          {rows.length === 0 ? (
            <EmptyState icon={<MessageSquareText aria-hidden="true" />} title={emptyText[filter].title} description={emptyText[filter].description} headingLevel="h3" />
          ) : (
            <ul className="grid gap-3" aria-label="Reviews">
              {rows.map((r) => {
                const label = `review of booking ${r.bookingReference}`;
                return (
                  <li key={r.id} data-testid="provider-review">
                    <Card>
                      <CardContent className="grid gap-3 pt-4">
                        <div className="flex flex-wrap items-start justify-between gap-2">
                          <div className="grid min-w-0 gap-0.5">
                            <h3 className="font-medium break-words">
                              {r.customerFirstName} <span className="font-normal text-muted">· {r.serviceTitle}</span>
                            </h3>
                            <p className="text-sm text-muted">
                              Booking {r.bookingReference}
                              {r.jobAt ? ` · job on ${formatReviewDate(r.jobAt)}` : ''} · reviewed {formatDateTime(r.createdAt)}
                            </p>
                          </div>
                          {r.status === 'reported' ? <Badge tone="warning">Reported</Badge> : r.reply ? <Badge tone="success">Replied</Badge> : <Badge tone="info">Needs reply</Badge>}
                        </div>
                        <Stars rating={r.rating} />
                        {r.body ? <p className="whitespace-pre-line break-words">{r.body}</p> : <p className="text-sm italic text-muted">No text, rating only.</p>}
                        {r.reply ? (
                          <div className="rounded-md border-l-4 border-primary bg-surface-muted p-3 text-sm">
                            <p className="font-medium">Your reply{r.repliedAt ? <span className="font-normal text-muted"> · {formatDateTime(r.repliedAt)}</span> : null}</p>
                            <p className="whitespace-pre-line break-words">{r.reply}</p>
                          </div>
                        ) : (
                          <ReplyForm reviewId={r.id} label={label} />
                        )}
                        {r.status === 'reported' ? (
                          <p className="text-sm text-muted" data-testid="report-status">
                            Reported{r.reportReason ? ` (“${r.reportReason}”)` : ''}. It stays visible and counts towards your rating until operations decide.
                          </p>
                        ) : (
                          <ReportReviewForm reviewId={r.id} label={label} />
                        )}
                      </CardContent>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

export default guardedPage('reviews.reply', ReviewsContent, 'Loading your reviews…');
