import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { ReviewForm } from '@/components/reviews/review-form.client';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { reviewableBooking } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: 'Write a review' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const back = (
  <Link href="/account/reviews" className={buttonClasses({ variant: 'secondary' })}>
    Back to reviews
  </Link>
);

async function NewReviewContent({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requestCtx();
  const raw = (await searchParams).booking;
  const bookingId = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  let booking;
  try {
    booking = await reviewableBooking(ctx, bookingId);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      return (
        <>
          <PageHeader title="Write a review" />
          <EmptyState title="Booking not found" description="Open a completed booking from your reviews to rate it." action={back} />
        </>
      );
    }
    throw e;
  }
  if (booking.review || booking.status !== 'completed') {
    return (
      <>
        <PageHeader title="Write a review" />
        {booking.review ? (
          <EmptyState title="Already reviewed" description={`You reviewed booking ${booking.reference}. Each booking can be reviewed once.`} action={back} />
        ) : (
          <EmptyState title="Not completed yet" description={`Booking ${booking.reference} can be reviewed once the job is completed.`} action={back} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title="Write a review" description={`${booking.serviceTitle} by ${booking.providerName} · booking ${booking.reference}`} />
      <ReviewForm bookingId={booking.bookingId} idempotencyKey={newId()} />
    </>
  );
}

export default guardedPage('reviews.create', NewReviewContent, 'Loading the booking…');
