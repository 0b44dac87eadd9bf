import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { bids, customJobs } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { assertNotAwarded, bidderAdminUserIds, lockOwnJob, notify, providerJobHref, type TxCtx } from './internal';
import { publishJobChange } from './realtime';
import { cancelJobInput } from './schemas';

/**
 * cancelJob(ctx, raw) — the posting customer withdraws a job before it is awarded (open, or closed
 * and awaiting a decision). Every active bid is declined in the same transaction and its bidders
 * are told; the job leaves the live feed.
 */
export async function cancelJob(ctx: Ctx, raw: unknown): Promise<{ id: string; status: 'cancelled'; bidsDeclined: number }> {
  authorize(ctx.actor, 'jobs.post');
  const input = parseInput(cancelJobInput, raw);
  const run = async (c: TxCtx) => {
    const tx = c.tx;
    const job = await lockOwnJob(c, input.jobId);
    assertNotAwarded(job);
    // Bidders to tell, read before their bids change status.
    const bidders = await bidderAdminUserIds(tx, job.id, ['active'], c.now);
    const declined = await tx
      .update(bids)
      .set({ status: 'declined', decidedAt: c.now, updatedAt: c.now })
      .where(and(eq(bids.jobId, job.id), eq(bids.status, 'active')))
      .returning({ id: bids.id });
    const version = job.version + 1;
    await tx.update(customJobs).set({ status: 'cancelled', cancelledAt: c.now, version, updatedAt: c.now }).where(eq(customJobs.id, job.id));
    await recordAudit(c, { action: 'jobs.cancel', entityType: 'custom_job', entityId: job.id, tenantId: job.enterpriseOrgId, data: { reason: input.reason, bidsDeclined: declined.length, fromStatus: job.status } });
    await emitEvent(c, 'job.cancelled', { jobId: job.id, bidsDeclined: declined.length });
    await notify(tx, bidders, {
      kind: 'job.cancelled',
      title: `Job cancelled: ${job.title}`,
      body: 'The customer cancelled this job; your bid was declined.',
      href: providerJobHref(job.id),
      businessKey: `job:${job.id}:cancelled`,
    });
    await publishJobChange(tx, { kind: 'closed', jobId: job.id, version });
    return { id: job.id, status: 'cancelled' as const, bidsDeclined: declined.length };
  };
  return ctx.tx ? ctx.tx.transaction((sp) => run({ ...ctx, tx: sp as unknown as TxCtx['tx'] })) : db().transaction((tx) => run({ ...ctx, tx }));
}
