import { eq } from 'drizzle-orm';
import { reviews } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { lockReview, toReviewView, type ReviewView } from './internal';
import { recomputeProviderRating } from './rating';
import { moderateReviewInput } from './schemas';

/**
 * moderateReview(ctx, { reviewId, decision }) — operations hide a review (it stops counting
 * towards the provider's rating) or restore it to published; the rating is recomputed in the same
 * transaction. Restoring a review that is already published is a 409.
 */
export async function moderateReview(ctx: Ctx, raw: unknown): Promise<ReviewView> {
  authorize(ctx.actor, 'reviews.moderate');
  const input = parseInput(moderateReviewInput, raw);
  return withTx(ctx, async (c) => {
    const r = await lockReview(c.tx, input.reviewId);
    if (!r) throw notFound('That review');
    const to = input.decision === 'hide' ? ('hidden' as const) : ('published' as const);
    if (r.status === to) throw conflict(`This review is already ${to}.`, { from: r.status, to });
    const [row] = await c.tx.update(reviews).set({ status: to, updatedAt: c.now }).where(eq(reviews.id, r.id)).returning();
    await recomputeProviderRating(c.tx, r.providerOrgId);
    await recordAudit(c, { action: 'reviews.moderate', entityType: 'review', entityId: r.id, tenantId: r.providerOrgId, data: { from: r.status, to, reason: r.reportReason ? 'reported' : 'proactive' } });
    await emitEvent(c, 'review.moderated', { reviewId: r.id, providerOrgId: r.providerOrgId, status: to }, r.providerOrgId);
    return toReviewView(row);
  });
}
