/**
 * runScheduledPayouts(at): the hourly job. For every provider with a schedule, the schedule is
 * read in the provider's home time zone; on its payout day the whole payable balance is paid out
 * when it reaches the provider's minimum. The period key (`weekly:2026-W49` …) makes a rerun in
 * the same period a no-op. Each provider is its own short transaction, so one failure never
 * blocks the others. Payouts left pending without a gateway answer are sent again first.
 */
import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import { db } from '@/db/client';
import { organisations, payoutAccounts, payouts } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { createPayoutLocked, lockPayoutAccount, sendPayout } from './payout-internal';
import { duePeriodKey } from './payout-schedule';

export interface PayoutRunResult {
  created: number;
  paid: number;
  failed: number;
  /** Still pending after the run (gateway answers later, or did not answer). */
  pending: number;
  retried: number;
}

/** A pending payout older than this without a gateway reference is sent again. */
const RETRY_AFTER_MS = 15 * 60_000;
const JOB = 'finance.payouts';

export async function runScheduledPayouts(at: Date): Promise<PayoutRunResult> {
  const out: PayoutRunResult = { created: 0, paid: 0, failed: 0, pending: 0, retried: 0 };
  const tally = (status: string) => {
    if (status === 'paid') out.paid += 1;
    else if (status === 'failed') out.failed += 1;
    else out.pending += 1;
  };

  const stale = await db()
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.status, 'pending'), isNull(payouts.gatewayRef), lt(payouts.createdAt, new Date(at.getTime() - RETRY_AFTER_MS))));
  for (const s of stale) {
    out.retried += 1;
    tally((await sendPayout(s.id, at, JOB)).status);
  }

  const accounts = await db()
    .select({ providerOrgId: payoutAccounts.providerOrgId, schedule: payoutAccounts.schedule, weeklyDay: payoutAccounts.weeklyDay, monthlyDay: payoutAccounts.monthlyDay, timeZone: organisations.timeZone })
    .from(payoutAccounts)
    .innerJoin(organisations, eq(organisations.id, payoutAccounts.providerOrgId))
    .where(ne(payoutAccounts.schedule, 'manual'));
  for (const a of accounts) {
    let periodKey: string | null;
    try {
      periodKey = duePeriodKey(a, at, a.timeZone);
    } catch (err) {
      logger.warn({ err, providerOrgId: a.providerOrgId }, 'payout schedule skipped: unknown time zone');
      continue;
    }
    if (!periodKey) continue;
    const ctx: Ctx = { actor: { kind: 'system', job: JOB, roles: [] }, requestId: newId(), now: at };
    const created = await db().transaction(async (tx) => {
      const account = await lockPayoutAccount(tx, a.providerOrgId);
      // The schedule may have changed since the list was read: decide again under the lock.
      if (!account || duePeriodKey(account, at, a.timeZone) !== periodKey) return null;
      const r = await createPayoutLocked({ ...ctx, tx }, account, { periodKey, via: 'schedule', strict: false });
      return r.created ? r.payout : null;
    });
    if (!created) continue;
    out.created += 1;
    tally((await sendPayout(created.id, at, JOB)).status);
  }
  return out;
}

/** Finance runs the schedule by hand ("Run scheduled payouts now"); same rules, same keys. */
export async function runScheduledPayoutsNow(ctx: Ctx): Promise<PayoutRunResult> {
  authorize(ctx.actor, 'payouts.manage_any');
  return runScheduledPayouts(ctx.now);
}
