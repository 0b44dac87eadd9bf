import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, getDatabase } from '@/db/client';
import { insertQuotedBooking } from '@/test/quoted-booking';
import { auditLog, bookings, domainEvents, payments } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseRate, toMinor } from '@/lib/core/money';
import { makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { confirmTestPayment } from '@/lib/payments/confirm-test-payment';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import {
  captureBookingPayment,
  chargeCancellationFee,
  duePayableBookings,
  holdBookingPayment,
  makePayableAfterDisputeWindow,
  refundBooking,
  releaseBookingFunds,
  voidBookingPayment,
  type MoneyCtx,
} from './booking-money';
import { accountBalances, reconcile } from './ledger';
import { runPayableSweep } from './payable-sweep';
import { quote } from './quote';

const t0 = new Date('2026-03-02T09:00:00Z');
const sys = (at = t0): Ctx => ({ actor: { kind: 'system', job: 'test', roles: [] }, requestId: `test-${newId()}`, now: at });
const run = <R>(fn: (c: MoneyCtx) => Promise<R>, at = t0) => withTx(sys(at), fn);

let customerId: string;
let otherCustomerId: string;
let providerOrgId: string;
let serviceId: string;
let zoneId: string;

beforeAll(async () => {
  customerId = (await makeUser(['customer'])).id;
  otherCustomerId = (await makeUser(['customer'])).id;
  providerOrgId = (await makeOrg('provider')).id;
  const platform = await makeOrg('platform');
  const category = await makeCategory();
  serviceId = await makeService({ providerOrgId, categoryId: category.id });
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: [-0.2, 51.4, 0, 51.6] })).id;
});

/** A booking row with a consistent quote snapshot (the orchestrator's job, done directly here). */
async function makeBooking(opts: { priceMinor?: bigint; taxInclusive?: boolean; commissionBp?: number; feeBp?: number; customer?: string } = {}) {
  const q = quote({
    providerPriceMinor: opts.priceMinor ?? 10_000n,
    providerCurrency: 'GBP',
    taxInclusive: opts.taxInclusive ?? false,
    bookingCurrency: 'GBP',
    fxRate: parseRate('1'),
    serviceFeeBp: opts.feeBp ?? 250,
    serviceFeeMinimumMinor: null,
    taxRateBp: 2000,
    providerCommissionBp: opts.commissionBp ?? 0,
  });
  const id = newId();
  await insertQuotedBooking(q, { id, customerId: opts.customer ?? customerId, providerOrgId, serviceId, zoneId });
  return { id, customerId: opts.customer ?? customerId, providerOrgId, currency: 'GBP', totalMinor: q.totalMinor, quote: q };
}

/** Balances of this booking per account kind (debit positive). */
async function bookingBalances(bookingId: string): Promise<Record<string, bigint>> {
  const out: Record<string, bigint> = {};
  for (const b of await accountBalances(db(), { bookingId })) if (b.balanceMinor !== 0n) out[b.kind] = (out[b.kind] ?? 0n) + b.balanceMinor;
  return out;
}

async function paymentOf(bookingId: string) {
  const rows = await db().select().from(payments).where(eq(payments.bookingId, bookingId));
  return rows.map((p) => ({ ...p, amountMinor: toMinor(p.amountMinor), capturedMinor: toMinor(p.capturedMinor), refundedMinor: toMinor(p.refundedMinor) }));
}

async function expectLedgerClean() {
  expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
}

describe('authorize → capture → release → payable', () => {
  it('moves the money exactly as documented, each step idempotent, the ledger balanced after each', async () => {
    const b = await makeBooking();
    expect(b.totalMinor).toBe(12_300n);

    const hold = await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    expect(hold.status).toBe('authorized');
    expect(await run((c) => holdBookingPayment(c, b, 'pm_card_visa'))).toEqual({ paymentId: hold.paymentId, status: 'authorized' });
    expect(await paymentOf(b.id)).toEqual([expect.objectContaining({ status: 'authorized', amountMinor: 12_300n, gateway: 'test' })]);
    // A hold is not money moved: nothing in the ledger yet.
    expect(await bookingBalances(b.id)).toEqual({});

    const cap = await run((c) => captureBookingPayment(c, b.id));
    expect(cap.capturedMinor).toBe(12_300n);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, escrow: -12_300n });
    expect((await run((c) => captureBookingPayment(c, b.id))).transactionId).toBe(cap.transactionId);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, escrow: -12_300n });
    await expectLedgerClean();

    const rel = await run((c) => releaseBookingFunds(c, b.id));
    expect(rel).toMatchObject({ created: true, providerNetMinor: 10_000n, platformMinor: 250n, taxMinor: 2050n });
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, provider_pending: -10_000n, platform_fees: -250n, tax_payable: -2050n });
    expect(await run((c) => releaseBookingFunds(c, b.id))).toMatchObject({ created: false, transactionId: rel.transactionId, providerNetMinor: 10_000n });
    await expectLedgerClean();

    // Inside the dispute window the provider's share stays pending.
    await expectAppError(run((c) => makePayableAfterDisputeWindow(c, b.id), new Date(t0.getTime() + 6 * 86_400_000)), 'CONFLICT');
    const later = new Date(t0.getTime() + 7 * 86_400_000);
    expect(await db().transaction((tx) => duePayableBookings(tx, later))).toContain(b.id);
    const payable = await run((c) => makePayableAfterDisputeWindow(c, b.id), later);
    expect(payable.amountMinor).toBe(10_000n);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, provider_payable: -10_000n, platform_fees: -250n, tax_payable: -2050n });
    expect((await run((c) => makePayableAfterDisputeWindow(c, b.id), later)).created).toBe(false);
    expect(await db().transaction((tx) => duePayableBookings(tx, later))).not.toContain(b.id);
    // Once payable, a refund is no longer a simple reversal.
    await expectAppError(run((c) => refundBooking(c, b.id, 100n, 'late')), 'CONFLICT');
    await expectLedgerClean();

    const actions = (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, b.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['payments.authorize', 'payments.capture', 'payments.release', 'payments.payable']));
    expect(actions.filter((a) => a === 'payments.capture')).toHaveLength(1);
  });

  it('tax-inclusive price with a provider commission: provider net excludes its tax and the commission', async () => {
    const b = await makeBooking({ priceMinor: 12_000n, taxInclusive: true, commissionBp: 1000 });
    expect(b.quote).toMatchObject({ serviceFeeMinor: 300n, taxMinor: 2050n, totalMinor: 12_300n, providerCommissionMinor: 1200n, providerNetMinor: 8800n });
    await run((c) => holdBookingPayment(c, b, '4242 4242 4242 4242'));
    await run((c) => captureBookingPayment(c, b.id));
    const rel = await run((c) => releaseBookingFunds(c, b.id));
    // platform = fee 300 + commission 1 200 − the fee's own tax 50
    expect(rel).toMatchObject({ providerNetMinor: 8800n, platformMinor: 1450n, taxMinor: 2050n });
    await expectLedgerClean();
  });

  it('release before capture is refused; an unknown booking is NOT_FOUND', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    await expectAppError(run((c) => releaseBookingFunds(c, b.id)), 'CONFLICT');
    await expectAppError(run((c) => captureBookingPayment(c, newId())), 'NOT_FOUND');
  });
});

describe('refunds', () => {
  it('before release: out of escrow, once per reason; the rest is released in proportion', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    await run((c) => captureBookingPayment(c, b.id));
    const r1 = await run((c) => refundBooking(c, b.id, 3000n, 'goodwill'));
    expect(r1.created).toBe(true);
    expect((await run((c) => refundBooking(c, b.id, 3000n, 'goodwill'))).created).toBe(false);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, escrow: -9300n, refunds: -3000n });
    expect((await paymentOf(b.id))[0]).toMatchObject({ status: 'partially_refunded', refundedMinor: 3000n });
    await expectLedgerClean();

    const rel = await run((c) => releaseBookingFunds(c, b.id));
    expect(rel.providerNetMinor + rel.platformMinor + rel.taxMinor).toBe(9300n);
    // 9 300 split 10 000 : 250 : 2 050 by largest remainder
    expect(rel).toMatchObject({ providerNetMinor: 7561n, platformMinor: 189n, taxMinor: 1550n });
    expect((await bookingBalances(b.id)).escrow).toBeUndefined();
    await expectLedgerClean();
  });

  it('after release (inside the dispute window): proportionally back from provider, platform and tax', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    await run((c) => captureBookingPayment(c, b.id));
    await run((c) => releaseBookingFunds(c, b.id));
    await run((c) => refundBooking(c, b.id, 1230n, 'partial'));
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, provider_pending: -9000n, platform_fees: -225n, tax_payable: -1845n, refunds: -1230n });
    // The rest, in full: every bucket ends at zero.
    await run((c) => refundBooking(c, b.id, 11_070n, 'crew_no_show'));
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, refunds: -12_300n });
    expect((await paymentOf(b.id))[0]).toMatchObject({ status: 'refunded', refundedMinor: 12_300n });
    await expectLedgerClean();
  });

  it('invalid amounts are 422 naming the field; an uncaptured payment cannot be refunded', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    const zero = await expectAppError(run((c) => refundBooking(c, b.id, 0n, 'x')), 'VALIDATION');
    expect(zero.details.fieldErrors).toHaveProperty('amountMinor');
    await expectAppError(run((c) => refundBooking(c, b.id, 10n, 'x')), 'CONFLICT');
    await run((c) => captureBookingPayment(c, b.id));
    const tooMuch = await expectAppError(run((c) => refundBooking(c, b.id, 12_301n, 'x')), 'VALIDATION');
    expect(tooMuch.details.fieldErrors).toHaveProperty('amountMinor');
    const noReason = await expectAppError(run((c) => refundBooking(c, b.id, 10n, '  ')), 'VALIDATION');
    expect(noReason.details.fieldErrors).toHaveProperty('reason');
    await expectLedgerClean();
  });
});

describe('cancellation', () => {
  it('an uncaptured hold: only the fee is captured; provider gets it minus the platform rate', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    const r = await run((c) => chargeCancellationFee(c, b.id, 1230n));
    expect(r).toMatchObject({ chargedMinor: 1230n, refundedMinor: 0n, created: true });
    // platform share 2.5 % of 1 230 = 30.75 → 31
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 1230n, provider_pending: -1199n, platform_fees: -31n });
    expect((await paymentOf(b.id))[0]).toMatchObject({ status: 'captured', capturedMinor: 1230n });
    expect((await run((c) => chargeCancellationFee(c, b.id, 1230n))).created).toBe(false);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 1230n, provider_pending: -1199n, platform_fees: -31n });
    await expectAppError(run((c) => releaseBookingFunds(c, b.id)), 'CONFLICT');
    await expectLedgerClean();
  });

  it('a captured payment: the fee is kept from escrow and the rest refunded', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    await run((c) => captureBookingPayment(c, b.id));
    const r = await run((c) => chargeCancellationFee(c, b.id, 1230n));
    expect(r).toMatchObject({ chargedMinor: 1230n, refundedMinor: 11_070n });
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, provider_pending: -1199n, platform_fees: -31n, refunds: -11_070n });
    expect((await paymentOf(b.id))[0]).toMatchObject({ status: 'partially_refunded', refundedMinor: 11_070n });
    await expectLedgerClean();
  });

  it('a free cancellation voids the hold; a fee above the total is 422', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    const err = await expectAppError(run((c) => chargeCancellationFee(c, b.id, 12_301n)), 'VALIDATION');
    expect(err.details.fieldErrors).toHaveProperty('feeMinor');
    expect(await run((c) => chargeCancellationFee(c, b.id, 0n))).toMatchObject({ chargedMinor: 0n, transactionId: null });
    expect((await paymentOf(b.id))[0].status).toBe('voided');
    expect(await bookingBalances(b.id)).toEqual({});
  });

  it('voidBookingPayment: voids a hold, refunds a captured payment in full, and repeats safely', async () => {
    const held = await makeBooking();
    await run((c) => holdBookingPayment(c, held, 'pm_card_visa'));
    expect(await run((c) => voidBookingPayment(c, held.id))).toEqual({ status: 'voided', refundedMinor: 0n });
    expect(await run((c) => voidBookingPayment(c, held.id))).toEqual({ status: 'voided', refundedMinor: 0n });

    const captured = await makeBooking();
    await run((c) => holdBookingPayment(c, captured, 'pm_card_visa'));
    await run((c) => captureBookingPayment(c, captured.id));
    expect(await run((c) => voidBookingPayment(c, captured.id))).toEqual({ status: 'refunded', refundedMinor: 12_300n });
    expect(await run((c) => voidBookingPayment(c, captured.id))).toEqual({ status: 'refunded', refundedMinor: 0n });
    expect(await bookingBalances(captured.id)).toEqual({ gateway_clearing: 12_300n, refunds: -12_300n });
    await expectLedgerClean();
  });
});

describe('gateway outcomes', () => {
  it('a declined card fails with its reason and posts nothing; a new card makes a new attempt', async () => {
    const b = await makeBooking();
    const r = await run((c) => holdBookingPayment(c, b, 'pm_card_chargeDeclined'));
    expect(r).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    await expectAppError(run((c) => captureBookingPayment(c, b.id)), 'CONFLICT');
    const again = await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    expect(again.status).toBe('authorized');
    expect(again.paymentId).not.toBe(r.paymentId);
    expect((await paymentOf(b.id)).map((p) => p.status).sort()).toEqual(['authorized', 'failed']);
    expect(await bookingBalances(b.id)).toEqual({});
  });

  it('requires_action: the owner confirms on the test page; others cannot', async () => {
    const b = await makeBooking();
    const r = await run((c) => holdBookingPayment(c, b, 'pm_card_authenticationRequired'));
    expect(r.status).toBe('requires_action');
    expect(r.nextActionUrl).toMatch(/\/api\/v1\/payments\/test\/confirm\?ref=test_pi_[0-9a-f]{24}$/);
    await expectAppError(run((c) => captureBookingPayment(c, b.id)), 'CONFLICT');
    const ref = new URL(r.nextActionUrl!).searchParams.get('ref')!;

    const badRef = await expectAppError(confirmTestPayment(await ctxFor(customerId), { ref: 'nope' }), 'VALIDATION');
    expect(badRef.details.fieldErrors).toHaveProperty('ref');
    await expectAppError(confirmTestPayment(await ctxFor(otherCustomerId), { ref }), 'NOT_FOUND');
    const providerAdmin = await makeUser(['provider_admin']);
    await expectAppError(confirmTestPayment(await ctxFor(providerAdmin.id), { ref }), 'FORBIDDEN');

    expect(await confirmTestPayment(await ctxFor(customerId), { ref })).toMatchObject({ bookingId: b.id, status: 'authorized' });
    expect(await confirmTestPayment(await ctxFor(customerId), { ref })).toMatchObject({ status: 'authorized' });
    const events = await db().select().from(domainEvents).where(eq(domainEvents.name, 'payments.status_changed'));
    expect(events.filter((e) => (e.payload as { bookingId: string }).bookingId === b.id)).toHaveLength(1);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'payments.status_changed'), eq(auditLog.entityId, r.paymentId)));
    expect(audits).toHaveLength(1);

    await run((c) => captureBookingPayment(c, b.id));
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, escrow: -12_300n });
    await expectLedgerClean();
  });

  it('a missing payment method is 422 naming the field', async () => {
    const b = await makeBooking();
    const err = await expectAppError(run((c) => holdBookingPayment(c, b, ' ')), 'VALIDATION');
    expect(err.details.fieldErrors).toHaveProperty('paymentMethod');
    expect(await paymentOf(b.id)).toEqual([]);
  });
});

describe('payable sweep (the hourly job)', () => {
  it('makes every released booking payable after the window, skips disputed ones, and reruns harmlessly', async () => {
    const ok = await makeBooking();
    const disputed = await makeBooking();
    for (const b of [ok, disputed]) {
      await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
      await run((c) => captureBookingPayment(c, b.id));
      await run((c) => releaseBookingFunds(c, b.id));
    }
    await db().update(bookings).set({ status: 'disputed' }).where(eq(bookings.id, disputed.id));
    const later = new Date(t0.getTime() + 8 * 86_400_000);
    const first = await runPayableSweep(later);
    expect(first.made).toBeGreaterThanOrEqual(1);
    expect((await bookingBalances(ok.id)).provider_payable).toBe(-10_000n);
    expect((await bookingBalances(disputed.id)).provider_pending).toBe(-10_000n);
    expect(await runPayableSweep(later)).toEqual({ made: 0, skipped: 0 });
    await expectAppError(run((c) => makePayableAfterDisputeWindow(c, disputed.id), later), 'CONFLICT');
    await expectLedgerClean();
  });
});

describe('concurrency (PostgreSQL)', () => {
  const onPg = getDatabase().kind === 'postgres';
  // The embedded engine runs one connection, so requests cannot overlap there: PostgreSQL only.
  it.skipIf(!onPg)('10 concurrent captures and releases of one booking post exactly once each (PostgreSQL only; skipped on the embedded engine)', async () => {
    const b = await makeBooking();
    await run((c) => holdBookingPayment(c, b, 'pm_card_visa'));
    const caps = await Promise.all(Array.from({ length: 10 }, () => run((c) => captureBookingPayment(c, b.id))));
    expect(new Set(caps.map((r) => r.transactionId)).size).toBe(1);
    const rels = await Promise.all(Array.from({ length: 10 }, () => run((c) => releaseBookingFunds(c, b.id))));
    expect(rels.filter((r) => r.created)).toHaveLength(1);
    expect(await bookingBalances(b.id)).toEqual({ gateway_clearing: 12_300n, provider_pending: -10_000n, platform_fees: -250n, tax_payable: -2050n });
    await expectLedgerClean();
  });
});
