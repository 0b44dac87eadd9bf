/**
 * reviseBid(ctx, raw, files) — the bidding provider's admin changes amount, message or ETA of its
 * active bid before the deadline. The bid row holds the latest; a bid_revisions row keeps each one
 * (the customer sees "revised from £X"). New files replace the attachments; none keeps them.
 */
import { sql } from 'drizzle-orm';
import { withTx, type Ctx, type UserActor } from '@/lib/core/context';
import { bidRevisions } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { mailMoney } from '@/lib/bookings/mail-text';
import { checkAttachmentCount, replaceAttachments, type UploadedFile } from './attachments';
import { adminOrgIds, assertBiddable, customerJobHref, jobIdOfBid, loadBid, lockJob, notify, providerName } from './internal';
import { reviseBidInput } from './schemas';

export async function reviseBid(ctx: Ctx, raw: unknown, files: readonly UploadedFile[] = []): Promise<{ bidId: string; revision: number }> {
  authorize(ctx.actor, 'bids.manage');
  const input = parseInput(reviseBidInput, raw);
  checkAttachmentCount(files);
  const actor = ctx.actor as UserActor;
  return withTx(ctx, async (c) => {
    const tx = c.tx;
    const jobId = await jobIdOfBid(tx, input.bidId);
    // Another provider's bid is "not found": its existence is not theirs to learn.
    if (!jobId) throw notFound('That bid');
    const job = await lockJob(tx, jobId);
    const bid = await loadBid(tx, input.bidId, true);
    if (!bid || !adminOrgIds(actor).includes(bid.providerOrgId)) throw notFound('That bid');
    assertBiddable(job, ctx.now);
    if (bid.status !== 'active') throw new AppError('CONFLICT', `This bid is ${bid.status}${bid.status === 'withdrawn' ? ' — place it again instead' : ''}.`, { bidStatus: bid.status });

    const revision = bid.revision + 1;
    await tx.execute(sql`
      update bids set amount_minor = ${input.amountMinor.toString()}::bigint, message = ${input.message}, eta_days = ${input.etaDays}, revision = ${revision},
             placed_by = ${actor.userId}::uuid, updated_at = ${ctx.now.toISOString()}::timestamptz
       where id = ${bid.id}::uuid`);
    await tx.insert(bidRevisions).values({ id: newId(), bidId: bid.id, revision, amountMinor: BigInt(input.amountMinor), message: input.message, etaDays: input.etaDays, createdAt: ctx.now });
    const attachments = await replaceAttachments(tx, bid.id, actor.userId, files);

    await emitEvent(c, 'bid.revised', { bidId: bid.id, jobId, providerOrgId: bid.providerOrgId, amountMinor: input.amountMinor, currency: bid.currency, revision }, bid.providerOrgId);
    await recordAudit(c, {
      action: 'bids.revise',
      entityType: 'bid',
      entityId: bid.id,
      tenantId: bid.providerOrgId,
      data: { jobId, fromAmountMinor: bid.amountMinor.toString(), amountMinor: String(input.amountMinor), etaDays: input.etaDays, revision, attachmentsReplaced: attachments },
    });
    const name = await providerName(tx, bid.providerOrgId);
    await notify(tx, [job.customerId], {
      kind: 'bid.revised',
      title: `Bid revised on "${job.title}"`,
      body: `${name} now bids ${mailMoney(input.amountMinor, bid.currency)} (was ${mailMoney(bid.amountMinor, bid.currency)}).`,
      href: customerJobHref(jobId),
      businessKey: `bid:${bid.id}:placed:${revision}`,
    });
    return { bidId: bid.id, revision };
  });
}
