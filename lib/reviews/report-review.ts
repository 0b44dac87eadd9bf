import { eq } from 'drizzle-orm';
import { reviews } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { lockReview } from './internal';
import { reportReviewInput } from './schemas';

/**
 * reportReview(ctx, { reviewId, reason }) — any signed-in party flags a visible review for
 * operations. The review stays visible until moderated; a second report keeps the first reason
 * (and is still audited). Hidden reviews are NOT_FOUND.
 */
export async function reportReview(ctx: Ctx, raw: unknown): Promise<{ reviewId: string; status: 'reported' }> {
  authorize(ctx.actor, 'reviews.report');
  const input = parseInput(reportReviewInput, raw);
  return withTx(ctx, async (c) => {
    const r = await lockReview(c.tx, input.reviewId);
    if (!r || r.status === 'hidden') throw notFound('That review');
    if (r.status === 'published') await c.tx.update(reviews).set({ status: 'reported', reportReason: input.reason, updatedAt: c.now }).where(eq(reviews.id, r.id));
    await recordAudit(c, { action: 'reviews.report', entityType: 'review', entityId: r.id, tenantId: r.providerOrgId, data: { firstReport: r.status === 'published' } });
    return { reviewId: r.id, status: 'reported' as const };
  });
}
