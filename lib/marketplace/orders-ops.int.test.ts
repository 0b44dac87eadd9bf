import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { taxRates } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { reconcile } from '@/lib/finance/ledger';
import { runCommercePayableSweep } from '@/lib/finance/commerce-payable';
import { itemCounters, makeItem, makeListing, makeSeller as makeCoveredSeller } from '@/test/commerce-fixtures';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { collectOrder } from './advance-order';
import { createOrder } from './create-order';
import { getOrderForOperations, listProviderOrders, searchOrders } from './order-queries';
import { refundOrder } from './refund-order';

/*
 * The operations orders desk: the platform-wide list with its filters and scope, the detail with
 * payment and payable state, and a refund by operations (the path refundOrderAsOperationsAction
 * calls) with its audit row.
 */

const DAY = 86_400_000;
const londonDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

async function makeSeller() {
  const { adminId, orgId } = await makeCoveredSeller();
  const item = await makeItem(orgId, { mode: 'purchase', kind: 'material', quantity: 10, salePriceMinor: 1000n });
  const listingId = await makeListing(orgId, { itemId: item.id, kind: 'material', priceMinor: 1000n });
  const [org] = rowsOf<{ name: string }>(await db().execute(sql`select name from organisations where id = ${orgId}`));
  return { adminId, orgId, name: org!.name, itemId: item.id, listingId };
}

const buy = async (customerId: string, listingId: string, at = new Date(), quantity = 1) =>
  createOrder(await ctxFor(customerId, at), { listingId, quantity, fulfilment: 'pickup', paymentMethod: '4242424242424242' });

let world: Awaited<ReturnType<typeof setUp>>;

async function setUp() {
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  const a = await makeSeller();
  const b = await makeSeller();
  const alice = await makeUser(['customer'], { email: `alice-${newId().slice(0, 8)}@example.test` });
  const bob = await makeUser(['customer'], { email: `bob-${newId().slice(0, 8)}@example.test` });
  const ops = await makeUser(['operations']);
  const now = new Date();
  const old = await buy(alice.id, a.listingId, new Date(now.getTime() - 3 * DAY));
  const collected = await buy(alice.id, a.listingId, now, 2);
  await collectOrder(await ctxFor(a.adminId), { orderId: collected.id });
  const fromB = await buy(bob.id, b.listingId, now);
  return { a, b, alice, bob, ops, now, old, collected, fromB };
}

beforeAll(async () => {
  world = await setUp();
});

describe('operations orders list', () => {
  it('lists every seller’s orders newest first with the total, and filters by status, text and dates', async () => {
    const { a, b, alice, ops, now, old, collected, fromB } = world;
    const ctx = await ctxFor(ops.id);
    const all = await searchOrders(ctx, {});
    expect(all.total).toBe(3);
    const placed = all.rows.map((r) => r.paidAt);
    expect(placed).toEqual([...placed].sort().reverse()); // newest first
    expect(all.rows.at(-1)!.id).toBe(old.id);
    expect(all.rows.find((r) => r.id === collected.id)).toMatchObject({ customerEmail: alice.email, sellerName: a.name, quantity: 2, status: 'collected', totalMinor: 2460, unitPriceMinor: 1000 });

    expect((await searchOrders(ctx, { status: 'collected' })).rows.map((r) => r.id)).toEqual([collected.id]);
    expect((await searchOrders(ctx, { q: collected.reference.toLowerCase() })).rows.map((r) => r.id)).toEqual([collected.id]);
    expect((await searchOrders(ctx, { q: b.name })).rows.map((r) => r.id)).toEqual([fromB.id]);
    expect((await searchOrders(ctx, { q: alice.email.toUpperCase() })).total).toBe(2);
    // LIKE wildcards are taken literally: "%" matches no reference, seller or email.
    expect((await searchOrders(ctx, { q: '%' })).total).toBe(0);

    const recent = await searchOrders(ctx, { from: londonDay(new Date(now.getTime() - DAY)) });
    expect(recent.rows.map((r) => r.id).sort()).toEqual([collected.id, fromB.id].sort());
    const early = await searchOrders(ctx, { to: londonDay(new Date(now.getTime() - 2 * DAY)) });
    expect(early.rows.map((r) => r.id)).toEqual([old.id]);
    expect((await searchOrders(ctx, { from: londonDay(new Date(now.getTime() + 2 * DAY)) })).total).toBe(0);
  });

  it('refuses bad filters with the field named', async () => {
    const ctx = await ctxFor(world.ops.id);
    const e = await expectAppError(searchOrders(ctx, { from: '2026-05-10', to: '2026-05-01' }), 'VALIDATION');
    expect(e.details.fieldErrors).toHaveProperty('to');
    await expectAppError(searchOrders(ctx, { status: 'shipped' }), 'VALIDATION');
    await expectAppError(searchOrders(ctx, { from: '10/05/2026' }), 'VALIDATION');
  });

  it('pages 50 at a time and reports the total', async () => {
    const r = await searchOrders(await ctxFor(world.ops.id), { page: 2 });
    expect(r).toMatchObject({ page: 2, pageSize: 50, total: 3, rows: [] });
  });

  it('a seller sees only its own orders, even through the operations reads; a customer is forbidden', async () => {
    const { a, alice, fromB, collected } = world;
    const seller = await ctxFor(a.adminId);
    const own = await searchOrders(seller, {});
    expect(own.total).toBe(2);
    expect(own.rows.every((r) => r.sellerOrgId === a.orgId)).toBe(true);
    expect((await searchOrders(seller, { q: fromB.reference })).total).toBe(0);
    await expectAppError(getOrderForOperations(seller, fromB.id), 'NOT_FOUND');
    expect((await getOrderForOperations(seller, collected.id)).id).toBe(collected.id);

    const customer = await ctxFor(alice.id);
    await expectAppError(searchOrders(customer, {}), 'FORBIDDEN');
    await expectAppError(getOrderForOperations(customer, collected.id), 'FORBIDDEN');
  });

  it('someone who is both a seller and operations gets the whole platform on the desk and their shop on the provider list', async () => {
    const { a } = world;
    const both = await makeUser(['provider_admin', 'operations'], { orgs: { provider: a.orgId } });
    const ctx = await ctxFor(both.id);
    expect((await searchOrders(ctx, {})).total).toBe(3);
    expect((await listProviderOrders(ctx)).every((o) => o.sellerName === a.name)).toBe(true);
  });

  it('the detail shows the payment and an unknown or malformed id is NOT_FOUND', async () => {
    const ctx = await ctxFor(world.ops.id);
    const d = await getOrderForOperations(ctx, world.old.id);
    expect(d.payment).toMatchObject({ status: 'captured', capturedMinor: 1230, refundedMinor: 0 });
    expect(d.payableAt).toBeNull();
    await expectAppError(getOrderForOperations(ctx, newId()), 'NOT_FOUND');
    await expectAppError(getOrderForOperations(ctx, 'not-a-uuid'), 'NOT_FOUND');
  });
});

describe('refund by operations', () => {
  it('refunds a collected order with restock, audited as by operations, and the detail shows it', async () => {
    const { a, ops, collected } = world;
    const before = await itemCounters(a.itemId);
    const ctx = await ctxFor(ops.id);
    await expectAppError(refundOrder(ctx, { orderId: collected.id, reason: 'no' }), 'VALIDATION');
    const r = await refundOrder(ctx, { orderId: collected.id, reason: 'Seller unreachable; goods returned to the shop', restock: true });
    expect(r.status).toBe('refunded');
    expect((await itemCounters(a.itemId)).onHand).toBe(before.onHand + 2);
    const [audit] = rowsOf<{ action: string; actor_id: string; data: Record<string, unknown> }>(
      await db().execute(sql`select action, actor_id, data from audit_log where entity_id = ${collected.id} and action = 'orders.refund'`),
    );
    expect(audit).toMatchObject({ action: 'orders.refund', actor_id: ops.id, data: { by: 'operations', from: 'collected', to: 'refunded', restocked: true } });
    const d = await getOrderForOperations(ctx, collected.id);
    expect(d).toMatchObject({ status: 'refunded', refundReason: 'Seller unreachable; goods returned to the shop', payment: { status: 'refunded', refundedMinor: 2460 } });
    expect((await searchOrders(ctx, { status: 'refunded' })).rows.map((o) => o.id)).toEqual([collected.id]);
    await expectAppError(refundOrder(ctx, { orderId: collected.id, reason: 'A second time' }), 'CONFLICT');
    expect((await reconcile(db())).transactionsUnbalanced).toBe(0);
  });

  it('a customer cannot refund, and after the 7-day window the domain refuses operations too', async () => {
    const { a, alice, ops } = world;
    const t0 = new Date();
    const o = await buy(alice.id, a.listingId, t0);
    await expectAppError(refundOrder(await ctxFor(alice.id), { orderId: o.id, reason: 'I want my money' }), 'FORBIDDEN');
    await collectOrder(await ctxFor(a.adminId, t0), { orderId: o.id });
    await runCommercePayableSweep(new Date(t0.getTime() + 8 * DAY));
    const ctx = await ctxFor(ops.id);
    expect((await getOrderForOperations(ctx, o.id)).payableAt).not.toBeNull();
    const e = await expectAppError(refundOrder(ctx, { orderId: o.id, reason: 'Too late for this one' }), 'CONFLICT');
    expect(e.message).toMatch(/refund window/);
    expect((await getOrderForOperations(ctx, o.id)).status).toBe('collected');
  });
});

// Last in the file: it adds a refunded order, which the list assertions above do not expect.
describe('a seller who is also operations', () => {
  it('refunds another shop’s order with the operations right, audited as by operations', async () => {
    const { a, b, bob } = world;
    const both = await makeUser(['provider_admin', 'operations'], { orgs: { provider: a.orgId } });
    const other = await buy(bob.id, b.listingId);
    const r = await refundOrder(await ctxFor(both.id), { orderId: other.id, reason: 'Seller b unreachable, refunded by support' });
    expect(r.status).toBe('refunded');
    const [audit] = rowsOf<{ by: string }>(await db().execute(sql`select data->>'by' as by from audit_log where entity_id = ${other.id} and action = 'orders.refund'`));
    expect(audit!.by).toBe('operations');
  });
});
