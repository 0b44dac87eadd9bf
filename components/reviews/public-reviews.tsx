import { MessageSquareText } from 'lucide-react';
import { EmptyState } from '@/components/ui/states';
import type { PublicReview } from '@/lib/reviews/queries';
import { formatAverage, formatReviewDate } from './format';
import { Stars } from './stars';

/** A provider's latest visible reviews with its replies, for its public booking page. */
export function PublicReviews({ providerName, summary, reviews }: { providerName: string; summary: { count: number; averageX100: number | null }; reviews: PublicReview[] }) {
  return (
    <section aria-labelledby="public-reviews-heading" className="mt-8 grid gap-3" data-testid="public-reviews">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="public-reviews-heading" className="text-lg font-semibold">
          Reviews
        </h2>
        {summary.count > 0 ? (
          <p className="text-sm text-muted">
            <span className="font-medium text-foreground tabular-nums">{formatAverage(summary.averageX100)}</span> out of 5 from {summary.count} {summary.count === 1 ? 'review' : 'reviews'}
          </p>
        ) : null}
      </div>
      {reviews.length === 0 ? (
        <EmptyState icon={<MessageSquareText aria-hidden="true" />} title="No reviews yet" description={`Reviews appear here after customers' bookings with ${providerName} are completed.`} headingLevel="h3" />
      ) : (
        <ul className="grid gap-3" aria-label={`Latest reviews of ${providerName}`}>
          {reviews.map((r) => (
            <li key={r.id} className="grid gap-2 rounded-lg border bg-surface p-4" data-testid="public-review">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-medium break-words">
                  {r.customerFirstName} <span className="font-normal text-muted">· {r.serviceTitle}</span>
                </h3>
                <p className="text-sm text-muted">{formatReviewDate(r.createdAt)}</p>
              </div>
              <Stars rating={r.rating} />
              {r.body ? <p className="whitespace-pre-line break-words">{r.body}</p> : <p className="text-sm italic text-muted">Rating only.</p>}
              {r.reply ? (
                <div className="rounded-md border-l-4 border-primary bg-surface-muted p-3 text-sm">
                  <p className="font-medium">Reply from {providerName}</p>
                  <p className="whitespace-pre-line break-words">{r.reply}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
