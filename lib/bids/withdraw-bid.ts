/**
 * withdrawBid(ctx, raw) — the bidding provider's admin takes its active bid back before the
 * deadline. The row stays (status withdrawn) so the same provider can place again later.
 */
import { sql } from 'drizzle-orm';
import { withTx, type Ctx, type UserActor } from '@/lib/core/context';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { AppError, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { adminOrgIds, assertBiddable, customerJobHref, jobIdOfBid, loadBid, lockJob, notify, providerName } from './internal';
import { withdrawBidInput } from './schemas';

export async function withdrawBid(ctx: Ctx, raw: unknown): Promise<{ bidId: string; status: 'withdrawn' }> {
  authorize(ctx.actor, 'bids.manage');
  const input = parseInput(withdrawBidInput, raw);
  const actor = ctx.actor as UserActor;
  return withTx(ctx, async (c) => {
    const tx = c.tx;
    const jobId = await jobIdOfBid(tx, input.bidId);
    if (!jobId) throw notFound('That bid');
    const job = await lockJob(tx, jobId);
    const bid = await loadBid(tx, input.bidId, true);
    if (!bid || !adminOrgIds(actor).includes(bid.providerOrgId)) throw notFound('That bid');
    assertBiddable(job, ctx.now);
    if (bid.status !== 'active') throw new AppError('CONFLICT', `This bid is already ${bid.status}.`, { bidStatus: bid.status });

    await tx.execute(sql`update bids set status = 'withdrawn', withdrawn_at = ${ctx.now.toISOString()}::timestamptz, updated_at = ${ctx.now.toISOString()}::timestamptz where id = ${bid.id}::uuid`);
    await emitEvent(c, 'bid.withdrawn', { bidId: bid.id, jobId, providerOrgId: bid.providerOrgId }, bid.providerOrgId);
    await recordAudit(c, { action: 'bids.withdraw', entityType: 'bid', entityId: bid.id, tenantId: bid.providerOrgId, data: { jobId, revision: bid.revision } });
    const name = await providerName(tx, bid.providerOrgId);
    await notify(tx, [job.customerId], {
      kind: 'bid.withdrawn',
      title: `Bid withdrawn on "${job.title}"`,
      body: `${name} withdrew its bid.`,
      href: customerJobHref(jobId),
      businessKey: `bid:${bid.id}:withdrawn:${bid.revision}`,
    });
    return { bidId: bid.id, status: 'withdrawn' as const };
  });
}
