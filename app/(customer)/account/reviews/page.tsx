import type { Metadata } from 'next';
import Link from 'next/link';
import { MessageSquareText } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { Stars } from '@/components/reviews/stars';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { listMyReviews } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: 'Reviews' };

async function MyReviewsContent() {
  const ctx = await requestCtx();
  const items = await listMyReviews(ctx);
  return (
    <>
      <PageHeader title="Reviews" description="Rate the jobs you have had done. Your reviews help others choose, and feed each provider's rating." />
      {items.length === 0 ? (
        <EmptyState icon={<MessageSquareText aria-hidden="true" />} title="Nothing to review yet" description="Once a booking is completed you can review it here." />
      ) : (
        <ul className="grid gap-3">
          {items.map((b) => (
            <li key={b.bookingId}>
              <Card>
                <CardContent className="grid gap-2 pt-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-medium">
                      {b.serviceTitle} <span className="text-muted">· {b.providerName}</span>
                    </p>
                    <p className="text-sm text-muted">
                      Booking {b.reference}
                      {b.completedAt ? <> · completed {formatDateTime(b.completedAt)}</> : null}
                    </p>
                  </div>
                  {b.review ? (
                    <div className="grid gap-1">
                      <Stars rating={b.review.rating} />
                      {b.review.body ? <p className="whitespace-pre-line break-words">{b.review.body}</p> : null}
                      {b.review.status === 'hidden' ? <p className="text-sm text-muted">Hidden by moderation.</p> : null}
                      {b.review.reply ? (
                        <blockquote className="border-l-2 border-border pl-3 text-sm">
                          <p className="font-medium">Reply from {b.providerName}</p>
                          <p className="whitespace-pre-line break-words">{b.review.reply}</p>
                        </blockquote>
                      ) : null}
                    </div>
                  ) : (
                    <div>
                      <Link href={`/account/reviews/new?booking=${b.bookingId}`} className={buttonClasses({ size: 'sm' })}>
                        Write a review<span className="sr-only"> of booking {b.reference}</span>
                      </Link>
                    </div>
                  )}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('reviews.create', MyReviewsContent, 'Loading your reviews…');
