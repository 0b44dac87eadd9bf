import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { loadDisputeForWrite, moveDispute } from './internal';
import { startReviewInput } from './schemas';

/**
 * startReview(ctx, { disputeIds }) — operations take disputes into review before the response
 * deadline (bulk from the queue). Each must be awaiting a response: the whole batch is refused
 * with a 409 naming the first that is not, so a half-done bulk action never happens.
 */
export async function startReview(ctx: Ctx, raw: unknown): Promise<{ started: string[] }> {
  authorize(ctx.actor, 'disputes.manage');
  const input = parseInput(startReviewInput, raw);
  return withTx(ctx, async (c) => {
    const started: string[] = [];
    for (const id of [...new Set(input.disputeIds)].sort()) {
      const { dispute: d } = await loadDisputeForWrite(c, id);
      const who = c.actor.kind === 'user' ? c.actor.name || c.actor.email : 'operations';
      await moveDispute(c, d, 'under_review', {}, { kind: 'review_started', party: 'operations', note: `review started by ${who}` });
      await recordAudit(c, { action: 'disputes.start_review', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: {} });
      started.push(d.id);
    }
    return { started };
  });
}
