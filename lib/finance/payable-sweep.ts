/**
 * The periodic job that makes provider money payable once the dispute window has closed. Each
 * booking moves in its own short transaction, so one failure (e.g. a dispute opened a moment ago)
 * never blocks the others; postings are idempotent, so a rerun is harmless.
 */
import { db } from '@/db/client';
import type { Ctx } from '@/lib/core/context';
import { isAppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { duePayableBookings, makePayableAfterDisputeWindow } from './booking-money';
import { runCommercePayableSweep } from './commerce-payable';

export async function runPayableSweep(at: Date, limit = 200): Promise<{ made: number; skipped: number }> {
  const ids = await db().transaction((tx) => duePayableBookings(tx, at, limit));
  let made = 0;
  let skipped = 0;
  for (const bookingId of ids) {
    const ctx: Ctx = { actor: { kind: 'system', job: 'finance.payable_sweep', roles: [] }, requestId: newId(), now: at };
    try {
      await db().transaction((tx) => makePayableAfterDisputeWindow({ ...ctx, tx }, bookingId));
      made += 1;
    } catch (err) {
      // A booking disputed since it was listed stays frozen; anything else fails the job for a retry.
      if (isAppError(err) && err.code === 'CONFLICT') skipped += 1;
      else throw err;
    }
  }
  // Rentals and orders follow the same window (lib/finance/commerce-payable.ts).
  made += (await runCommercePayableSweep(at, limit)).made;
  return { made, skipped };
}
