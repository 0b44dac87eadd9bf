/**
 * The money of a dispute resolution, as ledger transfers through the booking-money steps (called
 * by lib/disputes inside its transaction, after it has authorised the resolver):
 * - a refund of the DIFFERENCE between the refund now decided and what earlier resolutions of the
 *   same dispute already refunded (an appeal never refunds twice), under its own business key per
 *   round, so a repeat has its effect once;
 * - the provider's share released to its pending balance when the booking ends completed (before
 *   release: out of escrow, the refund first; after release: the refund comes back proportionally
 *   from pending, platform fees and tax, and the rest stays pending on its dispute-window clock).
 * A lower refund on appeal than already paid is refused: refunded money has left the platform.
 */
import { and, desc, eq, ne } from 'drizzle-orm';
import { payments } from '@/db/schema';
import { conflict } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { refundBooking, releaseBookingFunds, type MoneyCtx } from './booking-money';

export const disputeRefundKey = (disputeId: string, round: number) => `dispute:${disputeId}:${round}`;

/** What is still refundable on the booking's live payment (captured − refunded), 0 without one. */
export async function refundableMinor(c: MoneyCtx, bookingId: string): Promise<bigint> {
  const [p] = await c.tx
    .select({ captured: payments.capturedMinor, refunded: payments.refundedMinor })
    .from(payments)
    .where(and(eq(payments.bookingId, bookingId), ne(payments.status, 'failed')))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return p ? toMinor(p.captured) - toMinor(p.refunded) : 0n;
}

export interface DisputeSettlement {
  /** Refunded by THIS settlement (the difference). */
  refundedMinor: bigint;
  released: boolean;
}

export async function settleDisputeMoney(
  c: MoneyCtx,
  input: { disputeId: string; reference: string; bookingId: string; round: number; refundMinor: bigint; alreadyRefundedMinor: bigint; release: boolean },
): Promise<DisputeSettlement> {
  const delta = input.refundMinor - input.alreadyRefundedMinor;
  if (delta < 0n) {
    throw conflict('Money already refunded to the customer cannot be taken back; choose a refund of at least what was refunded before.', {
      refundedBeforeMinor: input.alreadyRefundedMinor.toString(),
    });
  }
  if (delta > 0n) {
    await refundBooking(c, input.bookingId, delta, `Dispute ${input.reference}`, { key: disputeRefundKey(input.disputeId, input.round) });
  }
  if (input.release) await releaseBookingFunds(c, input.bookingId);
  return { refundedMinor: delta, released: input.release };
}
