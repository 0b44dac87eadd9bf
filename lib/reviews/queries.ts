/**
 * Reads for the review screens. Tenant scope: a customer sees their own bookings, a provider admin
 * its own provider's reviews, operations everything (moderation queue).
 */
import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { bookings, organisations, reviews, services, users } from '@/db/schema';
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

export type ProviderReviewFilter = 'all' | 'needs_reply' | 'reported';

export interface ProviderReviewRow extends ReviewView {
  /** First word of the customer's name only: the provider needs to recognise the job, not the person. */
  customerFirstName: string;
  bookingReference: string;
  serviceTitle: string;
  /** When the job was done (completion), falling back to its scheduled start. */
  jobAt: string | null;
  reportReason: string | null;
}

export interface ReviewSummary {
  count: number;
  /** Average rating × 100, rounded half-up (the same figure as the provider profile); null when none. */
  averageX100: number | null;
  /** Count per star, index 0 = 1 star … index 4 = 5 stars. */
  distribution: [number, number, number, number, number];
}

export interface ProviderReviewsPage {
  summary: ReviewSummary;
  rows: ProviderReviewRow[];
  /** Counts per filter, for the filter's labels. */
  counts: Record<ProviderReviewFilter, number>;
}

const firstName = (name: string | null) => (name ?? '').trim().split(/\s+/)[0] || 'A customer';

/**
 * The provider admin's own reviews (hidden ones are operations' business and never listed), newest
 * first (≤ 200), with the summary the rating is built from. Tenant scope is the caller's managed
 * provider: another provider's reviews cannot be asked for.
 */
export async function listProviderReviews(ctx: Ctx, opts: { filter?: ProviderReviewFilter } = {}): Promise<ProviderReviewsPage> {
  authorize(ctx.actor, 'reviews.reply');
  const providerOrgId = managedProviderOrgId(ctx.actor);
  const filter: ProviderReviewFilter = opts.filter === 'needs_reply' || opts.filter === 'reported' ? opts.filter : 'all';
  const ex = exec(ctx);
  const visible = and(eq(reviews.providerOrgId, providerOrgId), ne(reviews.status, 'hidden'));
  const where =
    filter === 'needs_reply' ? and(visible, isNull(reviews.reply)) : filter === 'reported' ? and(visible, eq(reviews.status, 'reported')) : visible;
  const [rows, stats] = await Promise.all([
    ex
      .select({ r: reviews, customerName: users.name, bookingReference: bookings.reference, serviceTitle: services.title, completedAt: bookings.completedAt, startsAt: bookings.startsAt })
      .from(reviews)
      .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .leftJoin(users, eq(users.id, reviews.customerId))
      .where(where)
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(200),
    ex
      .select({ rating: reviews.rating, n: sql<number>`count(*)::int`, unreplied: sql<number>`count(*) filter (where ${reviews.reply} is null)::int`, reported: sql<number>`count(*) filter (where ${reviews.status} = 'reported')::int` })
      .from(reviews)
      .where(visible)
      .groupBy(reviews.rating),
  ]);
  const distribution: ReviewSummary['distribution'] = [0, 0, 0, 0, 0];
  let count = 0;
  let sum = 0;
  const counts: Record<ProviderReviewFilter, number> = { all: 0, needs_reply: 0, reported: 0 };
  for (const s of stats) {
    const n = Number(s.n);
    distribution[s.rating - 1] += n;
    count += n;
    sum += s.rating * n;
    counts.needs_reply += Number(s.unreplied);
    counts.reported += Number(s.reported);
  }
  counts.all = count;
  return {
    // Integer arithmetic, half-up: the same rounding as provider_profiles.rating_x_100.
    summary: { count, averageX100: count ? Math.floor((sum * 100 * 2 + count) / (2 * count)) : null, distribution },
    counts,
    rows: rows.map(({ r, customerName, bookingReference, serviceTitle, completedAt, startsAt }) => ({
      ...toReviewView(r),
      customerFirstName: firstName(customerName),
      bookingReference,
      serviceTitle,
      jobAt: (completedAt ?? startsAt)?.toISOString() ?? null,
      reportReason: r.reportReason,
    })),
  };
}

export interface PublicReview {
  id: string;
  rating: number;
  body: string;
  customerFirstName: string;
  serviceTitle: string;
  createdAt: string;
  reply: string | null;
  repliedAt: string | null;
}

/**
 * The latest visible reviews of a provider for its public page (anyone may read them). Hidden
 * reviews never appear; a reported one stays visible until operations decide, as it still counts
 * towards the rating. Unknown slug → an empty list (the page answers NOT_FOUND itself).
 */
export async function publicProviderReviews(ctx: Ctx, slug: string, limit = 5): Promise<{ summary: Pick<ReviewSummary, 'count' | 'averageX100'>; reviews: PublicReview[] }> {
  const ex = exec(ctx);
  const [org] = await ex
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.slug, slug), eq(organisations.kind, 'provider')));
  if (!org) return { summary: { count: 0, averageX100: null }, reviews: [] };
  const visible = and(eq(reviews.providerOrgId, org.id), ne(reviews.status, 'hidden'));
  const [rows, [agg]] = await Promise.all([
    ex
      .select({ r: reviews, customerName: users.name, serviceTitle: services.title })
      .from(reviews)
      .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
      .innerJoin(services, eq(services.id, bookings.serviceId))
      .leftJoin(users, eq(users.id, reviews.customerId))
      .where(visible)
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(Math.max(1, Math.min(limit, 20))),
    ex.select({ n: sql<number>`count(*)::int`, x100: sql<number | null>`round(avg(${reviews.rating})::numeric * 100)::int` }).from(reviews).where(visible),
  ]);
  return {
    summary: { count: Number(agg?.n ?? 0), averageX100: agg?.x100 == null ? null : Number(agg.x100) },
    reviews: rows.map(({ r, customerName, serviceTitle }) => ({
      id: r.id,
      rating: r.rating,
      body: r.body,
      customerFirstName: firstName(customerName),
      serviceTitle,
      createdAt: r.createdAt.toISOString(),
      reply: r.reply,
      repliedAt: r.repliedAt ? r.repliedAt.toISOString() : null,
    })),
  };
}
