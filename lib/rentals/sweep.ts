/**
 * The rentals sweeper ('rentals.sweep', every 5 minutes), driven by `at` (tests pass the instant):
 * - return reminders: rentals out with their end within 24 h → one in-app notice to the renter
 *   (business key per end instant, so an extension earns a new reminder);
 * - overdue: rentals out past their end → an overdue_return alert (raised once, refreshed after)
 *   and an in-app notice to both parties once per UTC day;
 * - auto-cancel: requests not approved before their start → cancelled, hold voided.
 * Each rental runs in a transaction of its own with its row locked and its status re-checked.
 */
import { and, inArray, lte, gt, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { rentals } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { raiseAlert } from '@/lib/inventory/alert-hooks';
import { cancelLocked } from './cancel-rental';
import { loadRentalForWrite, notifySide, runRentalTx } from './internal';
import { DAY_MS, outStatuses } from './policy';

export interface SweepResult {
  reminded: number;
  overdue: number;
  cancelled: number;
  failed: number;
}

const REMINDER_MS = DAY_MS;
const BATCH = 500;

export async function sweepRentals(at: Date): Promise<SweepResult> {
  const out: SweepResult = { reminded: 0, overdue: 0, cancelled: 0, failed: 0 };
  const ctx: Ctx = { actor: { kind: 'system', job: 'rentals.sweep', roles: [] }, requestId: `jobs-${newId()}`, now: at };
  const run = async (ids: string[], fn: (id: string) => Promise<boolean>, key: keyof SweepResult) => {
    for (const id of ids) {
      try {
        if (await fn(id)) out[key]++;
      } catch (err) {
        out.failed++;
        logger.error({ err, rentalId: id }, 'rental sweep step failed');
      }
    }
  };

  const dueSoon = await db()
    .select({ id: rentals.id })
    .from(rentals)
    .where(and(inArray(rentals.status, [...outStatuses]), gt(rentals.endsAt, at), lte(rentals.endsAt, new Date(at.getTime() + REMINDER_MS))))
    .limit(BATCH);
  await run(
    dueSoon.map((r) => r.id),
    (id) =>
      runRentalTx(ctx, async (c) => {
        const { rental: r } = await loadRentalForWrite(c, id);
        if (!outStatuses.includes(r.status) || r.endsAt.getTime() <= at.getTime()) return false;
        const before = await countNotices(c.tx, `rental:${r.id}:reminder:${r.endsAt.toISOString()}`);
        await notifySide(c, r, 'customer', { kind: 'rental.reminder', title: `Rental ${r.reference} is due back soon`, body: `Please return it by ${r.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`, key: `reminder:${r.endsAt.toISOString()}` });
        return before === 0;
      }),
    'reminded',
  );

  const overdue = await db()
    .select({ id: rentals.id })
    .from(rentals)
    .where(and(inArray(rentals.status, [...outStatuses]), lte(rentals.endsAt, at)))
    .limit(BATCH);
  const day = at.toISOString().slice(0, 10);
  await run(
    overdue.map((r) => r.id),
    (id) =>
      runRentalTx(ctx, async (c) => {
        const { rental: r } = await loadRentalForWrite(c, id);
        if (!outStatuses.includes(r.status) || r.endsAt.getTime() > at.getTime()) return false;
        const outstanding = r.quantity - r.returnedQuantity;
        const late = Math.ceil((at.getTime() - r.endsAt.getTime()) / DAY_MS);
        await raiseAlert(c, { itemId: r.itemId, providerOrgId: r.providerOrgId, kind: 'overdue_return', severity: late > 3 ? 'critical' : 'warning', rentalId: r.id, detail: `Rental ${r.reference}: ${outstanding} unit(s) overdue since ${r.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` });
        const key = `overdue:${day}`;
        const before = await countNotices(c.tx, `rental:${r.id}:${key}`);
        const n = { kind: 'rental.overdue', title: `Rental ${r.reference} is overdue`, body: `${outstanding} unit(s) were due back ${r.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Late days are charged at 1.5 × the daily rate.`, key };
        await notifySide(c, r, 'customer', n);
        await notifySide(c, r, 'provider', n);
        return before === 0;
      }),
    'overdue',
  );

  const stale = await db()
    .select({ id: rentals.id })
    .from(rentals)
    .where(and(eq(rentals.status, 'requested'), lte(rentals.startsAt, at)))
    .limit(BATCH);
  await run(
    stale.map((r) => r.id),
    (id) =>
      runRentalTx(ctx, async (c) => {
        const { rental: r } = await loadRentalForWrite(c, id);
        if (r.status !== 'requested' || r.startsAt.getTime() > at.getTime()) return false;
        await cancelLocked(c, r, 'system', 'Not approved before the start: cancelled automatically, nothing charged');
        return true;
      }),
    'cancelled',
  );
  return out;
}

async function countNotices(tx: Parameters<Parameters<typeof runRentalTx>[1]>[0]['tx'], businessKey: string): Promise<number> {
  return Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from notifications where business_key = ${businessKey}`))[0]?.n ?? 0);
}
