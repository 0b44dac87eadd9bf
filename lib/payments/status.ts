/**
 * Status changes that reach us from outside a booking step: the customer completing a bank
 * check (test gateway confirm page) or a gateway webhook. Only forward moves are applied, so
 * deliveries that repeat or arrive out of order converge on the same final state (RELIABILITY F6).
 */
import { eq } from 'drizzle-orm';
import { payments } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { onPaymentAuthorized, onPaymentFailed } from '@/lib/bookings/provider-verbs';
import { recordCapture, type MoneyCtx } from '@/lib/finance/booking-money';
import { toMinor } from '@/lib/core/money';

type PaymentRow = typeof payments.$inferSelect;
export type GatewayStatus = 'authorized' | 'captured' | 'failed' | 'voided';

/** Which statuses each incoming status may replace (anything else is stale or a repeat). */
const forwardFrom: Record<GatewayStatus, ReadonlyArray<PaymentRow['status']>> = {
  authorized: ['requires_action'],
  captured: ['requires_action', 'authorized'],
  failed: ['requires_action'],
  voided: ['requires_action', 'authorized'],
};

export async function applyGatewayStatus(
  c: MoneyCtx,
  row: PaymentRow,
  to: GatewayStatus,
  opts: { via: 'test_confirm' | 'webhook'; failureReason?: string | null },
): Promise<{ changed: boolean }> {
  // Re-read under a row lock: two deliveries for one payment apply one after the other.
  const [locked] = await c.tx.select().from(payments).where(eq(payments.id, row.id)).for('update');
  if (!locked || !forwardFrom[to].includes(locked.status)) return { changed: false };
  const p = { ...locked, currency: locked.currency.trim(), amountMinor: toMinor(locked.amountMinor), capturedMinor: toMinor(locked.capturedMinor), refundedMinor: toMinor(locked.refundedMinor) };
  if (to === 'captured') {
    // The gateway captured (e.g. our capture call's answer was lost): post the one capture entry.
    await recordCapture(c, p.bookingId, p);
  } else {
    await c.tx
      .update(payments)
      .set({ status: to, failureReason: to === 'failed' ? (opts.failureReason ?? 'payment_failed') : p.failureReason, updatedAt: c.now })
      .where(eq(payments.id, p.id));
  }
  await recordAudit(c, { action: 'payments.status_changed', entityType: 'payment', entityId: p.id, data: { bookingId: p.bookingId, from: p.status, to, via: opts.via } });
  await emitEvent(c, 'payments.status_changed', { paymentId: p.id, bookingId: p.bookingId, status: to, via: opts.via });
  // The booking moves on in the same transaction: a pending booking proceeds once its hold is
  // authorized, and is cancelled (slot released) when the payment fails for good.
  if (to === 'authorized') await onPaymentAuthorized(c, p.bookingId);
  else if (to === 'failed') await onPaymentFailed(c, p.bookingId);
  return { changed: true };
}
