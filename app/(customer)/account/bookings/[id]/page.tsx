import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft, Receipt } from 'lucide-react';
import { BookingActions } from '@/components/booking/booking-actions.client';
import { CAPTURED_STATUSES, formatInZone, formatMinor, statusBadgeTone, statusLabel } from '@/components/booking/format';
import { CancellationTerms, PriceBreakdown } from '@/components/booking/price-breakdown';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { bookingTimeline, getBooking } from '@/lib/bookings/queries';
import { bookingSeries } from '@/lib/bookings/series-queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { seriesTotalMinor } from '@/lib/bookings/series-preview';

export const metadata: Metadata = { title: 'Booking' };

const actorText: Record<string, string> = { user: 'by you or the provider', system: 'automatically', service: 'by the system' };

async function BookingContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let booking, timeline, series;
  try {
    [booking, timeline, series] = await Promise.all([getBooking(ctx, id), bookingTimeline(ctx, id), bookingSeries(ctx, id)]);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const mine = ctx.actor.kind === 'user' && booking.customerId === ctx.actor.userId;
  const canCancel = mine && !['cancelled', 'completed'].includes(booking.status);
  const canReschedule = mine && booking.type === 'scheduled' && ['pending', 'scheduled'].includes(booking.status);
  const receipt = CAPTURED_STATUSES.has(booking.status) || (booking.status === 'cancelled' && (booking.cancellationFeeMinor ?? 0) > 0);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/account/bookings" className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden="true" className="size-4" />
            My bookings
          </Link>
        }
        title={booking.serviceTitle}
        description={`${booking.providerName} · reference ${booking.reference}${series ? ` · visit ${series.index} of ${series.count}` : ''}`}
        actions={
          receipt ? (
            <Link href={`/account/bookings/${booking.id}/receipt`} className={buttonClasses({ variant: 'secondary' })}>
              <Receipt aria-hidden="true" />
              Receipt
            </Link>
          ) : undefined
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="grid content-start gap-6">
          <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="summary-heading">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="summary-heading" className="text-base font-semibold">
                Summary
              </h2>
              <Badge tone={statusBadgeTone(booking.status)} data-testid="booking-status">
                {statusLabel(booking.status)}
              </Badge>
            </div>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div className="grid gap-0.5">
                <dt className="text-muted">When</dt>
                <dd className="font-medium" data-testid="booking-when">
                  {booking.startsAt ? formatInZone(booking.startsAt, booking.timeZone) : 'As soon as possible'}
                  {booking.endsAt ? ` – ${formatInZone(booking.endsAt, booking.timeZone, { withDate: false })}` : ''}
                </dd>
              </div>
              <div className="grid gap-0.5">
                <dt className="text-muted">Where</dt>
                <dd className="font-medium break-words">{booking.addressLine}</dd>
              </div>
              <div className="grid gap-0.5">
                <dt className="text-muted">Crew</dt>
                <dd className="font-medium">{booking.crew.length ? booking.crew.map((m) => `${m.name}${m.role === 'lead' ? ' (lead)' : ''}`).join(', ') : 'Not assigned yet'}</dd>
              </div>
              {booking.notes ? (
                <div className="grid gap-0.5">
                  <dt className="text-muted">Notes</dt>
                  <dd className="break-words">{booking.notes}</dd>
                </div>
              ) : null}
            </dl>
          </section>

          {series ? (
            <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="series-heading" data-testid="booking-series">
              <h2 id="series-heading" className="text-base font-semibold">
                Visit {series.index} of {series.count}
              </h2>
              <p className="text-sm text-muted">
                This visit is part of a repeating booking. Each visit is its own booking: it is charged, rescheduled or cancelled on its own, and the cancellation terms apply to each visit.
              </p>
              <ol className="grid gap-1 text-sm" aria-label="Visits in this series">
                {series.visits.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center gap-2">
                    <span className="w-16 shrink-0 text-muted">Visit {v.index}</span>
                    {v.id === booking.id ? (
                      <span className="font-medium" aria-current="page">
                        {v.startsAt ? formatInZone(v.startsAt, booking.timeZone) : v.reference} (this visit)
                      </span>
                    ) : (
                      <Link href={`/account/bookings/${v.id}`} className="text-link underline underline-offset-4">
                        {v.startsAt ? formatInZone(v.startsAt, booking.timeZone) : v.reference}
                      </Link>
                    )}
                    <Badge tone={statusBadgeTone(v.status)}>{statusLabel(v.status)}</Badge>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}

          <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="text-base font-semibold">
              Status history
            </h2>
            {timeline.length === 0 ? (
              <p className="text-sm text-muted">No changes yet.</p>
            ) : (
              <ol className="grid gap-3 border-s ps-4" data-testid="booking-timeline">
                {timeline.map((t, i) => (
                  <li key={`${t.at}-${i}`} className="grid gap-0.5 text-sm">
                    <span className="font-medium">{statusLabel(t.toStatus)}</span>
                    <span className="text-muted">
                      {formatInZone(t.at, booking.timeZone)} · {actorText[t.actorType] ?? t.actorType}
                      {t.note ? ` · ${t.note}` : ''}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <div className="grid content-start gap-6">
          <section className="grid gap-2 rounded-lg border bg-surface p-4" aria-labelledby="price-heading">
            <h2 id="price-heading" className="text-base font-semibold">
              Price
            </h2>
            <PriceBreakdown lines={booking.lines} currency={booking.currency} caption={series ? 'Price breakdown of this visit' : undefined} />
            {series ? (
              <p className="text-sm text-muted" data-testid="series-price">
                {formatMinor(booking.totalMinor, booking.currency)} per visit × {series.count} visits = {formatMinor(seriesTotalMinor(booking.totalMinor, series.count), booking.currency)}
              </p>
            ) : null}
            {booking.cancellationFeeMinor ? <p className="text-sm">Cancellation fee charged: {formatMinor(booking.cancellationFeeMinor, booking.currency)}</p> : null}
          </section>
          {mine && ['in_progress', 'completed', 'disputed'].includes(booking.status) ? (
            <section className="grid gap-2 rounded-lg border bg-surface p-4" aria-labelledby="dispute-heading">
              <h2 id="dispute-heading" className="text-base font-semibold">
                Problem with this job?
              </h2>
              {booking.status === 'disputed' ? (
                <Link href="/account/disputes" className={buttonClasses({ variant: 'secondary' })}>
                  View the dispute
                </Link>
              ) : (
                <Link href={`/account/disputes/new?booking=${booking.id}`} className={buttonClasses({ variant: 'secondary' })} data-testid="open-dispute">
                  Open a dispute
                </Link>
              )}
            </section>
          ) : null}
          {canCancel || canReschedule ? (
            <section className="grid gap-3 rounded-lg border bg-surface p-4" aria-labelledby="actions-heading">
              <h2 id="actions-heading" className="text-base font-semibold">
                Change this booking
              </h2>
              <CancellationTerms type={booking.type} totalMinor={booking.totalMinor} currency={booking.currency} visits={series?.count ?? 1} />
              <BookingActions bookingId={booking.id} serviceId={booking.serviceId} timeZone={booking.timeZone} canCancel={canCancel} canReschedule={canReschedule} currentStart={booking.startsAt} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

export default guardedPage('bookings.read_own', BookingContent, 'Loading the booking…');
