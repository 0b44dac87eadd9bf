import { eq } from 'drizzle-orm';
import { reviews } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { lockReview, toReviewView, type ReviewView } from './internal';
import { replyReviewInput } from './schemas';

/** replyToReview(ctx, { reviewId, reply }) — the reviewed provider's admin answers once (409 after). */
export async function replyToReview(ctx: Ctx, raw: unknown): Promise<ReviewView> {
  authorize(ctx.actor, 'reviews.reply');
  const input = parseInput(replyReviewInput, raw);
  const providerOrgId = managedProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const r = await lockReview(c.tx, input.reviewId);
    if (!r || r.providerOrgId !== providerOrgId) throw notFound('That review');
    if (r.reply !== null) throw conflict('This review already has your reply.');
    const [row] = await c.tx.update(reviews).set({ reply: input.reply, repliedAt: c.now, updatedAt: c.now }).where(eq(reviews.id, r.id)).returning();
    await recordAudit(c, { action: 'reviews.reply', entityType: 'review', entityId: r.id, tenantId: providerOrgId, data: {} });
    return toReviewView(row);
  });
}
