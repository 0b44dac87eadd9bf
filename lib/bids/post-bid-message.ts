/**
 * postBidMessage(ctx, raw) — a message in a bid's Q&A thread, by the job's customer or an admin of
 * the bidding provider; the other side is notified in-app. The customer can ask any active bidder
 * before awarding; after the award only the winner's thread stays open (the work is arranged
 * there); withdrawn and declined bids' threads are read-only history.
 */
import { withTx, type Ctx, type UserActor } from '@/lib/core/context';
import { bidMessages } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { adminOrgIds, customerJobHref, jobIdOfBid, loadBid, lockJob, notify, notifyProviderAdmins, providerJobHref, providerName } from './internal';
import { postBidMessageInput } from './schemas';

export async function postBidMessage(ctx: Ctx, raw: unknown): Promise<{ messageId: string; authorParty: 'customer' | 'provider' }> {
  authorize(ctx.actor, 'bids.message');
  const input = parseInput(postBidMessageInput, raw);
  const actor = ctx.actor as UserActor;
  return withTx(ctx, async (c) => {
    const tx = c.tx;
    const jobId = await jobIdOfBid(tx, input.bidId);
    if (!jobId) throw notFound('That bid');
    const job = await lockJob(tx, jobId);
    const bid = await loadBid(tx, input.bidId);
    if (!bid) throw notFound('That bid');
    const party = job.customerId === actor.userId ? 'customer' : adminOrgIds(actor).includes(bid.providerOrgId) ? 'provider' : null;
    if (!party) throw notFound('That bid');
    const open = bid.status === 'awarded' || (bid.status === 'active' && (job.status === 'open' || job.status === 'closed'));
    if (!open) throw new AppError('CONFLICT', `This conversation is closed (the bid is ${bid.status}, the job is ${job.status}).`, { bidStatus: bid.status, jobStatus: job.status });

    const messageId = newId();
    await tx.insert(bidMessages).values({ id: messageId, bidId: bid.id, authorUserId: actor.userId, authorParty: party, body: input.body, createdAt: ctx.now });
    await recordAudit(c, { action: 'bids.message', entityType: 'bid', entityId: bid.id, tenantId: bid.providerOrgId, data: { jobId, messageId, party } });
    const snippet = input.body.length > 140 ? `${input.body.slice(0, 137)}…` : input.body;
    if (party === 'customer') {
      await notifyProviderAdmins(tx, bid.providerOrgId, ctx.now, {
        kind: 'bid.message',
        title: `Question from the customer on "${job.title}"`,
        body: snippet,
        href: providerJobHref(jobId),
        businessKey: `bid-message:${messageId}`,
      });
    } else {
      await notify(tx, [job.customerId], {
        kind: 'bid.message',
        title: `${await providerName(tx, bid.providerOrgId)} replied on "${job.title}"`,
        body: snippet,
        href: customerJobHref(jobId),
        businessKey: `bid-message:${messageId}`,
      });
    }
    return { messageId, authorParty: party };
  });
}
