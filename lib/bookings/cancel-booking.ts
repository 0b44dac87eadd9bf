import { and, desc, eq } from 'drizzle-orm';
import { bookingAssignments, dispatchOffers, payments, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { chargeCancellationFee, refundBooking, voidBookingPayment } from '@/lib/finance/booking-money';
import { queueMail } from '@/lib/notifications/queue-mail';
import {
  activeCrew,
  bookingHref,
  cancelAllDeadlines,
  loadBookingForWrite,
  moveStatus,
  notify,
  providerAdminUserIds,
  providerBookingHref,
  releaseAssignments,
  runBookingTx,
  type BookingRow,
  type TxCtx,
} from './internal';
import { mailMoney, mailTime } from './mail-text';
import { assertTransition, cancellationFee } from './policy';
import { cancelBookingInput } from './schemas';

export type CancelledBy = 'customer' | 'provider' | 'operations' | 'system';

/**
 * Money on cancellation, as ledger transfers through lib/finance: a fee is captured (the rest voided
 * or refunded by chargeCancellationFee); no fee → the hold is voided, or a captured payment refunded
 * in full.
 */
export async function settleCancellationMoney(c: TxCtx, b: BookingRow, feeMinor: bigint, reason: string): Promise<void> {
  const [p] = await c.tx.select().from(payments).where(eq(payments.bookingId, b.id)).orderBy(desc(payments.createdAt)).limit(1);
  if (!p || p.status === 'failed' || p.status === 'voided' || p.status === 'refunded') return;
  if (feeMinor > 0n) {
    await chargeCancellationFee(c, b.id, feeMinor);
    return;
  }
  if (p.status === 'authorized' || p.status === 'requires_action') {
    await voidBookingPayment(c, b.id);
    return;
  }
  const left = toMinor(p.capturedMinor) - toMinor(p.refundedMinor);
  if (left > 0n) await refundBooking(c, b.id, left, reason);
}

/**
 * Cancels a booking the caller has locked: status through the table, crew released (the slot is
 * free the moment this commits), open offers withdrawn, pending deadlines cancelled, money settled,
 * everyone told.
 */
export async function cancelInTx(c: TxCtx, b: BookingRow, opts: { by: CancelledBy; reason: string; feeMinor: bigint; note?: string }): Promise<BookingRow> {
  const row = await moveStatus(c, b, 'cancelled', {
    note: opts.note ?? `cancelled by ${opts.by}${opts.reason ? `: ${opts.reason}` : ''}`,
    set: {
      cancelledAt: c.now,
      cancelledBy: c.actor.kind === 'user' ? c.actor.userId : null,
      cancellationReason: opts.reason || null,
      cancellationFeeMinor: opts.feeMinor,
    },
  });
  const crew = await activeCrew(c.tx, b.id);
  await releaseAssignments(c.tx, b.id, c.now);
  await c.tx.update(dispatchOffers).set({ status: 'withdrawn', respondedAt: c.now }).where(and(eq(dispatchOffers.bookingId, b.id), eq(dispatchOffers.status, 'open')));
  await cancelAllDeadlines(c.tx, b.id, c.now);
  await settleCancellationMoney(c, b, opts.feeMinor, opts.reason || `cancelled by ${opts.by}`);
  await emitEvent(c, 'booking.cancelled', { bookingId: b.id, zoneId: b.zoneId, by: opts.by, feeMinor: toWire(opts.feeMinor), reason: opts.reason }, b.providerOrgId);
  const feeText = opts.feeMinor > 0n ? ` A cancellation fee of ${mailMoney(opts.feeMinor, b.currency)} applies; the rest is released.` : ' No fee applies; the payment hold is released.';
  await notify(c.tx, [b.customerId], { kind: 'booking.cancelled', title: `Booking ${b.reference} cancelled`, body: feeText.trim(), href: bookingHref(b.id), businessKey: `booking:${b.id}:cancelled` });
  await notify(c.tx, [...(await providerAdminUserIds(c.tx, b.providerOrgId, c.now)), ...crew.map((m) => m.userId)], {
    kind: 'booking.cancelled',
    title: `Booking ${b.reference} cancelled`,
    body: `Cancelled by ${opts.by}.`,
    href: providerBookingHref(b.id),
    businessKey: `booking:${b.id}:cancelled`,
  });
  const [customer] = await c.tx.select({ email: users.email }).from(users).where(eq(users.id, b.customerId));
  if (customer) {
    await queueMail(c.tx, { to: customer.email, subject: `Booking ${b.reference} cancelled`, text: `Your booking ${b.reference}${b.startsAt ? ` for ${mailTime(b.startsAt, b.timeZone)}` : ''} was cancelled by ${opts.by}.${feeText}\n`, template: 'booking.cancelled' });
  }
  return row;
}

/**
 * cancelBooking(ctx, { bookingId, reason?, expectedFeeMinor? }) — by the customer (fee per the
 * policy, the same figure cancellationPreview showed; a different fee now is a 409, never a
 * surprise charge) or by the provider / operations (always free for the customer).
 */
export async function cancelBooking(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: 'cancelled'; feeMinor: number; currency: string }> {
  authorize(ctx.actor, 'bookings.cancel');
  const input = parseInput(cancelBookingInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    const by: CancelledBy | null = rel.includes('customer') ? 'customer' : rel.includes('provider') ? 'provider' : rel.includes('operations') ? 'operations' : null;
    if (!by) throw forbidden('Only the customer, the provider or operations can cancel this booking.');
    assertTransition(b.status, 'cancelled', b.type);
    const [assigned] = await c.tx.select({ id: bookingAssignments.id }).from(bookingAssignments).where(and(eq(bookingAssignments.bookingId, b.id), eq(bookingAssignments.active, true))).limit(1);
    const fee =
      by === 'customer'
        ? cancellationFee({ booking: { type: b.type, status: b.status, createdAt: b.createdAt, startsAt: b.startsAt, totalMinor: toMinor(b.totalMinor), assigned: !!assigned }, at: c.now })
        : { feeMinor: 0n, free: true, reason: '' };
    if (input.expectedFeeMinor !== undefined && BigInt(input.expectedFeeMinor) !== fee.feeMinor) {
      throw new AppError('CONFLICT', 'The cancellation fee has changed since you looked. Please review it again.', { feeMinor: toWire(fee.feeMinor) });
    }
    await cancelInTx(c, b, { by, reason: input.reason ?? '', feeMinor: fee.feeMinor });
    await recordAudit(c, { action: 'bookings.cancel', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { by, from: b.status, feeMinor: fee.feeMinor.toString() } });
    return { bookingId: b.id, status: 'cancelled' as const, feeMinor: toWire(fee.feeMinor), currency: b.currency.trim() };
  });
}
