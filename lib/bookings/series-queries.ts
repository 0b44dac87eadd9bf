/**
 * The visits of a weekly / fortnightly series, for the customer's booking page ("Visit k of N").
 * Each visit is a booking of its own sharing `bookings.series_id`. Tenant scope: only the
 * customer who booked the series sees it; anyone else gets null (no existence leak).
 */
import { and, asc, eq } from 'drizzle-orm';
import { bookings } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';

export interface SeriesVisitView {
  id: string;
  reference: string;
  startsAt: string | null;
  status: string;
  /** 1-based position by start time. */
  index: number;
}

export interface BookingSeriesView {
  seriesId: string;
  /** This booking's position (1-based). */
  index: number;
  count: number;
  visits: SeriesVisitView[];
}

export async function bookingSeries(ctx: Ctx, bookingId: string): Promise<BookingSeriesView | null> {
  authorize(ctx.actor, 'bookings.read_own');
  if (ctx.actor.kind !== 'user' || !/^[0-9a-f-]{36}$/i.test(bookingId)) return null;
  const ex = exec(ctx);
  const [b] = await ex
    .select({ seriesId: bookings.seriesId })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.customerId, ctx.actor.userId)));
  if (!b?.seriesId) return null;
  const rows = await ex
    .select({ id: bookings.id, reference: bookings.reference, startsAt: bookings.startsAt, status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.seriesId, b.seriesId), eq(bookings.customerId, ctx.actor.userId)))
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  const visits = rows.map((r, i) => ({ id: r.id, reference: r.reference, startsAt: r.startsAt ? r.startsAt.toISOString() : null, status: r.status, index: i + 1 }));
  const me = visits.find((v) => v.id === bookingId);
  if (!me || visits.length < 2) return null;
  return { seriesId: b.seriesId, index: me.index, count: visits.length, visits };
}
