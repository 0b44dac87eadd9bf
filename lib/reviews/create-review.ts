import { eq } from 'drizzle-orm';
import { bookings, reviews } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { toReviewView, type ReviewView } from './internal';
import { recomputeProviderRating } from './rating';
import { createReviewInput } from './schemas';

/**
 * createReview(ctx, { bookingId, rating, body }) — the customer of a COMPLETED booking reviews it,
 * once. Someone else's booking is NOT_FOUND (no existence leak); not completed or already reviewed
 * is 409. The provider's rating is recomputed in the same transaction.
 */
export async function createReview(ctx: Ctx, raw: unknown): Promise<ReviewView> {
  authorize(ctx.actor, 'reviews.create');
  const input = parseInput(createReviewInput, raw);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return withTx(ctx, async (c) => {
    const [b] = await c.tx
      .select({ id: bookings.id, customerId: bookings.customerId, providerOrgId: bookings.providerOrgId, status: bookings.status })
      .from(bookings)
      .where(eq(bookings.id, input.bookingId))
      .for('update');
    if (!b || b.customerId !== userId) throw notFound('That booking');
    if (b.status !== 'completed') throw conflict(`Only a completed booking can be reviewed (this one is ${b.status.replace(/_/g, ' ')}).`, { status: b.status });
    const [row] = await c.tx
      .insert(reviews)
      .values({ id: newId(), bookingId: b.id, customerId: userId, providerOrgId: b.providerOrgId, rating: input.rating, body: input.body, status: 'published', createdAt: c.now, updatedAt: c.now })
      .onConflictDoNothing({ target: reviews.bookingId })
      .returning();
    if (!row) throw conflict('You have already reviewed this booking.');
    await recomputeProviderRating(c.tx, b.providerOrgId);
    await recordAudit(c, { action: 'reviews.create', entityType: 'review', entityId: row.id, tenantId: b.providerOrgId, data: { bookingId: b.id, rating: input.rating } });
    await emitEvent(c, 'review.created', { reviewId: row.id, bookingId: b.id, providerOrgId: b.providerOrgId, rating: input.rating }, b.providerOrgId);
    return toReviewView(row);
  });
}
