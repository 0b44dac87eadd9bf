import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { customJobs } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { assertNotAwarded, bidderAdminUserIds, checkDeadline, lockOwnJob, notify, providerJobHref, type TxCtx } from './internal';
import { publishJobChange } from './realtime';
import { extendDeadlineInput } from './schemas';

/**
 * extendDeadline(ctx, raw) — the posting customer gives bidders more time: the new deadline is
 * later than the current one, in the future and within 60 days. A job whose bids had closed (and
 * was not awarded) reopens for bids.
 */
export async function extendDeadline(ctx: Ctx, raw: unknown): Promise<{ id: string; bidDeadline: string; status: 'open'; version: number }> {
  authorize(ctx.actor, 'jobs.post');
  const input = parseInput(extendDeadlineInput, raw);
  const run = async (c: TxCtx) => {
    const tx = c.tx;
    const job = await lockOwnJob(c, input.jobId);
    assertNotAwarded(job);
    const deadline = new Date(input.bidDeadline);
    if (deadline.getTime() <= job.bidDeadline.getTime()) throw validation({ bidDeadline: ['must be later than the current deadline'] });
    checkDeadline('bidDeadline', deadline, c.now);
    const version = job.version + 1;
    await tx.update(customJobs).set({ bidDeadline: deadline, status: 'open', closedAt: null, version, updatedAt: c.now }).where(eq(customJobs.id, job.id));
    await recordAudit(c, { action: 'jobs.extend_deadline', entityType: 'custom_job', entityId: job.id, tenantId: job.enterpriseOrgId, data: { from: job.bidDeadline.toISOString(), to: deadline.toISOString(), reopened: job.status === 'closed' } });
    await emitEvent(c, 'job.deadline_extended', { jobId: job.id, bidDeadline: deadline.toISOString() });
    await notify(tx, await bidderAdminUserIds(tx, job.id, ['active'], c.now), {
      kind: 'job.changed',
      title: `More time to bid: ${job.title}`,
      body: `Bids now close ${deadline.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      href: providerJobHref(job.id),
      businessKey: `job:${job.id}:v${version}`,
    });
    await publishJobChange(tx, { kind: job.status === 'closed' ? 'posted' : 'changed', jobId: job.id, version });
    return { id: job.id, bidDeadline: deadline.toISOString(), status: 'open' as const, version };
  };
  return ctx.tx ? ctx.tx.transaction((sp) => run({ ...ctx, tx: sp as unknown as TxCtx['tx'] })) : db().transaction((tx) => run({ ...ctx, tx }));
}
