/**
 * The bid-deadline job ('custom_jobs.deadlines', every minute): open jobs whose deadline has passed
 * become `closed` — no more bids, the customer can still award. Each job is closed in a
 * transaction of its own, with its row locked and the status re-checked under the lock, so a rerun
 * or a second worker closes nothing twice. A job that closes with NO bids sends its customer one
 * in-app notice and one email suggesting providers near the job that offer the category (nearest
 * first), or a repost with a wider reach (out of zone / no invite-only). Tests drive time via `at`.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { bids, customJobs, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { queueMail } from '@/lib/notifications/queue-mail';
import { customerJobHref, notify, type TxCtx } from './internal';
import { publishJobChange } from './realtime';

const BATCH = 200;
export const SUGGESTIONS = 5;

export interface CloseResult {
  closed: number;
  noBids: number;
  failed: number;
}

export interface Suggestion {
  orgId: string;
  name: string;
  distanceKm: number;
}

export async function closeDueJobs(at: Date, opts: { limit?: number } = {}): Promise<CloseResult> {
  const out: CloseResult = { closed: 0, noBids: 0, failed: 0 };
  const ctx: Ctx = { actor: { kind: 'system', job: 'custom_jobs.deadlines', roles: [] }, requestId: `jobs-${newId()}`, now: at };
  const due = await db()
    .select({ id: customJobs.id })
    .from(customJobs)
    .where(and(eq(customJobs.status, 'open'), sql`${customJobs.bidDeadline} <= ${at.toISOString()}::timestamptz`))
    .orderBy(asc(customJobs.bidDeadline))
    .limit(opts.limit ?? BATCH);
  for (const { id } of due) {
    try {
      const r = await db().transaction((tx) => closeOne({ ...ctx, tx }, id));
      if (r === 'skipped') continue;
      out.closed++;
      if (r === 'no_bids') out.noBids++;
    } catch (err) {
      out.failed++;
      logger.error({ err, jobId: id }, 'closing a custom job failed');
    }
  }
  return out;
}

async function closeOne(c: TxCtx, jobId: string): Promise<'skipped' | 'closed' | 'no_bids'> {
  const tx = c.tx;
  const [job] = await tx.select().from(customJobs).where(eq(customJobs.id, jobId)).for('update');
  // Extended, cancelled or already closed since the list was read: nothing to do.
  if (!job || job.status !== 'open' || job.bidDeadline.getTime() > c.now.getTime()) return 'skipped';
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(bids)
    .where(and(eq(bids.jobId, job.id), eq(bids.status, 'active')))) as Array<{ n: number }>;
  const bidCount = Number(n);
  const version = job.version + 1;
  await tx.update(customJobs).set({ status: 'closed', closedAt: c.now, version, updatedAt: c.now }).where(eq(customJobs.id, job.id));
  await recordAudit(c, { action: 'jobs.close', entityType: 'custom_job', entityId: job.id, tenantId: job.enterpriseOrgId, data: { bids: bidCount, deadline: job.bidDeadline.toISOString() } });
  await emitEvent(c, 'job.closed', { jobId: job.id, bids: bidCount });
  await publishJobChange(tx, { kind: 'closed', jobId: job.id, version });

  if (bidCount > 0) {
    await notify(tx, [job.customerId], {
      kind: 'job.closed',
      title: `Bids closed: ${job.title}`,
      body: `${bidCount} ${bidCount === 1 ? 'bid' : 'bids'} to compare. Award one to book it.`,
      href: customerJobHref(job.id),
      businessKey: `job:${job.id}:closed`,
    });
    return 'closed';
  }

  const suggestions = await suggestProviders(tx, job.id);
  const list = suggestions.map((s) => `${s.name} (${s.distanceKm.toFixed(1)} km)`).join(', ');
  const wider = job.inviteOnly ? 'open it to every eligible provider' : job.zoneId ? 'repost it allowing out-of-zone providers' : 'widen the area or adjust the budget';
  await notify(tx, [job.customerId], {
    kind: 'job.no_bids',
    title: `No bids on ${job.title}`,
    body: suggestions.length ? `Nearby providers for this kind of work: ${list}. Invite them, or ${wider}.` : `No provider near you offers this yet. Extend the deadline, or ${wider}.`,
    href: customerJobHref(job.id),
    businessKey: `job:${job.id}:no_bids`,
  });
  const [customer] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, job.customerId));
  if (customer) {
    await queueMail(tx, {
      to: customer.email,
      subject: `No bids yet on ${job.title}`,
      text: [
        `Hello ${customer.name},`,
        '',
        `Bids on your job "${job.title}" (${job.reference}) closed without any offer.`,
        suggestions.length ? 'These providers nearby offer this kind of work:' : 'No provider nearby offers this kind of work yet.',
        ...suggestions.map((s) => `- ${s.name}, ${s.distanceKm.toFixed(1)} km away`),
        '',
        `You can extend the deadline and invite them, or ${wider}.`,
        `Open the job: ${customerJobHref(job.id)}`,
      ].join('\n'),
      template: 'custom_job.no_bids',
    });
  }
  return 'no_bids';
}

/**
 * Providers offering the job's category (an active service), nearest first by the distance from
 * their base point, excluding the customer's own business; read from the geo data every provider
 * keeps (provider_profiles.base_point).
 */
export async function suggestProviders(ex: TxCtx['tx'] | ReturnType<typeof db>, jobId: string, limit = SUGGESTIONS): Promise<Suggestion[]> {
  const rows = rowsOf<{ org_id: string; name: string; meters: number | string }>(
    await ex.execute(sql`
      select o.id::text as org_id, o.name, ST_Distance(pp.base_point::geography, j.location::geography) as meters
        from custom_jobs j
        join services s on s.category_id = j.category_id and s.status = 'active'
        join organisations o on o.id = s.provider_org_id and o.kind = 'provider'
        join provider_profiles pp on pp.org_id = o.id
       where j.id = ${jobId}::uuid
         and not exists (select 1 from memberships m where m.user_id = j.customer_id and m.org_id = o.id)
       group by o.id, o.name, pp.base_point, j.location
       order by meters asc, o.id
       limit ${limit}`),
  );
  return rows.map((r) => ({ orgId: r.org_id, name: r.name, distanceKm: Math.round(Number(r.meters) / 100) / 10 }));
}
