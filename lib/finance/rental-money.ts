/**
 * The money steps of a rental (docs/finance.md "Rentals"), called by lib/rentals INSIDE its
 * transaction after it has authorised the caller and checked the transition. Gateway calls carry
 * idempotency keys derived from the rental and the step; ledger postings use business keys
 * `rental:<id>:<step>`, so a repeated step has its effect once. Rows live in commerce_payments
 * (one per rental and purpose: rental charge, deposit hold, balance).
 *
 * Invoicing (lib/billing): ONE VAT invoice at settlement, when all the renter pays is known (rental
 * charge + settlement charges; the deposit is not a supply). A dispute refund before settlement has
 * no invoice to correct yet: the settlement issues the invoice and then a credit note per refund
 * already made; a refund when the invoice exists gets its credit note at once. Nothing captured
 * (rejected / cancelled before checkout) → no invoice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { commercePayments } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { AppError, conflict } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { allocate, formatMajor, toMinor, toWire } from '@/lib/core/money';
import { issueRentalInvoice, RENTAL_CHARGE_KEYS } from '@/lib/billing/issue-commerce-invoice';
import { issueCreditNote } from '@/lib/billing/issue-credit-note';
import type { InvoiceLine } from '@/lib/billing/schemas';
import { GatewayError, paymentGateway } from '@/lib/payments/gateway';
import { findTransaction, postTransaction, type AccountRef } from './ledger';
import { releaseShares } from './quote';

export type MoneyCtx = Ctx & { tx: Tx };
type Purpose = 'rental' | 'deposit' | 'balance';
type PaymentRow = typeof commercePayments.$inferSelect;

export interface RentalForMoney {
  id: string;
  reference: string;
  customerId: string;
  providerOrgId: string;
  currency: string;
  rentalMinor: bigint;
  deliveryFeeMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
  depositMinor: bigint;
  paymentMethod: string;
}

const acct = {
  clearing: (c: string): AccountRef => ({ kind: 'gateway_clearing', currency: c }),
  escrow: (org: string, c: string): AccountRef => ({ kind: 'escrow', ownerOrgId: org, currency: c }),
  pending: (org: string, c: string): AccountRef => ({ kind: 'provider_pending', ownerOrgId: org, currency: c }),
  platform: (c: string): AccountRef => ({ kind: 'platform_fees', currency: c }),
  tax: (c: string): AccountRef => ({ kind: 'tax_payable', currency: c }),
  refunds: (c: string): AccountRef => ({ kind: 'refunds', currency: c }),
  holds: (user: string, c: string): AccountRef => ({ kind: 'deposit_holds', ownerUserId: user, currency: c }),
  customer: (user: string, c: string): AccountRef => ({ kind: 'customer', ownerUserId: user, currency: c }),
};

export const rentalKeys = {
  authorize: (id: string) => `rental:${id}:authorize`,
  void: (id: string) => `rental:${id}:void`,
  capture: (id: string) => `rental:${id}:capture`,
  depositHold: (id: string) => `rental:${id}:deposit_hold`,
  depositSettle: (id: string) => `rental:${id}:deposit_settle`,
  balance: (id: string) => `rental:${id}:balance`,
  release: (id: string) => `rental:${id}:release`,
  refund: (id: string, key: string) => `rental:${id}:refund:${key}`,
};

const norm = (p: PaymentRow): PaymentRow => ({ ...p, currency: p.currency.trim(), amountMinor: toMinor(p.amountMinor), capturedMinor: toMinor(p.capturedMinor), refundedMinor: toMinor(p.refundedMinor) });

export async function rentalPayment(tx: Tx, rentalId: string, purpose: Purpose): Promise<PaymentRow | null> {
  const [p] = await tx
    .select()
    .from(commercePayments)
    .where(and(eq(commercePayments.rentalId, rentalId), eq(commercePayments.purpose, purpose)));
  return p ? norm(p) : null;
}

async function atGateway<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GatewayError) throw new AppError('INTERNAL', 'The payment provider did not complete the request. Please try again in a moment.', { gateway: err.gateway });
    throw err;
  }
}

async function audit(c: MoneyCtx, action: string, r: RentalForMoney, data: Record<string, unknown>) {
  await recordAudit(c, { action, entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data });
}

/**
 * Authorises `amount` on the rental's card for `purpose` and records the row. Anything but an
 * authorised result is refused with 409 (the caller's transaction rolls back, nothing is kept):
 * rentals do not support cards that need an extra bank step (docs/rentals.md).
 */
async function authorizeFor(c: MoneyCtx, r: RentalForMoney, purpose: Purpose, amount: bigint, what: string): Promise<PaymentRow> {
  const existing = await rentalPayment(c.tx, r.id, purpose);
  if (existing && existing.status !== 'failed') return existing;
  const g = paymentGateway();
  const result = await atGateway(() =>
    g.authorize({ amountMinor: amount, currency: r.currency, paymentMethod: r.paymentMethod, idempotencyKey: `rental:${r.id}:${purpose}:authorize`, description: `Fixnado rental ${r.reference} ${purpose}` }),
  );
  if (result.status !== 'authorized') {
    const reason = result.status === 'requires_action' ? 'the card needs an extra confirmation step, which rentals do not support' : (result.failureReason ?? 'declined');
    throw new AppError('CONFLICT', `The ${what} of ${formatMajor(amount, r.currency)} ${r.currency} could not be authorised on the card (${reason}). Nothing was changed.`, {
      field: 'paymentMethod',
      purpose,
      failureReason: result.failureReason ?? result.status,
    });
  }
  const row = { id: newId(), rentalId: r.id, purpose, customerId: r.customerId, gateway: g.name, gatewayRef: result.ref, status: 'authorized' as const, amountMinor: amount, currency: r.currency, createdAt: c.now, updatedAt: c.now };
  await c.tx.insert(commercePayments).values(row);
  await audit(c, 'payments.authorize', r, { purpose, paymentId: row.id, amountMinor: toWire(amount) });
  return { ...row, capturedMinor: 0n, refundedMinor: 0n, failureReason: null, orderId: null } as PaymentRow;
}

/** At request: a hold for the rental total (no ledger lines: a hold is not money moved). */
export async function authorizeRentalPayment(c: MoneyCtx, r: RentalForMoney): Promise<{ paymentId: string }> {
  const p = await authorizeFor(c, r, 'rental', r.totalMinor, 'rental total');
  return { paymentId: p.id };
}

/** On reject / cancel before checkout: the uncaptured holds are released (fee-free). */
export async function voidRentalPayments(c: MoneyCtx, r: RentalForMoney): Promise<number> {
  let voided = 0;
  for (const purpose of ['rental', 'deposit'] as const) {
    const p = await rentalPayment(c.tx, r.id, purpose);
    if (!p || p.status !== 'authorized') continue;
    await atGateway(() => paymentGateway().void(p.gatewayRef!, `${rentalKeys.void(r.id)}:${purpose}`));
    await c.tx.update(commercePayments).set({ status: 'voided', updatedAt: c.now }).where(eq(commercePayments.id, p.id));
    await audit(c, 'payments.void', r, { purpose, paymentId: p.id });
    voided++;
  }
  return voided;
}

/**
 * At checkout: the deposit hold is authorised FIRST (a refusal changes nothing), then the rental
 * charge is captured into escrow. Deposit hold memo: Dr deposit_holds / Cr customer (the renter's
 * card), reversed at settlement.
 */
export async function checkoutRentalMoney(c: MoneyCtx, r: RentalForMoney): Promise<{ depositPaymentId: string | null; capturedMinor: bigint }> {
  let depositPaymentId: string | null = null;
  if (r.depositMinor > 0n) {
    const d = await authorizeFor(c, r, 'deposit', r.depositMinor, 'deposit hold');
    depositPaymentId = d.id;
    await postTransaction(c.tx, {
      businessKey: rentalKeys.depositHold(r.id),
      kind: 'deposit_hold',
      memo: `Rental ${r.reference}: deposit held on the renter's card (memo, not captured)`,
      occurredAt: c.now,
      lines: [
        { account: acct.holds(r.customerId, r.currency), amountMinor: r.depositMinor },
        { account: acct.customer(r.customerId, r.currency), amountMinor: -r.depositMinor },
      ],
    });
  }
  const p = await rentalPayment(c.tx, r.id, 'rental');
  if (!p || (p.status !== 'authorized' && p.status !== 'captured')) throw conflict('This rental has no payment hold to capture.', { rentalId: r.id, paymentStatus: p?.status ?? null });
  if (p.status === 'authorized') {
    await atGateway(() => paymentGateway().capture(p.gatewayRef!, p.amountMinor, rentalKeys.capture(r.id)));
    await c.tx.update(commercePayments).set({ status: 'captured', capturedMinor: p.amountMinor, updatedAt: c.now }).where(eq(commercePayments.id, p.id));
  }
  const posted = await postTransaction(c.tx, {
    businessKey: rentalKeys.capture(r.id),
    kind: 'capture',
    memo: `Rental ${r.reference}: payment captured into escrow`,
    occurredAt: c.now,
    lines: [
      { account: acct.clearing(r.currency), amountMinor: p.amountMinor },
      { account: acct.escrow(r.providerOrgId, r.currency), amountMinor: -p.amountMinor },
    ],
  });
  if (posted.created) await audit(c, 'payments.capture', r, { purpose: 'rental', paymentId: p.id, amountMinor: toWire(p.amountMinor), depositPaymentId });
  return { depositPaymentId, capturedMinor: p.amountMinor };
}

/** Σ of one account kind's entries posted under this rental's business keys. */
export async function rentalBalance(tx: Tx, rentalId: string, kind: string): Promise<bigint> {
  const rows = rowsOf<{ total: string }>(
    await tx.execute(sql`
      select coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_entries e join ledger_transactions t on t.id = e.transaction_id join ledger_accounts a on a.id = e.account_id
      where t.business_key like ${`rental:${rentalId}:%`} and a.kind = ${kind}`),
  );
  return toMinor(rows[0]?.total ?? '0');
}

export interface RentalSettlementMoney {
  depositChargedMinor: bigint;
  depositReleasedMinor: bigint;
  balanceChargedMinor: bigint;
  providerNetMinor: bigint;
  platformMinor: bigint;
  taxMinor: bigint;
}

/**
 * Settlement: (1) a balance due is charged first as its own payment (authorise + capture; a refusal
 * aborts the whole settlement, the rental stays awaiting inspection); (2) the deposit hold is
 * captured for min(charges, deposit) — the rest released — or voided when nothing is owed;
 * (3) the rental's escrow is released like a booking's (provider pending / platform fees / tax,
 * proportionally after a dispute refund). Charges go to the provider's pending balance.
 */
export async function settleRentalMoney(c: MoneyCtx, r: RentalForMoney, plan: { depositChargedMinor: bigint; balanceDueMinor: bigint }): Promise<RentalSettlementMoney> {
  const ccy = r.currency;
  if (plan.balanceDueMinor > 0n) {
    const b = await authorizeFor(c, r, 'balance', plan.balanceDueMinor, 'balance due');
    if (b.status === 'authorized') {
      await atGateway(() => paymentGateway().capture(b.gatewayRef!, b.amountMinor, rentalKeys.balance(r.id)));
      await c.tx.update(commercePayments).set({ status: 'captured', capturedMinor: b.amountMinor, updatedAt: c.now }).where(eq(commercePayments.id, b.id));
    }
    await postTransaction(c.tx, {
      businessKey: rentalKeys.balance(r.id),
      kind: 'rental_balance',
      memo: `Rental ${r.reference}: balance of the charges above the deposit`,
      occurredAt: c.now,
      lines: [
        { account: acct.clearing(ccy), amountMinor: plan.balanceDueMinor },
        { account: acct.pending(r.providerOrgId, ccy), amountMinor: -plan.balanceDueMinor },
      ],
    });
  }

  const d = await rentalPayment(c.tx, r.id, 'deposit');
  let depositCharged = 0n;
  if (d && d.status === 'authorized') {
    depositCharged = plan.depositChargedMinor > d.amountMinor ? d.amountMinor : plan.depositChargedMinor;
    if (depositCharged > 0n) {
      await atGateway(() => paymentGateway().capture(d.gatewayRef!, depositCharged, rentalKeys.depositSettle(r.id)));
      await c.tx.update(commercePayments).set({ status: 'captured', capturedMinor: depositCharged, updatedAt: c.now }).where(eq(commercePayments.id, d.id));
    } else {
      await atGateway(() => paymentGateway().void(d.gatewayRef!, rentalKeys.depositSettle(r.id)));
      await c.tx.update(commercePayments).set({ status: 'voided', updatedAt: c.now }).where(eq(commercePayments.id, d.id));
    }
    await postTransaction(c.tx, {
      businessKey: rentalKeys.depositSettle(r.id),
      kind: 'deposit_settle',
      memo: `Rental ${r.reference}: deposit hold ended (${depositCharged > 0n ? 'part or all captured for charges' : 'released'})`,
      occurredAt: c.now,
      lines: [
        { account: acct.customer(r.customerId, ccy), amountMinor: d.amountMinor },
        { account: acct.holds(r.customerId, ccy), amountMinor: -d.amountMinor },
        { account: acct.clearing(ccy), amountMinor: depositCharged },
        { account: acct.pending(r.providerOrgId, ccy), amountMinor: -depositCharged },
      ],
    });
  } else if (d && d.status === 'captured') {
    depositCharged = d.capturedMinor;
  }

  const release = await releaseRentalEscrow(c, r);
  await issueRentalDocuments(c, r.id);
  await audit(c, 'payments.rental_settle', r, {
    depositChargedMinor: toWire(depositCharged),
    balanceChargedMinor: toWire(plan.balanceDueMinor),
    providerNetMinor: toWire(release.providerNetMinor),
  });
  return {
    depositChargedMinor: depositCharged,
    depositReleasedMinor: (d?.amountMinor ?? 0n) - depositCharged,
    balanceChargedMinor: plan.balanceDueMinor,
    ...release,
  };
}

/** A rental refund corrects the rental charge paid at checkout, never the settlement charges. */
const rentalChargeLine = (l: InvoiceLine) => RENTAL_CHARGE_KEYS.has(l.key);

/** The refunds posted for a rental, oldest first: business key and amount (from the ledger). */
async function rentalRefunds(tx: Tx, rentalId: string): Promise<Array<{ key: string; amountMinor: bigint }>> {
  const rows = rowsOf<{ business_key: string; amount: string }>(
    await tx.execute(sql`
      select t.business_key, (-sum(e.amount_minor))::text as amount
      from ledger_transactions t join ledger_entries e on e.transaction_id = t.id join ledger_accounts a on a.id = e.account_id
      where t.business_key like ${`rental:${rentalId}:refund:%`} and a.kind = 'refunds'
      group by t.business_key order by min(t.occurred_at), t.business_key`),
  );
  return rows.map((x) => ({ key: x.business_key, amountMinor: toMinor(x.amount) }));
}

/** At settlement: the rental's invoice, then a credit note for every refund made before it. */
async function issueRentalDocuments(c: MoneyCtx, rentalId: string): Promise<void> {
  await issueRentalInvoice(c, rentalId);
  for (const refund of await rentalRefunds(c.tx, rentalId)) {
    if (refund.amountMinor > 0n) await issueCreditNote(c, { kind: 'rental', id: rentalId }, refund.amountMinor, refund.key, rentalChargeLine);
  }
}

/** Escrow → provider pending (rental + delivery), platform fees (service fee), tax payable. */
export async function releaseRentalEscrow(c: MoneyCtx, r: RentalForMoney): Promise<{ providerNetMinor: bigint; platformMinor: bigint; taxMinor: bigint }> {
  const key = rentalKeys.release(r.id);
  if (await findTransaction(c.tx, key)) return { providerNetMinor: 0n, platformMinor: 0n, taxMinor: 0n };
  const held = -(await rentalBalance(c.tx, r.id, 'escrow'));
  const shares = releaseShares({
    priceMinor: r.rentalMinor + r.deliveryFeeMinor,
    serviceFeeMinor: r.serviceFeeMinor,
    taxMinor: r.taxMinor,
    taxRateBp: 0,
    taxInclusive: false,
    totalMinor: r.totalMinor,
    providerCommissionMinor: 0n,
  });
  const [net, platform, tax] =
    held === r.totalMinor ? [shares.providerNetMinor, shares.platformMinor, shares.taxMinor] : held > 0n ? allocate(held, [shares.providerNetMinor, shares.platformMinor, shares.taxMinor]) : [0n, 0n, 0n];
  await postTransaction(c.tx, {
    businessKey: key,
    kind: 'release',
    memo: `Rental ${r.reference} settled: escrow released to provider (pending), platform fees and tax`,
    occurredAt: c.now,
    lines: [
      { account: acct.escrow(r.providerOrgId, r.currency), amountMinor: held },
      { account: acct.pending(r.providerOrgId, r.currency), amountMinor: -net },
      { account: acct.platform(r.currency), amountMinor: -platform },
      { account: acct.tax(r.currency), amountMinor: -tax },
    ],
  });
  return { providerNetMinor: net, platformMinor: platform, taxMinor: tax };
}

/**
 * A dispute refund of the rental charge (before settlement: out of escrow). Capped at what escrow
 * still holds for the rental; `key` makes it once per dispute round.
 */
export async function refundRentalCharge(c: MoneyCtx, r: RentalForMoney, amount: bigint, key: string, memo: string): Promise<bigint> {
  const businessKey = rentalKeys.refund(r.id, key);
  if (await findTransaction(c.tx, businessKey)) return 0n;
  if (amount <= 0n) return 0n;
  const p = await rentalPayment(c.tx, r.id, 'rental');
  if (!p || (p.status !== 'captured' && p.status !== 'partially_refunded')) throw conflict('Only a captured rental payment can be refunded.', { rentalId: r.id });
  const held = -(await rentalBalance(c.tx, r.id, 'escrow'));
  const refundable = p.capturedMinor - p.refundedMinor;
  const cap = held < refundable ? held : refundable;
  if (amount > cap) throw new AppError('VALIDATION', `At most ${formatMajor(cap, r.currency)} ${r.currency} of the rental charge can be refunded.`, { fieldErrors: { refundMinor: [`must not exceed ${cap}`] } });
  await atGateway(() => paymentGateway().refund(p.gatewayRef!, amount, businessKey));
  const refunded = p.refundedMinor + amount;
  await c.tx
    .update(commercePayments)
    .set({ refundedMinor: refunded, status: refunded === p.capturedMinor ? 'refunded' : 'partially_refunded', updatedAt: c.now })
    .where(eq(commercePayments.id, p.id));
  await postTransaction(c.tx, {
    businessKey,
    kind: 'refund',
    memo,
    occurredAt: c.now,
    lines: [
      { account: acct.escrow(r.providerOrgId, r.currency), amountMinor: amount },
      { account: acct.refunds(r.currency), amountMinor: -amount },
    ],
  });
  await audit(c, 'payments.refund', r, { purpose: 'rental', amountMinor: toWire(amount), key: businessKey });
  // Only once the rental is invoiced (settled); before that the settlement catches it up.
  await issueCreditNote(c, { kind: 'rental', id: r.id }, amount, businessKey, rentalChargeLine);
  return amount;
}

/** Gateway vs ledger for one rental: captured − refunded must equal clearing + refunds. */
export async function rentalMoneyDrift(tx: Tx, rentalId: string): Promise<{ paymentsNetMinor: bigint; ledgerNetMinor: bigint }> {
  const [p] = rowsOf<{ net: string }>(await tx.execute(sql`select coalesce(sum(captured_minor - refunded_minor), 0)::text as net from commerce_payments where rental_id = ${rentalId}`));
  const ledger = (await rentalBalance(tx, rentalId, 'gateway_clearing')) + (await rentalBalance(tx, rentalId, 'refunds'));
  return { paymentsNetMinor: toMinor(p?.net ?? '0'), ledgerNetMinor: ledger };
}
