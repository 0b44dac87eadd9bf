import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { insertQuotedBooking } from '@/test/quoted-booking';
import { seedFinance } from '@/db/seed/finance';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseRate, toMinor } from '@/lib/core/money';
import { reconcile } from '@/lib/finance/ledger';
import { quote } from '@/lib/finance/quote';
import { around, cover, makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { createOrder } from '@/lib/marketplace/create-order';
import { refundOrder } from '@/lib/marketplace/refund-order';
import { openDispute } from '@/lib/disputes/open-dispute';
import { resolveDispute } from '@/lib/disputes/resolve-dispute';
import { startReview } from '@/lib/disputes/start-review';
import { approveRental } from '@/lib/rentals/approve-rental';
import { cancelRental } from '@/lib/rentals/cancel-rental';
import { checkoutRental } from '@/lib/rentals/checkout-rental';
import { inspectRental } from '@/lib/rentals/inspect-rental';
import { recordReturn } from '@/lib/rentals/record-return';
import { requestRental } from '@/lib/rentals/request-rental';
import { schedulePickup } from '@/lib/rentals/schedule-pickup';
import { settleRental } from '@/lib/rentals/settle-rental';
import { approveSeller, makeItem, makeListing } from '@/test/commerce-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { issueOrderInvoice, RENTAL_CHARGE_NOTE } from './issue-commerce-invoice';
import { issueInvoice } from './issue-invoice';
import { getDocumentsOfInvoice, getSubjectDocuments, listInvoices, type InvoiceDoc } from './queries';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY);
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * HOUR);
const sys = (now = new Date()): Ctx => ({ actor: { kind: 'system', job: 'test', roles: [] }, requestId: `test-${newId()}`, now });

let seller: { adminId: string; orgId: string; serviceId: string; zoneId: string };
let opsId: string;
let financeId: string;

beforeAll(async () => {
  await db().transaction((tx) => seedFinance(tx));
  const admin = await makeUser(['provider_admin']);
  const orgId = admin.orgs.provider!;
  const platform = await makeOrg('platform');
  opsId = (await makeUser(['operations'], { orgs: { platform: platform.id } })).id;
  financeId = (await makeUser(['finance'], { orgs: { platform: platform.id } })).id;
  const cat = await makeCategory();
  const serviceId = await makeService({ providerOrgId: orgId, categoryId: cat.id });
  const zone = await makeZone({ ownerOrgId: platform.id, box: around(-0.1 + Math.random(), 51.5, 0.01) });
  await cover({ providerOrgId: orgId, zoneId: zone.id, serviceId });
  await approveSeller(orgId, T0);
  seller = { adminId: admin.id, orgId, serviceId, zoneId: zone.id };
});

const sumGross = (d: InvoiceDoc) => d.lines.reduce((a, l) => a + BigInt(l.grossMinor), 0n);
const sumTax = (d: InvoiceDoc) => d.lines.reduce((a, l) => a + BigInt(l.taxMinor), 0n);
const seriesNumber = (n: string) => Number(n.slice(-6));

async function buyMaterial(o: { quantity?: number; fulfilment?: 'pickup' | 'delivery'; unit?: bigint } = {}) {
  const unit = o.unit ?? 1234n;
  const item = await makeItem(seller.orgId, { mode: 'purchase', kind: 'material', quantity: 10, salePriceMinor: unit });
  const listingId = await makeListing(seller.orgId, { itemId: item.id, kind: 'material', priceMinor: unit });
  const buyer = await makeUser(['customer']);
  const order = await createOrder(await ctxFor(buyer.id), {
    listingId,
    quantity: o.quantity ?? 3,
    fulfilment: o.fulfilment ?? 'delivery',
    deliveryAddress: o.fulfilment === 'pickup' ? undefined : '1 Test Street, London SE1',
    paymentMethod: '4242424242424242',
  });
  return { order, buyerId: buyer.id };
}

/** A booking row priced by the quote engine (its invoice goes through the same numbering). */
async function bookingRow(customerId: string) {
  const q = quote({ providerPriceMinor: 9_999n, providerCurrency: 'GBP', taxInclusive: false, bookingCurrency: 'GBP', fxRate: parseRate('1'), serviceFeeBp: 250, serviceFeeMinimumMinor: null, taxRateBp: 2000, providerCommissionBp: 0 });
  const id = newId();
  await insertQuotedBooking(q, { id, customerId, providerOrgId: seller.orgId, serviceId: seller.serviceId, zoneId: seller.zoneId, startsAt: at(2, 9) });
  return id;
}

describe('order invoices', () => {
  it('issues the invoice with the capture: goods, delivery and fee lines add up to the stored total', async () => {
    const { order, buyerId } = await buyMaterial({ quantity: 3, fulfilment: 'delivery', unit: 1234n });
    const [inv, ...rest] = await getSubjectDocuments(await ctxFor(buyerId), { kind: 'order', id: order.id });
    expect(rest).toEqual([]);
    expect(inv).toMatchObject({ kind: 'invoice', subjectKind: 'order', orderId: order.id, bookingId: null, rentalId: null, reference: order.reference, customerId: buyerId, providerOrgId: seller.orgId, taxRateBp: 2000 });
    expect(inv.number).toMatch(/^FX-\d{4}-\d{6}$/);
    expect(inv.lines.map((l) => [l.key, l.suppliedBy])).toEqual([
      ['goods', 'provider'],
      ['delivery', 'provider'],
      ['service_fee', 'platform'],
    ]);
    expect(inv.lines[0]!.description).toMatch(/3 × 12\.34 GBP/);
    // Exact: lines = stored total, VAT = stored tax, and each line net + VAT = gross.
    expect(inv.totalMinor).toBe(BigInt(order.totalMinor));
    expect(sumGross(inv)).toBe(BigInt(order.totalMinor));
    expect(inv.taxMinor).toBe(BigInt(order.taxMinor));
    expect(sumTax(inv)).toBe(BigInt(order.taxMinor));
    expect(BigInt(inv.lines[0]!.netMinor)).toBe(BigInt(order.subtotalMinor));
    expect(BigInt(inv.lines[1]!.netMinor)).toBe(BigInt(order.deliveryFeeMinor));
    expect(BigInt(inv.lines[2]!.netMinor)).toBe(BigInt(order.serviceFeeMinor));
    for (const l of inv.lines) expect(l.netMinor + l.taxMinor).toBe(l.grossMinor);
    // Equal to what the gateway captured for the order.
    const [pay] = rowsOf<{ captured: string }>(await db().execute(sql`select captured_minor::text as captured from commerce_payments where order_id = ${order.id}`));
    expect(toMinor(pay!.captured)).toBe(inv.totalMinor);
    expect(inv.supplier.agent.legalName).toBeTruthy();
  });

  it('is idempotent: a second issue for the same order returns the first invoice', async () => {
    const { order } = await buyMaterial({ fulfilment: 'pickup' });
    const again = await withTx(sys(), (c) => issueOrderInvoice(c, order.id));
    expect(again.created).toBe(false);
    const rows = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from invoices where order_id = ${order.id}`));
    expect(rows[0]!.n).toBe(1);
    expect(again.invoice.lines.map((l) => l.key)).toEqual(['goods', 'service_fee']);
  });

  it('numbers bookings and orders in one gapless series', async () => {
    const a = await buyMaterial({ fulfilment: 'pickup' });
    const bookingId = await bookingRow(a.buyerId);
    const b = await withTx(sys(), (c) => issueInvoice(c, bookingId));
    const c2 = await buyMaterial({ fulfilment: 'pickup' });
    const docs = [
      (await getSubjectDocuments(await ctxFor(a.buyerId), { kind: 'order', id: a.order.id }))[0]!,
      b.invoice,
      (await getSubjectDocuments(await ctxFor(c2.buyerId), { kind: 'order', id: c2.order.id }))[0]!,
    ];
    const nums = docs.map((d) => seriesNumber(d.number));
    expect(nums[0]).toBeLessThan(nums[1]!);
    expect(nums[1]).toBeLessThan(nums[2]!);
    // Every number up to ours is taken exactly once, whichever subject took it (the counter row lock).
    const series = docs[2]!.number.slice(0, 7);
    const [row] = rowsOf<{ n: number; distinct_n: number }>(
      await db().execute(sql`select count(*)::int as n, count(distinct number)::int as distinct_n from invoices where number like ${`${series}-%`} and right(number, 6)::int <= ${nums[2]!}`),
    );
    expect(row).toEqual({ n: nums[2], distinct_n: nums[2] });
    expect(b.invoice.subjectKind).toBe('booking');
  });

  it('a refund issues a credit note for −refund that mirrors the invoice', async () => {
    const { order, buyerId } = await buyMaterial({ quantity: 2, fulfilment: 'delivery', unit: 999n });
    await refundOrder(await ctxFor(seller.adminId), { orderId: order.id, reason: 'Arrived damaged', restock: false });
    const [inv, cn, ...rest] = await getSubjectDocuments(await ctxFor(buyerId), { kind: 'order', id: order.id });
    expect(rest).toEqual([]);
    expect(cn).toMatchObject({ kind: 'credit_note', correctsInvoiceId: inv!.id, orderId: order.id, reference: order.reference });
    expect(cn!.totalMinor).toBe(-BigInt(order.totalMinor));
    expect(cn!.taxMinor).toBe(-inv!.taxMinor);
    expect(cn!.lines.map((l) => l.grossMinor)).toEqual(inv!.lines.map((l) => -l.grossMinor));
    const [refunded] = rowsOf<{ r: string }>(await db().execute(sql`select refunded_minor::text as r from commerce_payments where order_id = ${order.id}`));
    expect(cn!.totalMinor).toBe(-toMinor(refunded!.r));
    expect((await reconcile(db())).transactionsUnbalanced).toBe(0);
  });

  it('shows only to the buyer, the seller’s admins, finance and operations; a stranger gets NOT_FOUND', async () => {
    const { order, buyerId } = await buyMaterial({ fulfilment: 'pickup' });
    const subject = { kind: 'order' as const, id: order.id };
    const stranger = await makeUser(['customer']);
    const otherSeller = await makeUser(['provider_admin']);
    expect(await getSubjectDocuments(await ctxFor(buyerId), subject)).toHaveLength(1);
    const [doc] = await getSubjectDocuments(await ctxFor(seller.adminId), subject);
    expect(await getSubjectDocuments(await ctxFor(financeId), subject)).toHaveLength(1);
    expect(await getSubjectDocuments(await ctxFor(opsId), subject)).toHaveLength(1);
    await expectAppError(getSubjectDocuments(await ctxFor(stranger.id), subject), 'NOT_FOUND');
    await expectAppError(getSubjectDocuments(await ctxFor(otherSeller.id), subject), 'NOT_FOUND');
    await expectAppError(getDocumentsOfInvoice(await ctxFor(stranger.id), doc!.id), 'NOT_FOUND');
    expect((await getDocumentsOfInvoice(await ctxFor(seller.adminId), doc!.id)).map((d) => d.id)).toEqual([doc!.id]);
    // The lists name the order, not a booking.
    const mine = await listInvoices(await ctxFor(buyerId), { customer: true });
    expect(mine.map((d) => [d.subjectKind, d.reference])).toEqual([['order', order.reference]]);
    const theirs = await listInvoices(await ctxFor(seller.adminId), { providerOrgId: seller.orgId });
    expect(theirs.find((d) => d.id === doc!.id)).toMatchObject({ subjectKind: 'order', reference: order.reference });
  });
});

describe('rental invoices', () => {
  const renter = () => makeUser(['customer']).then((u) => u.id);

  async function rentalInUse(customer: string, o: { days?: number; quantity?: number; deposit?: bigint } = {}) {
    const item = await makeItem(seller.orgId, { mode: 'rental', dailyRateMinor: 2500n, depositMinor: o.deposit ?? 3000n, quantity: 3 });
    const listingId = await makeListing(seller.orgId, { itemId: item.id, kind: 'tool_rental' });
    const start = at(1, 10);
    const { rentalId } = await requestRental(await ctxFor(customer, at(0)), {
      listingId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + (o.days ?? 2) * DAY).toISOString(),
      quantity: o.quantity ?? 1,
      fulfilment: 'delivery',
      deliveryAddress: '1 High Street, London',
      paymentMethod: '4242424242424242',
    });
    const p = await ctxFor(seller.adminId, at(0, 1));
    await approveRental(p, { rentalId });
    await schedulePickup(await ctxFor(seller.adminId, at(0, 2)), { rentalId, pickupAt: at(1, 10).toISOString() });
    await checkoutRental(await ctxFor(seller.adminId, at(1, 10)), { rentalId, condition: 'good', note: 'all fine' });
    return rentalId;
  }

  const captured = async (rentalId: string) =>
    rowsOf<{ purpose: string; captured: string; refunded: string }>(
      await db().execute(sql`select purpose::text, captured_minor::text as captured, refunded_minor::text as refunded from commerce_payments where rental_id = ${rentalId} order by created_at`),
    );
  const clearing = async (rentalId: string) =>
    toMinor(
      rowsOf<{ t: string }>(
        await db().execute(sql`
          select coalesce(sum(e.amount_minor), 0)::text as t from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
          join ledger_accounts a on a.id = e.account_id where t.business_key like ${`rental:${rentalId}:%`} and a.kind = 'gateway_clearing'`),
      )[0]!.t,
    );

  it('late return and damage: one invoice at settlement with 0-VAT charge lines, equal to everything captured, no deposit line', async () => {
    const customer = await renter();
    const rentalId = await rentalInUse(customer, { days: 2 });
    // Nothing is invoiced at checkout: the invoice waits for the settlement.
    expect(await getSubjectDocuments(await ctxFor(customer), { kind: 'rental', id: rentalId })).toEqual([]);
    // Due at day 3 10:00; back at day 4 11:00 → 2 late days.
    await recordReturn(await ctxFor(seller.adminId, at(4, 11)), { rentalId, condition: 'damaged', note: 'cracked casing' });
    await inspectRental(await ctxFor(seller.adminId, at(4, 12)), { rentalId, outcome: 'damaged', note: 'cracked casing', charges: [{ kind: 'damage', label: 'Replace casing', amountMinor: 4000 }] });
    const s = await settleRental(await ctxFor(seller.adminId, at(4, 12)), { rentalId });
    expect(s.settlement.balanceDueMinor).toBeGreaterThan(0);

    const [inv, ...rest] = await getSubjectDocuments(await ctxFor(customer), { kind: 'rental', id: rentalId });
    expect(rest).toEqual([]);
    expect(inv).toMatchObject({ kind: 'invoice', subjectKind: 'rental', rentalId, taxRateBp: 2000 });
    expect(inv!.lines.map((l) => l.key)).toEqual(['rental', 'delivery', 'service_fee', 'charge', 'charge']);
    const charges = inv!.lines.filter((l) => l.key === 'charge');
    expect(charges.map((l) => l.description)).toEqual([expect.stringMatching(/^Late return/), 'Replace casing']);
    for (const l of charges) expect(l).toMatchObject({ taxRateBp: 0, taxMinor: 0, note: RENTAL_CHARGE_NOTE, suppliedBy: 'provider' });
    expect(inv!.lines.some((l) => /deposit/i.test(l.description))).toBe(false);
    // VAT only on the rental charge, exactly as quoted at request.
    const [r] = rowsOf<{ tax: string; total: string }>(await db().execute(sql`select tax_minor::text as tax, total_minor::text as total from rentals where id = ${rentalId}`));
    expect(inv!.taxMinor).toBe(toMinor(r!.tax));
    expect(inv!.totalMinor).toBe(toMinor(r!.total) + BigInt(s.settlement.chargesTotalMinor));
    // Equal to what was captured from the renter (rental + from the deposit + balance), and to the ledger.
    const pays = await captured(rentalId);
    const net = pays.reduce((a, p) => a + toMinor(p.captured) - toMinor(p.refunded), 0n);
    expect(inv!.totalMinor).toBe(net);
    expect(inv!.totalMinor).toBe(await clearing(rentalId));
    expect(sumGross(inv!)).toBe(inv!.totalMinor);
    // Settling is once; the invoice is once.
    await expectAppError(settleRental(await ctxFor(seller.adminId, at(5)), { rentalId }), 'CONFLICT');
    const [n] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from invoices where rental_id = ${rentalId}`));
    expect(n!.n).toBe(1);
  });

  it('a dispute refund before settlement becomes a credit note issued right after the invoice', async () => {
    const customer = await renter();
    const rentalId = await rentalInUse(customer, { days: 2 });
    await recordReturn(await ctxFor(seller.adminId, at(2)), { rentalId, condition: 'good' });
    const { disputeId } = await openDispute(await ctxFor(customer, at(2, 1)), { subjectKind: 'rental', subjectId: rentalId, reasonCode: 'quality', reason: 'The tool stopped working on the first day.' });
    await startReview(await ctxFor(opsId, at(3)), { disputeIds: [disputeId] });
    await resolveDispute(await ctxFor(opsId, at(3)), { disputeId, outcome: 'partial_refund', refundMinor: 2000, note: 'Half a day lost' });
    expect(await getSubjectDocuments(await ctxFor(customer), { kind: 'rental', id: rentalId })).toEqual([]);
    await inspectRental(await ctxFor(seller.adminId, at(3)), { rentalId, outcome: 'clear' });
    await settleRental(await ctxFor(seller.adminId, at(3)), { rentalId });
    const [inv, cn, ...rest] = await getSubjectDocuments(await ctxFor(customer), { kind: 'rental', id: rentalId });
    expect(rest).toEqual([]);
    expect(cn).toMatchObject({ kind: 'credit_note', correctsInvoiceId: inv!.id, totalMinor: -2000n });
    expect(seriesNumber(cn!.number)).toBeGreaterThan(seriesNumber(inv!.number));
    expect(cn!.lines.every((l) => l.key !== 'charge')).toBe(true);
    const pays = await captured(rentalId);
    const net = pays.reduce((a, p) => a + toMinor(p.captured) - toMinor(p.refunded), 0n);
    expect(inv!.totalMinor + cn!.totalMinor).toBe(net);
    // Operations may read the rental's documents; another provider's admin may not.
    expect(await getSubjectDocuments(await ctxFor(opsId), { kind: 'rental', id: rentalId })).toHaveLength(2);
    await expectAppError(getSubjectDocuments(await ctxFor((await makeUser(['provider_admin'])).id), { kind: 'rental', id: rentalId }), 'NOT_FOUND');
  });

  it('a rental cancelled before checkout is never invoiced (nothing was captured)', async () => {
    const customer = await renter();
    const item = await makeItem(seller.orgId, { mode: 'rental', dailyRateMinor: 2500n, depositMinor: 1000n });
    const listingId = await makeListing(seller.orgId, { itemId: item.id, kind: 'tool_rental' });
    const { rentalId } = await requestRental(await ctxFor(customer, at(0)), { listingId, startsAt: at(1, 10).toISOString(), endsAt: at(2, 10).toISOString(), paymentMethod: '4242424242424242' });
    await cancelRental(await ctxFor(customer, at(0, 1)), { rentalId, reason: 'Plans changed' });
    expect(await getSubjectDocuments(await ctxFor(customer), { kind: 'rental', id: rentalId })).toEqual([]);
    const pays = await captured(rentalId);
    expect(pays.every((p) => toMinor(p.captured) === 0n)).toBe(true);
  });
});
