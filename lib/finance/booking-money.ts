/**
 * The money steps of a booking, called by the booking orchestrator INSIDE its transaction (after
 * it has authorised the caller and checked the state transition). Each step talks to the payment
 * gateway with an idempotency key derived from the booking and the step, updates the payments row
 * and posts one ledger transaction under a business key `booking:<id>:<step>` — so every step can
 * be repeated (retry, double click, replayed job) and has its effect once. The postings are the
 * chart in docs/finance.md.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { bookings, commissionRules, payments } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { issueCreditNote } from '@/lib/billing/issue-credit-note';
import { issueInvoice } from '@/lib/billing/issue-invoice';
import type { Ctx } from '@/lib/core/context';
import { AppError, conflict, notFound, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { allocate, applyBasisPoints, divRoundHalfUp, toMinor, toWire } from '@/lib/core/money';
import { GatewayError, paymentGateway, type PaymentGateway } from '@/lib/payments/gateway';
import { bookingBalance, findTransaction, postTransaction, type AccountRef, type PostingLine } from './ledger';
import { releaseShares } from './quote';

export type MoneyCtx = Ctx & { tx: Tx };

/** Provider money stays pending this long after completion (DOMAIN.md: the dispute window). */
export const DISPUTE_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

type PaymentRow = typeof payments.$inferSelect;

export interface BookingForPayment {
  id: string;
  customerId: string;
  providerOrgId: string;
  currency: string;
  totalMinor: bigint;
}

export interface HoldResult {
  paymentId: string;
  status: 'authorized' | 'requires_action' | 'failed';
  failureReason?: string;
  nextActionUrl?: string;
}

// --- accounts of the chart (docs/finance.md) ---------------------------------------------------
const acct = {
  clearing: (currency: string): AccountRef => ({ kind: 'gateway_clearing', currency }),
  escrow: (providerOrgId: string, currency: string): AccountRef => ({ kind: 'escrow', ownerOrgId: providerOrgId, currency }),
  pending: (providerOrgId: string, currency: string): AccountRef => ({ kind: 'provider_pending', ownerOrgId: providerOrgId, currency }),
  payable: (providerOrgId: string, currency: string): AccountRef => ({ kind: 'provider_payable', ownerOrgId: providerOrgId, currency }),
  platform: (currency: string): AccountRef => ({ kind: 'platform_fees', currency }),
  tax: (currency: string): AccountRef => ({ kind: 'tax_payable', currency }),
  refunds: (currency: string): AccountRef => ({ kind: 'refunds', currency }),
};

export const businessKeys = {
  capture: (id: string) => `booking:${id}:capture`,
  release: (id: string) => `booking:${id}:release`,
  cancellation: (id: string) => `booking:${id}:cancellation`,
  payable: (id: string) => `booking:${id}:payable`,
  void: (id: string) => `booking:${id}:void`,
  refund: (id: string, key: string) => `booking:${id}:refund:${key.length <= 80 && /^[\w:.-]+$/.test(key) ? key : createHash('sha256').update(key).digest('hex').slice(0, 32)}`,
};

/** Money steps of one booking run one at a time (held until commit), whoever calls them. */
async function lockBookingMoney(tx: Tx, bookingId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`booking-money:${bookingId}`}, 0))`);
}

async function loadBooking(tx: Tx, bookingId: string) {
  const [b] = await tx
    .select({
      id: bookings.id,
      status: bookings.status,
      customerId: bookings.customerId,
      providerOrgId: bookings.providerOrgId,
      currency: bookings.currency,
      priceMinor: bookings.priceMinor,
      serviceFeeMinor: bookings.serviceFeeMinor,
      serviceFeeRuleId: bookings.serviceFeeRuleId,
      taxMinor: bookings.taxMinor,
      taxRateBp: bookings.taxRateBp,
      taxInclusive: bookings.taxInclusive,
      totalMinor: bookings.totalMinor,
      providerCommissionMinor: bookings.providerCommissionMinor,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  if (!b) throw notFound('That booking');
  return {
    ...b,
    currency: b.currency.trim(),
    priceMinor: toMinor(b.priceMinor),
    serviceFeeMinor: toMinor(b.serviceFeeMinor),
    taxMinor: toMinor(b.taxMinor),
    totalMinor: toMinor(b.totalMinor),
    providerCommissionMinor: toMinor(b.providerCommissionMinor),
  };
}

/** The booking's live payment: the newest that did not fail (failed attempts stay as history). */
async function livePayment(tx: Tx, bookingId: string): Promise<PaymentRow | null> {
  const [p] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.bookingId, bookingId), ne(payments.status, 'failed')))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return p ? normalisePayment(p) : null;
}

function normalisePayment(p: PaymentRow): PaymentRow {
  return { ...p, currency: p.currency.trim(), amountMinor: toMinor(p.amountMinor), capturedMinor: toMinor(p.capturedMinor), refundedMinor: toMinor(p.refundedMinor) };
}

/** The gateway that holds this payment; a payment never moves between gateways. */
function gatewayFor(p: Pick<PaymentRow, 'gateway'>): PaymentGateway {
  const g = paymentGateway();
  if (g.name !== p.gateway) throw new AppError('PRECONDITION_FAILED', `This payment was made through the ${p.gateway} gateway, which is not configured now.`);
  return g;
}

/** Gateway outages surface as a retryable error without the gateway's internals. */
async function atGateway<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GatewayError) {
      throw new AppError('INTERNAL', 'The payment provider did not complete the request. Please try again in a moment.', { gateway: err.gateway });
    }
    throw err;
  }
}

async function audit(c: MoneyCtx, action: string, booking: { id: string; providerOrgId: string }, data: Record<string, unknown>): Promise<void> {
  await recordAudit(c, { action, entityType: 'booking', entityId: booking.id, tenantId: booking.providerOrgId, data });
}

const wire = (v: bigint) => toWire(v);

// --- authorization (hold) ------------------------------------------------------------------------

/**
 * Places the payment hold for a booking. Nothing is posted to the ledger: a hold is not money
 * moved, it is the payments row (status authorized). A repeat returns the live payment; after a
 * failed attempt a new attempt (new idempotency key) is made.
 */
export async function holdBookingPayment(c: MoneyCtx, booking: BookingForPayment, paymentMethod: string): Promise<HoldResult> {
  if (typeof paymentMethod !== 'string' || paymentMethod.trim().length === 0 || paymentMethod.length > 200) {
    throw validation({ paymentMethod: ['is required (a saved card or test card)'] });
  }
  const total = toMinor(booking.totalMinor);
  if (total <= 0n) throw validation({ totalMinor: ['must be more than zero to take a payment'] });
  await lockBookingMoney(c.tx, booking.id);

  const live = await livePayment(c.tx, booking.id);
  if (live && live.status !== 'voided') {
    if (live.status === 'requires_action') return { paymentId: live.id, status: 'requires_action' };
    return { paymentId: live.id, status: 'authorized' };
  }

  const [{ attempts }] = rowsOf<{ attempts: string | number }>(
    await c.tx.execute(sql`select count(*) as attempts from payments where booking_id = ${booking.id}`),
  );
  const gateway = paymentGateway();
  const currency = booking.currency.trim();
  const result = await atGateway(() =>
    gateway.authorize({
      amountMinor: total,
      currency,
      paymentMethod: paymentMethod.trim(),
      idempotencyKey: `booking:${booking.id}:authorize:${Number(attempts) + 1}`,
      description: `Fixnado booking ${booking.id}`,
    }),
  );
  const paymentId = newId();
  const inserted = await c.tx
    .insert(payments)
    .values({
      id: paymentId,
      bookingId: booking.id,
      customerId: booking.customerId,
      gateway: gateway.name,
      gatewayRef: result.ref,
      status: result.status,
      amountMinor: total,
      currency,
      failureReason: result.failureReason ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: payments.id });
  const id = inserted[0]?.id ?? (await c.tx.select({ id: payments.id }).from(payments).where(and(eq(payments.gateway, gateway.name), eq(payments.gatewayRef, result.ref))))[0]?.id;
  if (!id) throw new Error(`payment for booking ${booking.id} could not be recorded`);
  await audit(c, 'payments.authorize', booking, { paymentId: id, status: result.status, amountMinor: wire(total), currency, gateway: gateway.name, failureReason: result.failureReason ?? null });
  return {
    paymentId: id,
    status: result.status,
    ...(result.failureReason ? { failureReason: result.failureReason } : {}),
    ...(result.nextActionUrl ? { nextActionUrl: result.nextActionUrl } : {}),
  };
}

// --- capture -------------------------------------------------------------------------------------

/**
 * Records a capture the gateway has done: payments row → captured, ledger Dr gateway_clearing /
 * Cr escrow for the captured amount. Shared by captureBookingPayment and the webhook (a capture
 * confirmed by the gateway converges on the same single posting).
 */
export async function recordCapture(c: MoneyCtx, bookingId: string, payment: PaymentRow): Promise<{ transactionId: string; created: boolean }> {
  const booking = await loadBooking(c.tx, bookingId);
  const amount = payment.amountMinor;
  if (payment.status === 'authorized' || payment.status === 'requires_action') {
    await c.tx.update(payments).set({ status: 'captured', capturedMinor: amount, updatedAt: c.now }).where(eq(payments.id, payment.id));
  }
  const posted = await postTransaction(c.tx, {
    businessKey: businessKeys.capture(bookingId),
    kind: 'capture',
    bookingId,
    memo: `Payment captured into escrow`,
    occurredAt: c.now,
    lines: [
      { account: acct.clearing(payment.currency), amountMinor: amount },
      { account: acct.escrow(booking.providerOrgId, payment.currency), amountMinor: -amount },
    ],
  });
  // The VAT invoice is issued with the capture, in this transaction (idempotent per booking).
  await issueInvoice(c, bookingId);
  return posted;
}

/** Captures the hold (the orchestrator decides when: at confirmation/assignment). */
export async function captureBookingPayment(c: MoneyCtx, bookingId: string): Promise<{ paymentId: string; capturedMinor: bigint; transactionId: string }> {
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const p = await livePayment(c.tx, bookingId);
  if (!p) throw conflict('This booking has no payment hold to capture.', { bookingId });
  if (p.status === 'requires_action') throw conflict('The payment is waiting for the customer to confirm it with their bank.', { bookingId, paymentStatus: p.status });
  if (p.status === 'voided') throw conflict('The payment hold for this booking was released.', { bookingId, paymentStatus: p.status });
  if (p.status === 'authorized') {
    await atGateway(() => gatewayFor(p).capture(p.gatewayRef!, p.amountMinor, businessKeys.capture(bookingId)));
  }
  const posted = await recordCapture(c, bookingId, p);
  if (posted.created) await audit(c, 'payments.capture', booking, { paymentId: p.id, amountMinor: wire(p.amountMinor), transactionId: posted.transactionId });
  return { paymentId: p.id, capturedMinor: p.amountMinor, transactionId: posted.transactionId };
}

// --- release on completion -----------------------------------------------------------------------

export interface ReleaseResult {
  transactionId: string;
  created: boolean;
  providerNetMinor: bigint;
  platformMinor: bigint;
  taxMinor: bigint;
}

/**
 * On completion, what escrow holds for the booking moves to the provider's pending balance (price
 * net of commission and, on an inclusive price, of its tax), platform fees (service fee +
 * commission, net of the fee's tax on an inclusive price) and tax payable. After a partial refund
 * the remainder is split in the same proportions (largest remainder, so nothing is lost).
 */
export async function releaseBookingFunds(c: MoneyCtx, bookingId: string): Promise<ReleaseResult> {
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const existing = await findTransaction(c.tx, businessKeys.release(bookingId));
  if (existing) {
    const [pending, platform, tax] = await Promise.all(
      (['provider_pending', 'platform_fees', 'tax_payable'] as const).map(async (k) => -(await bookingBalance(c.tx, bookingId, k))),
    );
    return { transactionId: existing.id, created: false, providerNetMinor: pending, platformMinor: platform, taxMinor: tax };
  }
  if (await findTransaction(c.tx, businessKeys.cancellation(bookingId))) throw conflict('This booking was cancelled; its money was settled by the cancellation.', { bookingId });
  if (!(await findTransaction(c.tx, businessKeys.capture(bookingId)))) throw conflict('The payment for this booking has not been captured yet.', { bookingId });

  const held = -(await bookingBalance(c.tx, bookingId, 'escrow'));
  const shares = releaseShares(booking);
  const [net, platform, tax] =
    held === booking.totalMinor
      ? [shares.providerNetMinor, shares.platformMinor, shares.taxMinor]
      : held > 0n
        ? allocate(held, [shares.providerNetMinor, shares.platformMinor, shares.taxMinor])
        : [0n, 0n, 0n];
  const ccy = booking.currency;
  const posted = await postTransaction(c.tx, {
    businessKey: businessKeys.release(bookingId),
    kind: 'release',
    bookingId,
    memo: 'Job completed: escrow released to provider (pending), platform fees and tax',
    occurredAt: c.now,
    lines: [
      { account: acct.escrow(booking.providerOrgId, ccy), amountMinor: held },
      { account: acct.pending(booking.providerOrgId, ccy), amountMinor: -net },
      { account: acct.platform(ccy), amountMinor: -platform },
      { account: acct.tax(ccy), amountMinor: -tax },
    ],
  });
  await audit(c, 'payments.release', booking, { transactionId: posted.transactionId, providerNetMinor: wire(net), platformMinor: wire(platform), taxMinor: wire(tax) });
  return { transactionId: posted.transactionId, created: posted.created, providerNetMinor: net, platformMinor: platform, taxMinor: tax };
}

// --- refunds -------------------------------------------------------------------------------------

export interface RefundResult {
  transactionId: string;
  created: boolean;
  refundedMinor: bigint;
}

async function applyRefund(c: MoneyCtx, booking: Awaited<ReturnType<typeof loadBooking>>, p: PaymentRow, amount: bigint, businessKey: string, memo: string): Promise<RefundResult> {
  const bookingId = booking.id;
  if (p.status !== 'captured' && p.status !== 'partially_refunded') {
    throw conflict('Only a captured payment can be refunded; release the hold instead.', { bookingId, paymentStatus: p.status });
  }
  if (amount > p.capturedMinor - p.refundedMinor) {
    throw validation({ amountMinor: [`must not exceed the ${p.capturedMinor - p.refundedMinor} minor units still refundable`] });
  }
  if (await findTransaction(c.tx, businessKeys.payable(bookingId))) {
    throw conflict('The dispute window for this booking has closed and the provider’s share is payable; refunds now need a manual adjustment.', { bookingId });
  }
  const ccy = booking.currency;
  let lines: PostingLine[];
  if (await findTransaction(c.tx, businessKeys.release(bookingId))) {
    // Already released: take the refund back from each party in proportion to what it still holds.
    const buckets = await Promise.all(
      (['provider_pending', 'platform_fees', 'tax_payable'] as const).map(async (k) => -(await bookingBalance(c.tx, bookingId, k))),
    );
    const available = buckets.reduce((a, b) => a + b, 0n);
    if (amount > available) throw conflict('The refund is larger than what is still held for this booking.', { bookingId });
    const [fromPending, fromPlatform, fromTax] = allocate(amount, buckets);
    lines = [
      { account: acct.pending(booking.providerOrgId, ccy), amountMinor: fromPending },
      { account: acct.platform(ccy), amountMinor: fromPlatform },
      { account: acct.tax(ccy), amountMinor: fromTax },
      { account: acct.refunds(ccy), amountMinor: -amount },
    ];
  } else {
    const held = -(await bookingBalance(c.tx, bookingId, 'escrow'));
    if (amount > held) throw conflict('The refund is larger than what escrow still holds for this booking.', { bookingId });
    lines = [
      { account: acct.escrow(booking.providerOrgId, ccy), amountMinor: amount },
      { account: acct.refunds(ccy), amountMinor: -amount },
    ];
  }
  await atGateway(() => gatewayFor(p).refund(p.gatewayRef!, amount, businessKey));
  const refunded = p.refundedMinor + amount;
  await c.tx
    .update(payments)
    .set({ refundedMinor: refunded, status: refunded === p.capturedMinor ? 'refunded' : 'partially_refunded', updatedAt: c.now })
    .where(eq(payments.id, p.id));
  const posted = await postTransaction(c.tx, { businessKey, kind: 'refund', bookingId, memo, occurredAt: c.now, lines });
  // Every refund of captured money corrects the invoice with a credit note (idempotent per refund).
  await issueCreditNote(c, bookingId, amount, businessKey);
  return { transactionId: posted.transactionId, created: posted.created, refundedMinor: amount };
}

/**
 * Refunds part or all of a captured payment, once per (booking, key) — the key defaults to the
 * reason, so the same refund requested twice is made once. Before release it comes out of
 * escrow; after release (within the dispute window) proportionally out of the provider's pending
 * balance, platform fees and tax.
 */
export async function refundBooking(c: MoneyCtx, bookingId: string, amountMinor: bigint, reason: string, opts: { key?: string } = {}): Promise<RefundResult> {
  if (typeof amountMinor !== 'bigint' || amountMinor <= 0n) throw validation({ amountMinor: ['must be a positive number of minor units'] });
  if (typeof reason !== 'string' || !reason.trim() || reason.length > 500) throw validation({ reason: ['is required (at most 500 characters)'] });
  const businessKey = businessKeys.refund(bookingId, opts.key ?? reason.trim());
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const existing = await findTransaction(c.tx, businessKey);
  if (existing) return { transactionId: existing.id, created: false, refundedMinor: amountMinor };
  const p = await livePayment(c.tx, bookingId);
  if (!p) throw conflict('This booking has no payment to refund.', { bookingId });
  const result = await applyRefund(c, booking, p, amountMinor, businessKey, `Refund: ${reason.trim().slice(0, 200)}`);
  await audit(c, 'payments.refund', booking, { paymentId: p.id, amountMinor: wire(amountMinor), transactionId: result.transactionId, key: businessKey });
  return result;
}

// --- cancellation --------------------------------------------------------------------------------

/** The platform's share of a cancellation fee: the booking's service-fee rate. */
async function platformRateBp(tx: Tx, booking: Awaited<ReturnType<typeof loadBooking>>): Promise<number> {
  if (booking.serviceFeeRuleId) {
    const [rule] = await tx.select({ rateBp: commissionRules.rateBp }).from(commissionRules).where(eq(commissionRules.id, booking.serviceFeeRuleId));
    if (rule) return rule.rateBp;
  }
  // No rule recorded: the effective rate of the quote (fee ÷ price), half-up to a basis point.
  return booking.priceMinor > 0n ? Number(divRoundHalfUp(booking.serviceFeeMinor * 10_000n, booking.priceMinor)) : 0;
}

export interface CancellationResult {
  chargedMinor: bigint;
  refundedMinor: bigint;
  transactionId: string | null;
  created: boolean;
}

/**
 * Settles a cancelled booking: the fee (0 when the cancellation is free) is kept and the rest of
 * the customer's money released. The fee goes to the provider's pending balance minus the
 * platform's service-fee rate, which goes to platform fees (docs/finance.md). An uncaptured hold
 * is captured for the fee only (the gateway releases the remainder); captured money is refunded
 * down to the fee.
 */
export async function chargeCancellationFee(c: MoneyCtx, bookingId: string, feeMinor: bigint): Promise<CancellationResult> {
  if (typeof feeMinor !== 'bigint' || feeMinor < 0n) throw validation({ feeMinor: ['must be zero or a positive number of minor units'] });
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const key = businessKeys.cancellation(bookingId);
  const existing = await findTransaction(c.tx, key);
  if (existing) {
    const pending = -(await bookingBalance(c.tx, bookingId, 'provider_pending'));
    const platform = -(await bookingBalance(c.tx, bookingId, 'platform_fees'));
    return { chargedMinor: pending + platform, refundedMinor: 0n, transactionId: existing.id, created: false };
  }
  if (await findTransaction(c.tx, businessKeys.release(bookingId))) throw conflict('This booking is completed; its money was already released.', { bookingId });
  if (feeMinor > booking.totalMinor) throw validation({ feeMinor: ['must not exceed the booking total'] });

  const p = await livePayment(c.tx, bookingId);
  const ccy = booking.currency;
  if (!p || p.status === 'voided' || p.status === 'refunded') {
    return { chargedMinor: 0n, refundedMinor: 0n, transactionId: null, created: false };
  }
  if (p.status === 'requires_action' || (p.status === 'authorized' && feeMinor === 0n)) {
    await atGateway(() => gatewayFor(p).void(p.gatewayRef!, businessKeys.void(bookingId)));
    await c.tx.update(payments).set({ status: 'voided', updatedAt: c.now }).where(eq(payments.id, p.id));
    await audit(c, 'payments.cancellation_fee', booking, { paymentId: p.id, feeMinor: 0, voided: true });
    return { chargedMinor: 0n, refundedMinor: 0n, transactionId: null, created: false };
  }

  const cut = applyBasisPoints(feeMinor, await platformRateBp(c.tx, booking));
  const feeLines: PostingLine[] = [
    { account: acct.pending(booking.providerOrgId, ccy), amountMinor: -(feeMinor - cut) },
    { account: acct.platform(ccy), amountMinor: -cut },
  ];
  let refunded = 0n;
  let lines: PostingLine[];
  if (p.status === 'authorized') {
    await atGateway(() => gatewayFor(p).capture(p.gatewayRef!, feeMinor, key));
    await c.tx.update(payments).set({ status: 'captured', capturedMinor: feeMinor, updatedAt: c.now }).where(eq(payments.id, p.id));
    lines = [{ account: acct.clearing(ccy), amountMinor: feeMinor }, ...feeLines];
  } else {
    const held = -(await bookingBalance(c.tx, bookingId, 'escrow'));
    if (feeMinor > held) throw conflict('The cancellation fee is larger than what escrow holds for this booking.', { bookingId });
    refunded = held - feeMinor;
    if (refunded > 0n) {
      await atGateway(() => gatewayFor(p).refund(p.gatewayRef!, refunded, key));
      const total = p.refundedMinor + refunded;
      await c.tx
        .update(payments)
        .set({ refundedMinor: total, status: total === p.capturedMinor ? 'refunded' : 'partially_refunded', updatedAt: c.now })
        .where(eq(payments.id, p.id));
    }
    lines = [{ account: acct.escrow(booking.providerOrgId, ccy), amountMinor: held }, ...feeLines, { account: acct.refunds(ccy), amountMinor: -refunded }];
  }
  const posted = await postTransaction(c.tx, { businessKey: key, kind: 'cancellation', bookingId, memo: 'Booking cancelled: fee kept, the rest released', occurredAt: c.now, lines });
  if (refunded > 0n) await issueCreditNote(c, bookingId, refunded, key);
  await audit(c, 'payments.cancellation_fee', booking, { paymentId: p.id, feeMinor: wire(feeMinor), platformMinor: wire(cut), refundedMinor: wire(refunded), transactionId: posted.transactionId });
  return { chargedMinor: feeMinor, refundedMinor: refunded, transactionId: posted.transactionId, created: posted.created };
}

/**
 * Releases the customer's money without a fee: an uncaptured hold is voided at the gateway; a
 * captured payment is refunded in full from escrow. Idempotent (a voided/refunded payment stays so).
 */
export async function voidBookingPayment(c: MoneyCtx, bookingId: string): Promise<{ status: 'none' | 'voided' | 'refunded'; refundedMinor: bigint }> {
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const p = await livePayment(c.tx, bookingId);
  if (!p) return { status: 'none', refundedMinor: 0n };
  if (p.status === 'voided') return { status: 'voided', refundedMinor: 0n };
  if (p.status === 'refunded') return { status: 'refunded', refundedMinor: 0n };
  if (p.status === 'authorized' || p.status === 'requires_action') {
    await atGateway(() => gatewayFor(p).void(p.gatewayRef!, businessKeys.void(bookingId)));
    await c.tx.update(payments).set({ status: 'voided', updatedAt: c.now }).where(eq(payments.id, p.id));
    await audit(c, 'payments.void', booking, { paymentId: p.id });
    return { status: 'voided', refundedMinor: 0n };
  }
  const key = businessKeys.void(bookingId);
  if (await findTransaction(c.tx, key)) return { status: 'refunded', refundedMinor: 0n };
  const remaining = p.capturedMinor - p.refundedMinor;
  const result = await applyRefund(c, booking, p, remaining, key, 'Booking cancelled: full refund');
  await audit(c, 'payments.void', booking, { paymentId: p.id, refundedMinor: wire(remaining), transactionId: result.transactionId });
  return { status: 'refunded', refundedMinor: remaining };
}

// --- payable after the dispute window ------------------------------------------------------------

/**
 * Once the dispute window has closed without a dispute, the provider's pending money for the
 * booking becomes payable (provider_pending → provider_payable). A disputed booking stays frozen.
 */
export async function makePayableAfterDisputeWindow(c: MoneyCtx, bookingId: string): Promise<{ transactionId: string; created: boolean; amountMinor: bigint }> {
  await lockBookingMoney(c.tx, bookingId);
  const booking = await loadBooking(c.tx, bookingId);
  const key = businessKeys.payable(bookingId);
  const existing = await findTransaction(c.tx, key);
  if (existing) return { transactionId: existing.id, created: false, amountMinor: -(await bookingBalance(c.tx, bookingId, 'provider_payable')) };
  if (booking.status === 'disputed') throw conflict('This booking is under dispute; its money is held until the dispute is resolved.', { bookingId });
  const source = (await findTransaction(c.tx, businessKeys.release(bookingId))) ?? (await findTransaction(c.tx, businessKeys.cancellation(bookingId)));
  if (!source) throw conflict('Nothing has been released to the provider for this booking yet.', { bookingId });
  const opensAt = new Date(source.occurredAt.getTime() + DISPUTE_WINDOW_DAYS * DAY_MS);
  if (c.now.getTime() < opensAt.getTime()) throw conflict(`The dispute window for this booking closes at ${opensAt.toISOString()}.`, { bookingId, payableAt: opensAt.toISOString() });
  const pending = -(await bookingBalance(c.tx, bookingId, 'provider_pending'));
  const ccy = booking.currency;
  const posted = await postTransaction(c.tx, {
    businessKey: key,
    kind: 'payable',
    bookingId,
    memo: 'Dispute window closed: provider share payable',
    occurredAt: c.now,
    lines: [
      { account: acct.pending(booking.providerOrgId, ccy), amountMinor: pending },
      { account: acct.payable(booking.providerOrgId, ccy), amountMinor: -pending },
    ],
  });
  await audit(c, 'payments.payable', booking, { amountMinor: wire(pending), transactionId: posted.transactionId });
  return { transactionId: posted.transactionId, created: posted.created, amountMinor: pending };
}

/**
 * For the periodic job: bookings whose release or cancellation is older than the dispute window,
 * not yet payable, not disputed and not inside the appeal window of a resolved dispute. Each is
 * made payable in the caller's transaction.
 */
export async function duePayableBookings(tx: Tx, at: Date, limit = 200): Promise<string[]> {
  const cutoff = new Date(at.getTime() - DISPUTE_WINDOW_DAYS * DAY_MS);
  const rows = rowsOf<{ booking_id: string }>(
    await tx.execute(sql`
      select t.booking_id from ledger_transactions t
      join bookings b on b.id = t.booking_id
      where t.kind in ('release', 'cancellation') and t.occurred_at <= ${cutoff.toISOString()}::timestamptz and b.status <> 'disputed'
        -- a resolved dispute may still be appealed (7 days): its booking's money stays pending until then
        and not exists (select 1 from disputes d where d.booking_id = t.booking_id and d.status = 'resolved' and d.appeal_count = 0 and d.resolved_at > ${cutoff.toISOString()}::timestamptz)
        and not exists (select 1 from ledger_transactions p where p.business_key = 'booking:' || t.booking_id || ':payable')
      order by t.occurred_at limit ${limit}`),
  );
  return rows.map((r) => r.booking_id);
}
