import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { complianceDocuments } from '@/db/schema';
import { seedFinance } from '@/db/seed/finance';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { reconcile } from '@/lib/finance/ledger';
import { rentalMoneyDrift } from '@/lib/finance/rental-money';
import { approveSeller, itemCounters, makeItem, makeListing, makeStoredFile } from '@/test/commerce-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { approveRental } from './approve-rental';
import { rentalCertainlyUnavailable } from './availability-gate';
import { cancelRental } from './cancel-rental';
import { checkoutRental } from './checkout-rental';
import { extendRental } from './extend-rental';
import { inspectRental } from './inspect-rental';
import { getRental, listRentals, previewRental, rentalAvailability } from './queries';
import { recordReturn } from './record-return';
import { rejectRental } from './reject-rental';
import { requestRental } from './request-rental';
import { schedulePickup } from './schedule-pickup';
import { settleRental } from './settle-rental';
import { sweepRentals } from './sweep';
import { openDispute } from '@/lib/disputes/open-dispute';
import { resolveDispute } from '@/lib/disputes/resolve-dispute';
import { startReview } from '@/lib/disputes/start-review';
import { withdrawDispute } from '@/lib/disputes/withdraw-dispute';

const DAY = 86_400_000;
const HOUR = 3_600_000;
// UTC midnight today: windows at fixed hours never straddle a calendar day differently by run time.
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY);
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * HOUR);

let providerOrg: string;
let providerAdmin: string;
let otherAdmin: string;
let customer: string;

beforeAll(async () => {
  await db().transaction((tx) => seedFinance(tx));
  providerOrg = (await makeOrg('provider')).id;
  await approveSeller(providerOrg, T0);
  providerAdmin = (await makeUser(['provider_admin'], { orgs: { provider: providerOrg } })).id;
  const otherOrg = (await makeOrg('provider')).id;
  otherAdmin = (await makeUser(['provider_admin'], { orgs: { provider: otherOrg } })).id;
  customer = (await makeUser(['customer'])).id;
});

const as = (userId: string, when: Date): Promise<Ctx> => ctxFor(userId, when);

async function rentable(o: Parameters<typeof makeItem>[1] = {}) {
  const item = await makeItem(providerOrg, { mode: 'rental', dailyRateMinor: 2500n, depositMinor: 10000n, ...o });
  const listingId = await makeListing(providerOrg, { itemId: item.id, kind: 'tool_rental' });
  return { ...item, listingId };
}

/** A request starting at day 1 10:00 for `days` days. */
async function request(listingId: string, o: { quantity?: number; days?: number; start?: number; who?: string; card?: string; fulfilment?: 'pickup' | 'delivery' } = {}) {
  const start = at(o.start ?? 1, 10);
  return requestRental(await as(o.who ?? customer, at(0)), {
    listingId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + (o.days ?? 3) * DAY).toISOString(),
    quantity: o.quantity ?? 1,
    fulfilment: o.fulfilment ?? 'pickup',
    deliveryAddress: o.fulfilment === 'delivery' ? '1 High Street, London' : '',
    paymentMethod: o.card ?? '4242424242424242',
  });
}

/** request → approve → schedule → checkout, returns the rental id. */
async function inUse(listingId: string, o: Parameters<typeof request>[1] = {}) {
  const { rentalId } = await request(listingId, o);
  await approveRental(await as(providerAdmin, at(0, 1)), { rentalId });
  await schedulePickup(await as(providerAdmin, at(0, 2)), { rentalId, pickupAt: at(1, 10).toISOString() });
  await checkoutRental(await as(providerAdmin, at(1, 10)), { rentalId, condition: 'good', note: 'all fine' });
  return rentalId;
}

async function assertBooksBalance(rentalId: string) {
  const rec = await reconcile(db());
  expect(rec.transactionsUnbalanced).toBe(0);
  expect(rec.accountsDrift).toEqual([]);
  const drift = await db().transaction((tx) => rentalMoneyDrift(tx, rentalId));
  expect(drift.paymentsNetMinor).toBe(drift.ledgerNetMinor);
}

async function ledgerOf(rentalId: string) {
  const rows = rowsOf<{ kind: string; total: string }>(
    await db().execute(sql`
      select a.kind::text as kind, sum(e.amount_minor)::text as total from ledger_entries e
      join ledger_transactions t on t.id = e.transaction_id join ledger_accounts a on a.id = e.account_id
      where t.business_key like ${`rental:${rentalId}:%`} group by a.kind`),
  );
  return Object.fromEntries(rows.map((r) => [r.kind, toMinor(r.total)]));
}

describe('request, price and availability', () => {
  it('prices days × rate × quantity with fee and tax from the quote engine, deposit × quantity, and authorises the total', async () => {
    const it1 = await rentable({ quantity: 5 });
    const preview = await previewRental(await as(customer, at(0)), { listingId: it1.listingId, startsAt: at(1, 10).toISOString(), endsAt: at(3, 11).toISOString(), quantity: 2, fulfilment: 'delivery' });
    // 2 days 1 hour → 3 charged days; 3 × 25.00 × 2 = 150.00 + delivery 15.00 = 165.00; fee 2.5 % = 4.13 (half-up); VAT 20 % on 165.00 and 4.13 = 33.00 + 0.83.
    expect(preview).toMatchObject({ days: 3, rentalMinor: 15000n, deliveryFeeMinor: 1500n, serviceFeeMinor: 413n, taxMinor: 3383n, totalMinor: 16500n + 413n + 3383n, depositMinor: 20000n, available: 5 });
    const r = await request(it1.listingId, { quantity: 2, days: 2, fulfilment: 'delivery' });
    const d = await getRental(await as(customer, at(0)), r.rentalId);
    expect(d.rental).toMatchObject({ status: 'requested', rentalMinor: 10000n, deliveryFeeMinor: 1500n, depositMinor: 20000n, deliveryAddress: '1 High Street, London' });
    expect(d.payments).toEqual([expect.objectContaining({ purpose: 'rental', status: 'authorized', amountMinor: d.rental.totalMinor })]);
    expect(d.timeline.map((t) => t.toStatus)).toEqual(['requested']);
    const audit = rowsOf<{ action: string }>(await db().execute(sql`select action from audit_log where entity_id = ${r.rentalId} order by occurred_at`));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['rentals.request', 'payments.authorize']));
  });

  it('refuses a window in the past, a delivery without address, an invisible listing', async () => {
    const it1 = await rentable();
    const ctx = await as(customer, at(0));
    await expectAppError(requestRental(ctx, { listingId: it1.listingId, startsAt: at(-1).toISOString(), endsAt: at(1).toISOString(), paymentMethod: '4242424242424242' }), 'VALIDATION');
    const e = await expectAppError(requestRental(ctx, { listingId: it1.listingId, startsAt: at(1).toISOString(), endsAt: at(2).toISOString(), fulfilment: 'delivery', paymentMethod: '4242424242424242' }), 'VALIDATION');
    expect(e.details.fieldErrors).toHaveProperty('deliveryAddress');
    const draft = await makeListing(providerOrg, { itemId: it1.id, kind: 'tool_rental', status: 'draft' });
    await expectAppError(request(draft), 'NOT_FOUND');
  });

  it('a declined card changes nothing (409) and leaves stock unreserved', async () => {
    const it1 = await rentable();
    const e = await expectAppError(request(it1.listingId, { card: '4000000000000002' }), 'CONFLICT');
    expect(e.message).toMatch(/could not be authorised/);
    const n = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from rentals where item_id = ${it1.id}`));
    expect(n[0]!.n).toBe(0);
  });

  it('serialised: overlapping windows take other units, then 409 "Only N available"; the calendar counts free units per day', async () => {
    const it1 = await rentable({ tracking: 'serialised', quantity: 2 });
    await request(it1.listingId, { days: 3 });
    await request(it1.listingId, { days: 1, start: 2 });
    const e = await expectAppError(request(it1.listingId, { days: 1, start: 2 }), 'CONFLICT');
    expect(e.message).toBe('Only 0 available for those dates.');
    // A later, non-overlapping window is free again.
    await request(it1.listingId, { days: 1, start: 10 });
    const cal = await rentalAvailability(await as(customer, at(0)), { listingId: it1.listingId, days: 12 });
    const free = Object.fromEntries(cal.days.map((x) => [x.date, x.free]));
    const day = (n: number) => at(n).toISOString().slice(0, 10);
    expect(cal.capacity).toBe(2);
    expect(free[day(0)]).toBe(2);
    expect(free[day(2)]).toBe(0);
    expect(free[day(4)]).toBe(1);
    expect(free[day(6)]).toBe(2);
  });

  it('bulk: Σ overlapping quantities ≤ on hand + out', async () => {
    const it1 = await rentable({ quantity: 5 });
    await request(it1.listingId, { quantity: 3 });
    const e = await expectAppError(request(it1.listingId, { quantity: 3, start: 2 }), 'CONFLICT');
    expect(e.message).toBe('Only 2 available for those dates.');
    expect(e.details).toMatchObject({ available: 2, requested: 3 });
    await request(it1.listingId, { quantity: 2, start: 2 });
  });

  it('the last-unit gate counts exactly what the locked path counts, and the locked path still refuses on its own', async () => {
    const ser = await rentable({ tracking: 'serialised', quantity: 2 });
    const bulk = await rentable({ quantity: 5 });
    await request(ser.listingId, { days: 3 });
    await request(bulk.listingId, { quantity: 3 });
    const win = (quantity: number) => ({ startsAt: at(2, 10), endsAt: at(3, 10), quantity });
    expect(await rentalCertainlyUnavailable(db(), { listingId: ser.listingId, ...win(1) }, at(0))).toBeNull();
    expect(await rentalCertainlyUnavailable(db(), { listingId: ser.listingId, ...win(2) }, at(0))).toEqual({ available: 1 });
    expect(await rentalCertainlyUnavailable(db(), { listingId: bulk.listingId, ...win(2) }, at(0))).toBeNull();
    expect(await rentalCertainlyUnavailable(db(), { listingId: bulk.listingId, ...win(3) }, at(0))).toEqual({ available: 2 });
    // Outside the window nothing is taken.
    expect(await rentalCertainlyUnavailable(db(), { listingId: bulk.listingId, startsAt: at(20), endsAt: at(21), quantity: 5 }, at(0))).toBeNull();
    // Inside a caller's transaction (the HTTP route's idempotent path) the gate is skipped and the
    // locked path gives the same answer.
    const ctx = await as(customer, at(0));
    const locked = await db()
      .transaction((tx) => requestRental({ ...ctx, tx }, { listingId: bulk.listingId, startsAt: at(2, 10).toISOString(), endsAt: at(3, 10).toISOString(), quantity: 3, fulfilment: 'pickup', paymentMethod: '4242424242424242' }))
      .then(() => null, (e: unknown) => e);
    expect(locked).toBeInstanceOf(AppError);
    expect((locked as AppError).message).toBe('Only 2 available for those dates.');
    // A hidden listing is not the gate's to answer (the full path says NOT_FOUND).
    await db().execute(sql`update listings set status = 'suspended', status_reason = 'test' where id = ${bulk.listingId}`);
    expect(await rentalCertainlyUnavailable(db(), { listingId: bulk.listingId, ...win(5) }, at(0))).toBeNull();
  });

  it('insurance-required item: 412 listing the missing renter documents, then allowed once approved', async () => {
    const it1 = await rentable({ insuranceRequired: true });
    const renter = (await makeUser(['customer'])).id;
    const e = await expectAppError(request(it1.listingId, { who: renter }), 'PRECONDITION_FAILED');
    expect(e.message).toMatch(/account\/documents/);
    expect((e.details.missing as Array<{ docType: string }>).map((m) => m.docType).sort()).toEqual(['identity', 'insurance_certificate']);
    for (const docType of ['identity', 'insurance_certificate'] as const) {
      await db().insert(complianceDocuments).values({ userId: renter, docType, fileId: await makeStoredFile(), issuedOn: at(-30).toISOString().slice(0, 10), expiresOn: at(300).toISOString().slice(0, 10), status: 'approved', reviewedAt: at(-1) });
    }
    await request(it1.listingId, { who: renter });
  });
});

describe('transitions', () => {
  it('every illegal transition is a 409 naming from and to', async () => {
    const it1 = await rentable({ quantity: 3 });
    const { rentalId } = await request(it1.listingId);
    const p = await as(providerAdmin, at(0, 1));
    let e = await expectAppError(schedulePickup(p, { rentalId, pickupAt: at(1).toISOString() }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'requested', to: 'pickup_scheduled' });
    e = await expectAppError(checkoutRental(p, { rentalId, condition: 'good' }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'requested', to: 'in_use' });
    e = await expectAppError(recordReturn(p, { rentalId, condition: 'good' }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'requested' });
    e = await expectAppError(settleRental(p, { rentalId }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'requested', to: 'settled' });
    e = await expectAppError(inspectRental(p, { rentalId, outcome: 'clear' }), 'CONFLICT');
    await approveRental(p, { rentalId });
    e = await expectAppError(approveRental(p, { rentalId }), 'CONFLICT');
    expect(e.message).toBe('A rental that is approved cannot become approved.');
    e = await expectAppError(rejectRental(p, { rentalId, reason: 'too late' }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'approved', to: 'rejected' });
    await schedulePickup(p, { rentalId, pickupAt: at(1, 10).toISOString() });
    await checkoutRental(await as(providerAdmin, at(1, 10)), { rentalId, condition: 'good' });
    e = await expectAppError(cancelRental(await as(customer, at(1, 11)), { rentalId }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'in_use', to: 'cancelled' });
    e = await expectAppError(checkoutRental(p, { rentalId, condition: 'good' }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'in_use', to: 'in_use' });
    await recordReturn(await as(providerAdmin, at(2)), { rentalId, condition: 'good' });
    await inspectRental(await as(providerAdmin, at(2)), { rentalId, outcome: 'clear' });
    await settleRental(await as(providerAdmin, at(2)), { rentalId });
    e = await expectAppError(settleRental(p, { rentalId }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'settled', to: 'settled' });
    e = await expectAppError(extendRental(await as(customer, at(2)), { rentalId, endsAt: at(9).toISOString() }), 'CONFLICT');
    e = await expectAppError(approveRental(p, { rentalId }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'settled', to: 'approved' });
  });

  it('tenant scope: another provider gets NOT_FOUND, the renter cannot approve; every step is audited', async () => {
    const it1 = await rentable();
    const { rentalId } = await request(it1.listingId);
    await expectAppError(approveRental(await as(otherAdmin, at(0)), { rentalId }), 'NOT_FOUND');
    await expectAppError(getRental(await as(otherAdmin, at(0)), rentalId), 'NOT_FOUND');
    await expectAppError(approveRental(await as(customer, at(0)), { rentalId }), 'FORBIDDEN');
    expect(await listRentals(await as(otherAdmin, at(0)), 'provider')).toEqual([]);
    await approveRental(await as(providerAdmin, at(0)), { rentalId });
    const audit = rowsOf<{ action: string; tenant_id: string }>(await db().execute(sql`select action, tenant_id from audit_log where entity_id = ${rentalId} and action like 'rentals.%' order by occurred_at`));
    expect(audit).toEqual([
      { action: 'rentals.request', tenant_id: providerOrg },
      { action: 'rentals.approve', tenant_id: providerOrg },
    ]);
    const notes = rowsOf<{ kind: string }>(await db().execute(sql`select kind from notifications where user_id = ${customer} and business_key = ${`rental:${rentalId}:approved`}`));
    expect(notes).toEqual([{ kind: 'rental.approved' }]);
  });

  it('reject and cancel void the hold, release reserved stock and free the window', async () => {
    const it1 = await rentable({ tracking: 'serialised', quantity: 1 });
    const a = await request(it1.listingId);
    await rejectRental(await as(providerAdmin, at(0)), { rentalId: a.rentalId, reason: 'Under maintenance' });
    const b = await request(it1.listingId);
    await approveRental(await as(providerAdmin, at(0)), { rentalId: b.rentalId });
    await schedulePickup(await as(providerAdmin, at(0)), { rentalId: b.rentalId, pickupAt: at(1, 10).toISOString() });
    expect(await itemCounters(it1.id)).toEqual({ onHand: 1, reserved: 1, out: 0 });
    await cancelRental(await as(customer, at(0, 3)), { rentalId: b.rentalId, reason: 'plans changed' });
    expect(await itemCounters(it1.id)).toEqual({ onHand: 1, reserved: 0, out: 0 });
    const pays = rowsOf<{ status: string }>(await db().execute(sql`select status from commerce_payments where rental_id in (${a.rentalId}, ${b.rentalId})`));
    expect(pays.map((p) => p.status)).toEqual(['voided', 'voided']);
    await request(it1.listingId); // the window is free again
  });

  it('schedule pickup is refused while the unit is still out with an overdue renter (with the expected return)', async () => {
    const it1 = await rentable({ tracking: 'serialised', quantity: 1 });
    await inUse(it1.listingId, { days: 1 });
    const { rentalId } = await request(it1.listingId, { start: 5 });
    await approveRental(await as(providerAdmin, at(3)), { rentalId });
    const e = await expectAppError(schedulePickup(await as(providerAdmin, at(3)), { rentalId, pickupAt: at(5).toISOString() }), 'CONFLICT');
    expect(e.message).toMatch(/expected back by/);
  });
});

describe('settlement money', () => {
  it('clear: deposit released in full, escrow released to provider / platform / tax, books balance', async () => {
    const it1 = await rentable({ quantity: 2 });
    const rentalId = await inUse(it1.listingId, { days: 2 });
    expect(await itemCounters(it1.id)).toEqual({ onHand: 1, reserved: 0, out: 1 });
    await recordReturn(await as(providerAdmin, at(2, 9)), { rentalId, condition: 'good' });
    expect(await itemCounters(it1.id)).toEqual({ onHand: 2, reserved: 0, out: 0 });
    await inspectRental(await as(providerAdmin, at(2, 10)), { rentalId, outcome: 'clear' });
    const s = await settleRental(await as(providerAdmin, at(2, 10)), { rentalId });
    expect(s.settlement).toMatchObject({ chargesTotalMinor: 0, depositMinor: 10000, depositChargedMinor: 0, depositReleasedMinor: 10000, balanceDueMinor: 0 });
    const d = await getRental(await as(customer, at(3)), rentalId);
    expect(d.payments.map((p) => [p.purpose, p.status])).toEqual([
      ['rental', 'captured'],
      ['deposit', 'voided'],
    ]);
    // 2 days × 25.00 = 50.00; fee 1.25; VAT 10.25 → total 61.50.
    const l = await ledgerOf(rentalId);
    expect(l).toMatchObject({ gateway_clearing: 6150n, escrow: 0n, provider_pending: -5000n, platform_fees: -125n, tax_payable: -1025n, deposit_holds: 0n, customer: 0n });
    await assertBooksBalance(rentalId);
  });

  it('damaged: charges below the deposit are captured from it, the rest refunded line by line; alert raised', async () => {
    const it1 = await rentable();
    const rentalId = await inUse(it1.listingId, { days: 3 });
    await recordReturn(await as(providerAdmin, at(3, 12)), { rentalId, condition: 'damaged', note: 'cracked casing' });
    await inspectRental(await as(providerAdmin, at(4)), {
      rentalId,
      outcome: 'damaged',
      note: 'cracked casing',
      charges: [
        { kind: 'damage', label: 'Replace casing', amountMinor: '4000' },
        { kind: 'cleaning', label: 'Cleaning', amountMinor: 750 },
      ],
    });
    const s = await settleRental(await as(providerAdmin, at(4)), { rentalId });
    expect(s.settlement.lines.map((x) => [x.key, x.label, x.amountMinor])).toEqual([
      ['charge', 'Replace casing', 4000],
      ['charge', 'Cleaning', 750],
      ['deposit_held', 'Deposit held at checkout', 10000],
      ['deposit_charged', 'Charges taken from the deposit', 4750],
      ['deposit_released', 'Deposit returned to the renter', 5250],
      ['balance_due', 'Balance due from the renter (charged to their card)', 0],
    ]);
    const alerts = rowsOf<{ kind: string }>(await db().execute(sql`select kind::text from inventory_alerts where rental_id = ${rentalId} and status = 'open'`));
    expect(alerts).toEqual([{ kind: 'damage_reported' }]);
    const l = await ledgerOf(rentalId);
    // rental 75.00 + charges 47.50 to the provider.
    expect(l.provider_pending).toBe(-(7500n + 4750n));
    const [dep] = rowsOf<{ status: string; captured_minor: string }>(await db().execute(sql`select status, captured_minor::text from commerce_payments where rental_id = ${rentalId} and purpose = 'deposit'`));
    expect(dep).toEqual({ status: 'captured', captured_minor: '4750' });
    // Both parties read the same stored settlement.
    const mine = await getRental(await as(customer, at(5)), rentalId);
    const theirs = await getRental(await as(providerAdmin, at(5)), rentalId);
    expect(mine.rental.settlement).toEqual(theirs.rental.settlement);
    await assertBooksBalance(rentalId);
  });

  it('partial return then the rest late: late lines per return (1.5 × rate, half-up), deposit forfeited and a balance charged', async () => {
    const it1 = await rentable({ quantity: 3, dailyRateMinor: 1333n, depositMinor: 1000n });
    const rentalId = await inUse(it1.listingId, { quantity: 3, days: 2 });
    // Due at day 3 10:00. One on time, two 1 day 1 h late (→ 2 late days).
    let r = await recordReturn(await as(providerAdmin, at(3, 9)), { rentalId, quantity: 1, condition: 'good' });
    expect(r).toMatchObject({ status: 'partially_returned', lateDays: 0, outstanding: 2 });
    expect(await itemCounters(it1.id)).toEqual({ onHand: 1, reserved: 0, out: 2 });
    await expectAppError(recordReturn(await as(providerAdmin, at(4, 11)), { rentalId, quantity: 3, condition: 'good' }), 'VALIDATION');
    r = await recordReturn(await as(providerAdmin, at(4, 11)), { rentalId, quantity: 2, condition: 'worn' });
    expect(r).toMatchObject({ status: 'inspection_pending', lateDays: 2, outstanding: 0 });
    const pre = await getRental(await as(providerAdmin, at(4, 12)), rentalId);
    // 2 days × 2 units × 13.33 × 1.5 = 79.98
    expect(pre.pendingLateLines.map((x) => x.amountMinor)).toEqual([7998n]);
    await inspectRental(await as(providerAdmin, at(4, 12)), { rentalId, outcome: 'partial', charges: [{ kind: 'loss', label: 'Missing bit set', amountMinor: 505 }] });
    const s = await settleRental(await as(providerAdmin, at(4, 12)), { rentalId });
    expect(s.settlement).toMatchObject({ chargesTotalMinor: 8503, depositMinor: 3000, depositChargedMinor: 3000, depositReleasedMinor: 0, balanceDueMinor: 5503 });
    const pays = rowsOf<{ purpose: string; status: string; captured_minor: string }>(await db().execute(sql`select purpose::text, status::text, captured_minor::text from commerce_payments where rental_id = ${rentalId} order by created_at`));
    expect(pays.map((p) => [p.purpose, p.status, p.captured_minor])).toEqual([
      ['rental', 'captured', String(pre.rental.totalMinor)],
      ['deposit', 'captured', '3000'],
      ['balance', 'captured', '5503'],
    ]);
    await assertBooksBalance(rentalId);
  });

  it('late with a half unit: 1 day × 1 unit × 12.35 × 1.5 = 18.525 → 18.53 (half-up)', async () => {
    const it1 = await rentable({ dailyRateMinor: 1235n });
    const rentalId = await inUse(it1.listingId, { days: 1 });
    await recordReturn(await as(providerAdmin, at(2, 11)), { rentalId, condition: 'good' });
    await inspectRental(await as(providerAdmin, at(2, 12)), { rentalId, outcome: 'clear' });
    const s = await settleRental(await as(providerAdmin, at(2, 12)), { rentalId });
    expect(s.settlement.lines[0]).toMatchObject({ key: 'charge', amountMinor: 1853 });
    expect(s.settlement.lines[0]!.label).toMatch(/^Late return: 1 day × 1 unit × 1\.5/);
    await assertBooksBalance(rentalId);
  });

  it('a balance the card refuses leaves the rental awaiting settlement with a clear message', async () => {
    const it1 = await rentable({ depositMinor: 0n });
    // The card works for the hold, then the charge fails: swap the stored method to a declining one.
    const rentalId = await inUse(it1.listingId, { days: 1 });
    await db().execute(sql`update rentals set payment_method = '4000000000000002' where id = ${rentalId}`);
    await recordReturn(await as(providerAdmin, at(2)), { rentalId, condition: 'damaged' });
    await inspectRental(await as(providerAdmin, at(2)), { rentalId, outcome: 'damaged', charges: [{ kind: 'damage', label: 'Broken chuck', amountMinor: 2000 }] });
    const e = await expectAppError(settleRental(await as(providerAdmin, at(2)), { rentalId }), 'CONFLICT');
    expect(e.message).toMatch(/balance due of 20\.00 GBP could not be authorised/);
    const d = await getRental(await as(providerAdmin, at(2)), rentalId);
    expect(d.rental.status).toBe('inspection_pending');
    await assertBooksBalance(rentalId);
  });

  it('extension: only when free, reservations grow, extra days become a charge settled with the rest', async () => {
    const it1 = await rentable({ tracking: 'serialised', quantity: 1 });
    const rentalId = await inUse(it1.listingId, { days: 2 });
    await request(it1.listingId, { start: 6, days: 1 });
    await expectAppError(extendRental(await as(customer, at(2)), { rentalId, endsAt: at(7).toISOString() }), 'CONFLICT');
    const x = await extendRental(await as(customer, at(2)), { rentalId, endsAt: at(5, 10).toISOString() });
    expect(x).toMatchObject({ extraDays: 2, extraMinor: 5000n });
    const period = rowsOf<{ upper: string }>(await db().execute(sql`select upper(period)::text as upper from rental_reservations where rental_id = ${rentalId}`));
    expect(new Date(period[0]!.upper).toISOString()).toBe(at(5, 10).toISOString());
    await recordReturn(await as(providerAdmin, at(5)), { rentalId, condition: 'good' });
    await inspectRental(await as(providerAdmin, at(5)), { rentalId, outcome: 'clear' });
    const s = await settleRental(await as(providerAdmin, at(5)), { rentalId });
    expect(s.settlement).toMatchObject({ chargesTotalMinor: 5000, depositChargedMinor: 5000, depositReleasedMinor: 5000 });
    await assertBooksBalance(rentalId);
  });
});

describe('disputes on rentals', () => {
  it('either party disputes from in_use; the rental cannot settle; a partial refund comes out of escrow and the rental resumes', async () => {
    const platform = (await makeOrg('platform')).id;
    const ops = (await makeUser(['operations'], { orgs: { platform } })).id;
    const it1 = await rentable();
    const early = await request(it1.listingId, { start: 20 });
    await expectAppError(openDispute(await as(customer, at(0)), { subjectKind: 'rental', subjectId: early.rentalId, reasonCode: 'damage', reason: 'The tool was already broken at pickup time.' }), 'CONFLICT');
    const rentalId = await inUse(it1.listingId, { days: 2 });
    await recordReturn(await as(providerAdmin, at(2)), { rentalId, condition: 'good' });
    const { disputeId } = await openDispute(await as(customer, at(2, 1)), { subjectKind: 'rental', subjectId: rentalId, reasonCode: 'quality', reason: 'The drill stopped working on the first day.' });
    let d = await getRental(await as(customer, at(2, 1)), rentalId);
    expect(d.rental).toMatchObject({ status: 'disputed', statusBeforeDispute: 'inspection_pending' });
    await expectAppError(inspectRental(await as(providerAdmin, at(2, 2)), { rentalId, outcome: 'clear' }), 'CONFLICT');
    const e = await expectAppError(settleRental(await as(providerAdmin, at(2, 2)), { rentalId }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'disputed', to: 'settled' });
    await startReview(await as(ops, at(3)), { disputeIds: [disputeId] });
    await resolveDispute(await as(ops, at(3)), { disputeId, outcome: 'partial_refund', refundMinor: 2000, note: 'Half a day lost' });
    d = await getRental(await as(customer, at(3)), rentalId);
    expect(d.rental.status).toBe('inspection_pending');
    expect(d.payments.find((p) => p.purpose === 'rental')).toMatchObject({ status: 'partially_refunded', refundedMinor: 2000n });
    await inspectRental(await as(providerAdmin, at(3)), { rentalId, outcome: 'clear' });
    await settleRental(await as(providerAdmin, at(3)), { rentalId });
    const l = await ledgerOf(rentalId);
    expect(l).toMatchObject({ escrow: 0n, refunds: -2000n });
    // 50.00 + fee 1.25 + VAT 10.25 = 61.50 captured, 20.00 refunded: the remaining 41.50 split proportionally.
    expect(-(l.provider_pending! + l.platform_fees! + l.tax_payable!)).toBe(4150n);
    await assertBooksBalance(rentalId);
  });

  it('a withdrawn dispute puts the rental back where it was', async () => {
    const it1 = await rentable();
    const rentalId = await inUse(it1.listingId, { days: 2 });
    const { disputeId } = await openDispute(await as(providerAdmin, at(2)), { subjectKind: 'rental', subjectId: rentalId, reasonCode: 'other', reason: 'The renter does not answer about the return.' });
    await expectAppError(recordReturn(await as(providerAdmin, at(2)), { rentalId, condition: 'good' }), 'CONFLICT');
    await withdrawDispute(await as(providerAdmin, at(2, 1)), { disputeId, note: 'They answered.' });
    expect((await getRental(await as(customer, at(3)), rentalId)).rental.status).toBe('in_use');
  });
});

describe('sweeper', () => {
  it('reminds once 24 h before the end, flags overdue once per day (alert + both parties), auto-cancels stale requests', async () => {
    const it1 = await rentable({ quantity: 2 });
    const rentalId = await inUse(it1.listingId, { days: 2 }); // due day 3 10:00
    const stale = await request(it1.listingId, { start: 1, days: 1 });
    const count = async (key: string) => rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from notifications where business_key like ${key}`))[0]!.n;
    // Other tests' rentals share this database: assert on this test's rentals, and on re-runs doing nothing.
    const s1 = await sweepRentals(at(2, 12));
    expect(s1.failed).toBe(0);
    expect(s1.reminded).toBeGreaterThanOrEqual(1);
    expect(s1.cancelled).toBeGreaterThanOrEqual(1);
    expect(await sweepRentals(at(2, 13))).toMatchObject({ reminded: 0, cancelled: 0 });
    expect(await count(`rental:${rentalId}:reminder:%`)).toBe(1);
    const st = await getRental(await as(customer, at(3)), stale.rentalId);
    expect(st.rental.status).toBe('cancelled');
    expect(st.payments[0]!.status).toBe('voided');
    expect(st.timeline.at(-1)).toMatchObject({ fromStatus: 'requested', toStatus: 'cancelled' });
    expect((await sweepRentals(at(3, 11))).overdue).toBeGreaterThanOrEqual(1);
    expect((await sweepRentals(at(3, 12))).overdue).toBe(0);
    expect(await count(`rental:${rentalId}:overdue:%`)).toBe(2); // renter + provider admin
    const alerts = rowsOf<{ status: string }>(await db().execute(sql`select status::text from inventory_alerts where rental_id = ${rentalId} and kind = 'overdue_return'`));
    expect(alerts).toEqual([{ status: 'open' }]);
    await sweepRentals(at(4, 11));
    expect(await count(`rental:${rentalId}:overdue:%`)).toBe(4); // a new day, a new notice each
    await recordReturn(await as(providerAdmin, at(4, 12)), { rentalId, condition: 'good' });
    const after = rowsOf<{ status: string }>(await db().execute(sql`select status::text from inventory_alerts where rental_id = ${rentalId} and kind = 'overdue_return'`));
    expect(after).toEqual([{ status: 'resolved' }]);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the last unit under contention (PostgreSQL; the embedded engine runs one connection)', () => {
  for (const tracking of ['serialised', 'bulk'] as const) {
    it(`${tracking}: 100 concurrent requests → exactly one success, 99 × 409`, async () => {
      const it1 = await rentable({ tracking, quantity: 1 });
      const renters = await Promise.all(Array.from({ length: 10 }, () => makeUser(['customer'])));
      const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => request(it1.listingId, { who: renters[i % 10]!.id })));
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'CONFLICT').length;
      expect({ ok, conflicts }).toEqual({ ok: 1, conflicts: 99 });
      const n = rowsOf<{ n: number }>(await db().execute(sql`select coalesce(sum(quantity), 0)::int as n from rental_reservations where item_id = ${it1.id} and active`));
      expect(n[0]!.n).toBe(1);
    });
  }
});
