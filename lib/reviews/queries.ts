/**
 * Reads for the review screens. Tenant scope: a customer sees their own bookings, a provider admin
 * its own provider's reviews, operations everything (moderation queue).
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { bookings, organisations, reviews, services } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { toReviewView, type ReviewView } from './internal';

export interface ReviewableBooking {
  bookingId: string;
  reference: string;
  serviceTitle: string;
  providerName: string;
  status: string;
  completedAt: string | null;
  review: ReviewView | null;
}

const bookingCols = {
  bookingId: bookings.id,
  reference: bookings.reference,
  serviceTitle: services.title,
  providerName: organisations.name,
  status: bookings.status,
  completedAt: bookings.completedAt,
  customerId: bookings.customerId,
};

/** The booking a customer wants to review, with the review if already written (NOT_FOUND when not theirs). */
export async function reviewableBooking(ctx: Ctx, bookingId: string): Promise<ReviewableBooking> {
  authorize(ctx.actor, 'reviews.create');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw notFound('That booking');
  const ex = exec(ctx);
  const [b] = await ex
    .select(bookingCols)
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(organisations, eq(organisations.id, bookings.providerOrgId))
    .where(and(eq(bookings.id, bookingId), eq(bookings.customerId, userId)));
  if (!b) throw notFound('That booking');
  const [r] = await ex.select().from(reviews).where(eq(reviews.bookingId, b.bookingId));
  return { ...strip(b), review: r ? toReviewView(r) : null };
}

function strip(b: { bookingId: string; reference: string; serviceTitle: string; providerName: string; status: string; completedAt: Date | null }) {
  return { bookingId: b.bookingId, reference: b.reference, serviceTitle: b.serviceTitle, providerName: b.providerName, status: b.status, completedAt: b.completedAt ? b.completedAt.toISOString() : null };
}

/** The customer's completed bookings (newest first, up to 100) with their review, if any. */
export async function listMyReviews(ctx: Ctx): Promise<ReviewableBooking[]> {
  authorize(ctx.actor, 'reviews.create');
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  const ex = exec(ctx);
  const rows = await ex
    .select(bookingCols)
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(organisations, eq(organisations.id, bookings.providerOrgId))
    .where(and(eq(bookings.customerId, userId), eq(bookings.status, 'completed')))
    .orderBy(desc(bookings.completedAt))
    .limit(100);
  const ids = rows.map((r) => r.bookingId);
  const revs = ids.length ? await ex.select().from(reviews).where(inArray(reviews.bookingId, ids)) : [];
  const byBooking = new Map(revs.map((r) => [r.bookingId, toReviewView(r)]));
  return rows.map((b) => ({ ...strip(b), review: byBooking.get(b.bookingId) ?? null }));
}

export interface ModerationRow extends ReviewView {
  providerName: string;
  bookingReference: string;
  reportReason: string | null;
}

/** Operations' moderation queue: reported (default), hidden, or all reviews, newest first (≤ 200). */
export async function listReviewsForModeration(ctx: Ctx, filter: { status?: 'reported' | 'hidden' | 'published' | 'all' } = {}): Promise<ModerationRow[]> {
  authorize(ctx.actor, 'reviews.moderate');
  const status = filter.status ?? 'reported';
  const rows = await exec(ctx)
    .select({ r: reviews, providerName: organisations.name, bookingReference: bookings.reference })
    .from(reviews)
    .innerJoin(organisations, eq(organisations.id, reviews.providerOrgId))
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .where(status === 'all' ? sql`true` : eq(reviews.status, status))
    .orderBy(desc(reviews.updatedAt))
    .limit(200);
  return rows.map(({ r, providerName, bookingReference }) => ({ ...toReviewView(r), providerName, bookingReference, reportReason: r.reportReason }));
}

/** The provider admin's own reviews (all statuses but hidden), newest first (≤ 200). */
export async function listProviderReviews(ctx: Ctx): Promise<ReviewView[]> {
  authorize(ctx.actor, 'reviews.reply');
  const providerOrgId = managedProviderOrgId(ctx.actor);
  const rows = await exec(ctx)
    .select()
    .from(reviews)
    .where(and(eq(reviews.providerOrgId, providerOrgId), sql`${reviews.status} <> 'hidden'`))
    .orderBy(desc(reviews.createdAt))
    .limit(200);
  return rows.map(toReviewView);
}
