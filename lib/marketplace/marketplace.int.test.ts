import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '@/lib/custom-jobs/tiny-png';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { readListingPhoto, uploadListingPhoto } from './upload-photo';
import { sql } from 'drizzle-orm';
import { db, pgErrorInfo, rowsOf } from '@/db/client';
import { taxRates } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { reconcile } from '@/lib/finance/ledger';
import { approveSeller, itemCounters, makeItem, makeListing, makeSeller as makeCoveredSeller } from '@/test/commerce-fixtures';
import { ctxFor, expectAppError, makeUser, anonCtx } from '@/test/factories';
import { cover } from '@/lib/geo/test-geo-fixtures';
import { createListing } from './create-listing';
import { updateListing } from './update-listing';
import { submitListing } from './submit-listing';
import { withdrawListing } from './withdraw-listing';
import { moderateListing } from './moderate-listing';
import { createOrder } from './create-order';
import { collectOrder, fulfilOrder } from './advance-order';
import { refundOrder } from './refund-order';
import { runCommercePayableSweep } from '@/lib/finance/commerce-payable';
import { browseListings, businessFront, getPublicListing, moderationQueue } from './queries';
import { zoneInsight } from '@/lib/geo/insight';
import { reconcile as reconcileStock } from '@/lib/inventory/reconciliation';
import { requestRental } from '@/lib/rentals/request-rental';

const DAY = 86_400_000;
let taxSeeded = false;

/** A seller (test/commerce-fixtures makeSeller), after making sure GB VAT is configured. */
async function makeSeller(opts: Parameters<typeof makeCoveredSeller>[0] = {}) {
  if (!taxSeeded) {
    await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
    taxSeeded = true;
  }
  return makeCoveredSeller(opts);
}

const audits = async (entityId: string) =>
  rowsOf<{ action: string }>(await db().execute(sql`select action from audit_log where entity_id = ${entityId} order by occurred_at, id`)).map((r) => r.action);
const trail = async (listingId: string) =>
  rowsOf<{ action: string; to_status: string }>(await db().execute(sql`select action, to_status from listing_moderation_events where listing_id = ${listingId} order by id`));

beforeAll(() => {
  setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'marketplace-int-'))));
});

describe('listing state machine and moderation', () => {
  it('takes photos checked by content, only the uploader’s, and shows them publicly only once live', async () => {
    const s = await makeSeller();
    const other = await makeSeller();
    const item = await makeItem(s.orgId);
    const seller = await ctxFor(s.adminId);
    await expectAppError(uploadListingPhoto(seller, { bytes: new TextEncoder().encode('%PDF-1.4 not an image'), name: 'x.png' }), 'VALIDATION');
    const { fileId } = await uploadListingPhoto(seller, { bytes: tinyPng(), name: 'drill.png' });
    await expectAppError(createListing(await ctxFor(other.adminId), { kind: 'tool_rental', title: 'Stolen photo', itemId: (await makeItem(other.orgId)).id, photoFileIds: [fileId] }), 'VALIDATION');
    const l = await createListing(seller, { kind: 'tool_rental', title: 'Drill with photo', itemId: item.id, photoFileIds: [fileId] });
    expect(l.photoFileIds).toEqual([fileId]);
    await expectAppError(readListingPhoto(anonCtx(), fileId), 'NOT_FOUND');
    expect((await readListingPhoto(seller, fileId)).contentType).toBe('image/png');
    await submitListing(seller, { listingId: l.id });
    await moderateListing(await ctxFor(s.opsId), { listingId: l.id, decision: 'approve' });
    expect((await readListingPhoto(anonCtx(), fileId)).contentType).toBe('image/png');
  });

  it('blocks publishing for a seller without approved documents, then allows it after approval', async () => {
    const s = await makeSeller({ approve: false });
    const item = await makeItem(s.orgId, { mode: 'rental' });
    const ctx = await ctxFor(s.adminId);
    const l = await createListing(ctx, { kind: 'tool_rental', title: 'Hammer drill', itemId: item.id });
    expect(l.status).toBe('draft');
    expect(l.priceMinor).toBe(2500); // the item's daily rate
    const err = await expectAppError(submitListing(ctx, { listingId: l.id }), 'PRECONDITION_FAILED');
    expect(err.message).toMatch(/Insurance certificate/);
    expect(err.message).toMatch(/\/provider\/compliance/);
    await approveSeller(s.orgId);
    const submitted = await submitListing(await ctxFor(s.adminId), { listingId: l.id });
    expect(submitted.status).toBe('pending_review');
  });

  it('refuses an item whose mode does not fit the kind, and a foreign item', async () => {
    const s = await makeSeller();
    const other = await makeSeller();
    const rentalOnly = await makeItem(s.orgId, { mode: 'rental' });
    const foreign = await makeItem(other.orgId, { mode: 'hybrid' });
    const ctx = await ctxFor(s.adminId);
    const e1 = await expectAppError(createListing(ctx, { kind: 'tool_sale', title: 'Drill for sale', itemId: rentalOnly.id }), 'VALIDATION');
    expect(e1.details.fieldErrors?.itemId?.[0]).toMatch(/purchase or hybrid/);
    await expectAppError(createListing(ctx, { kind: 'material', title: 'Sand', itemId: foreign.id }), 'VALIDATION');
  });

  it('walks every transition, rejects illegal ones with 409, and audits each step', async () => {
    const s = await makeSeller();
    const item = await makeItem(s.orgId, { mode: 'hybrid' });
    const seller = await ctxFor(s.adminId);
    const ops = await ctxFor(s.opsId);
    const l = await createListing(seller, { kind: 'tool_sale', title: 'Mitre saw', itemId: item.id, priceMinor: 12000 });
    // draft: cannot be approved / rejected / suspended / reinstated / withdrawn
    for (const decision of ['approve', 'reject', 'suspend', 'reinstate'] as const) {
      await expectAppError(moderateListing(ops, { listingId: l.id, decision, reason: 'Because reasons' }), 'CONFLICT');
    }
    await expectAppError(withdrawListing(seller, { listingId: l.id }), 'CONFLICT');
    await submitListing(seller, { listingId: l.id });
    await expectAppError(submitListing(seller, { listingId: l.id }), 'CONFLICT');
    await expectAppError(moderateListing(ops, { listingId: l.id, decision: 'suspend', reason: 'Not live yet' }), 'CONFLICT');
    await expectAppError(moderateListing(ops, { listingId: l.id, decision: 'reject', reason: '' }), 'VALIDATION');
    const rejected = await moderateListing(ops, { listingId: l.id, decision: 'reject', reason: 'Photos missing' });
    expect(rejected).toMatchObject({ status: 'rejected', statusReason: 'Photos missing' });
    await submitListing(seller, { listingId: l.id });
    const approved = await moderateListing(ops, { listingId: l.id, decision: 'approve' });
    expect(approved.status).toBe('approved');
    await expectAppError(moderateListing(ops, { listingId: l.id, decision: 'approve' }), 'CONFLICT');
    // An edit of a live listing sends it back to review with a new version.
    const edited = await updateListing(seller, { listingId: l.id, kind: 'tool_sale', title: 'Mitre saw (boxed)', itemId: item.id, priceMinor: 11000 });
    expect(edited).toMatchObject({ status: 'pending_review', version: approved.version + 1 });
    await moderateListing(ops, { listingId: l.id, decision: 'approve' });
    const suspended = await moderateListing(ops, { listingId: l.id, decision: 'suspend', reason: 'Customer complaint' });
    expect(suspended.status).toBe('suspended');
    await expectAppError(updateListing(seller, { listingId: l.id, kind: 'tool_sale', title: 'Try to edit', itemId: item.id }), 'CONFLICT');
    await expectAppError(submitListing(seller, { listingId: l.id }), 'CONFLICT');
    const back = await moderateListing(ops, { listingId: l.id, decision: 'reinstate' });
    expect(back.status).toBe('pending_review');
    await withdrawListing(seller, { listingId: l.id });

    expect((await trail(l.id)).map((e) => e.action)).toEqual(['create', 'submit', 'reject', 'submit', 'approve', 'edit_approved', 'approve', 'suspend', 'reinstate', 'withdraw']);
    const a = await audits(l.id);
    expect(a).toContain('listings.approve');
    expect(a).toContain('listings.reject');
    expect(a).toContain('listings.suspend');
    expect(a.length).toBe(10);
    // The seller was told about each decision.
    const notes = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from notifications where user_id = ${s.adminId} and kind like 'listing.%'`));
    expect(notes[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('keeps tenants apart: another provider’s listing is NOT_FOUND', async () => {
    const a = await makeSeller();
    const b = await makeSeller();
    const item = await makeItem(a.orgId);
    const l = await createListing(await ctxFor(a.adminId), { kind: 'tool_rental', title: 'Ladder', itemId: item.id });
    const intruder = await ctxFor(b.adminId);
    await expectAppError(submitListing(intruder, { listingId: l.id }), 'NOT_FOUND');
    await expectAppError(withdrawListing(intruder, { listingId: l.id }), 'NOT_FOUND');
    await expectAppError(updateListing(intruder, { listingId: l.id, kind: 'tool_rental', title: 'Mine now', itemId: item.id }), 'NOT_FOUND');
    // A customer cannot moderate.
    const customer = await makeUser(['customer']);
    await expectAppError(moderateListing(await ctxFor(customer.id), { listingId: l.id, decision: 'approve' }), 'FORBIDDEN');
  });

  it('shows the queue oldest first with the seller’s compliance context', async () => {
    const s = await makeSeller();
    const item = await makeItem(s.orgId);
    const seller = await ctxFor(s.adminId);
    const first = await createListing(seller, { kind: 'tool_rental', title: 'First in queue', itemId: item.id });
    await submitListing({ ...seller, now: new Date(Date.now() - 60_000) }, { listingId: first.id });
    const second = await createListing(seller, { kind: 'tool_rental', title: 'Second in queue', itemId: item.id });
    await submitListing(seller, { listingId: second.id });
    const q = await moderationQueue(await ctxFor(s.opsId));
    const mine = q.filter((r) => r.providerOrgId === s.orgId);
    expect(mine.map((r) => r.title)).toEqual(['First in queue', 'Second in queue']);
    expect(mine[0]!.seller.status).toBe('approved');
    expect(mine[0]!.seller.documents.every((d) => d.expiresOn)).toBe(true);
    expect(mine[0]!.events.map((e) => e.action).sort()).toEqual(['create', 'submit']);
  });
});

describe('marketplace visibility', () => {
  it('hides a lapsed seller’s listing by date without editing it, and a suspended seller', async () => {
    const now = new Date();
    const s = await makeSeller({ validDays: 3, at: now });
    const item = await makeItem(s.orgId);
    const id = await makeListing(s.orgId, { itemId: item.id, kind: 'tool_rental' });
    const before = rowsOf<{ updated_at: Date }>(await db().execute(sql`select updated_at from listings where id = ${id}`))[0]!.updated_at;
    const feed = async (at: Date) => (await browseListings(anonCtx(at), { zone: s.zone.id })).items.map((i) => i.id);
    expect(await feed(now)).toContain(id);
    expect((await getPublicListing(anonCtx(now), id)).id).toBe(id);
    const later = new Date(now.getTime() + 10 * DAY);
    expect(await feed(later)).not.toContain(id);
    await expectAppError(getPublicListing(anonCtx(later), id), 'NOT_FOUND');
    const after = rowsOf<{ updated_at: Date; status: string }>(await db().execute(sql`select updated_at, status from listings where id = ${id}`))[0]!;
    expect(after.status).toBe('approved');
    expect(new Date(after.updated_at).getTime()).toBe(new Date(before).getTime());
    // Suspension hides at once, whatever the documents say.
    await db().execute(sql`insert into provider_compliance (org_id, suspended, suspension_reason, suspended_at) values (${s.orgId}, true, 'Fraud check', now())`);
    expect(await feed(now)).not.toContain(id);
    const slug = rowsOf<{ slug: string }>(await db().execute(sql`select slug from organisations where id = ${s.orgId}`))[0]!.slug;
    const front = await businessFront(anonCtx(now), slug);
    expect(front.listings).toHaveLength(0);
    expect(front.seller.status).toBe('suspended');
    await expectAppError(businessFront(anonCtx(now), 'no-such-provider-slug'), 'NOT_FOUND');
  });

  it('counts visible goods listings of covering sellers as the zone insight’s inventory matches', async () => {
    const now = new Date();
    const s = await makeSeller({ validDays: 3, at: now });
    const rental = await makeItem(s.orgId);
    const sale = await makeItem(s.orgId, { mode: 'purchase', kind: 'material' });
    await makeListing(s.orgId, { itemId: rental.id, kind: 'tool_rental' });
    await makeListing(s.orgId, { itemId: sale.id, kind: 'material' });
    await makeListing(s.orgId, { itemId: sale.id, kind: 'material', status: 'pending_review' });
    await makeListing(s.orgId, { serviceId: s.serviceId, kind: 'service_package' });
    await db().execute(sql`insert into zone_metrics (zone_id, bookings_by_status, sla_breaches, active_providers, active_services, open_demand, inventory_matches, computed_at)
      values (${s.zone.id}, '{}'::jsonb, 0, 1, 1, 0, 99, now())`);
    expect((await zoneInsight(anonCtx(now), s.zone.id)).metrics?.inventoryMatches).toBe(2);
    expect((await zoneInsight(anonCtx(new Date(now.getTime() + 10 * DAY)), s.zone.id)).metrics?.inventoryMatches).toBe(0);
  });

  it('filters by zone coverage, mode and price, and ranks the primary-zone seller first', async () => {
    const a = await makeSeller();
    const b = await makeSeller();
    // b also covers a's zone, as a secondary zone
    await cover({ providerOrgId: b.orgId, zoneId: a.zone.id, serviceId: b.serviceId, priority: 3 });
    const ia = await makeItem(a.orgId);
    const ib = await makeItem(b.orgId);
    const la = await makeListing(a.orgId, { itemId: ia.id, kind: 'tool_sale', priceMinor: 5000n });
    const lb = await makeListing(b.orgId, { itemId: ib.id, kind: 'tool_rental', priceMinor: 2500n });
    const ctx = anonCtx();
    const inA = (await browseListings(ctx, { zone: a.zone.id })).items.map((i) => i.id);
    expect(inA.indexOf(la)).toBeGreaterThanOrEqual(0);
    expect(inA.indexOf(la)).toBeLessThan(inA.indexOf(lb));
    const inB = (await browseListings(ctx, { zone: b.zone.id })).items.map((i) => i.id);
    expect(inB).toContain(lb);
    expect(inB).not.toContain(la);
    expect((await browseListings(ctx, { zone: a.zone.id, mode: 'rent' })).items.map((i) => i.id)).toEqual([lb]);
    expect((await browseListings(ctx, { zone: a.zone.id, mode: 'buy' })).items.map((i) => i.id)).toEqual([la]);
    expect((await browseListings(ctx, { zone: a.zone.id, min: '30' })).items.map((i) => i.id)).toEqual([la]);
    expect((await browseListings(ctx, { zone: a.zone.id, max: '30' })).items.map((i) => i.id)).toEqual([lb]);
    const r = await browseListings(ctx, { near: '0,0' });
    expect(r.zoneNotFound).toBe(true);
  });
});

async function buyable(quantity = 3) {
  const s = await makeSeller();
  const item = await makeItem(s.orgId, { mode: 'purchase', kind: 'material', quantity, salePriceMinor: 1000n });
  const listingId = await makeListing(s.orgId, { itemId: item.id, kind: 'material', priceMinor: 1000n });
  const buyer = await makeUser(['customer']);
  return { s, item, listingId, buyer };
}

const balance = async (kind: string, orgId?: string) =>
  BigInt(
    rowsOf<{ b: string }>(
      await db().execute(sql`select coalesce(sum(e.amount_minor), 0)::text as b from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = ${kind} ${orgId ? sql`and a.owner_org_id = ${orgId}` : sql``}`),
    )[0]!.b,
  );

describe('orders', () => {
  it('pays, moves stock, posts a balanced ledger, collects and refunds with restock', async () => {
    const { s, item, listingId, buyer } = await buyable(3);
    const ctx = await ctxFor(buyer.id);
    const o = await createOrder(ctx, { listingId, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242 4242 4242 4242' });
    // goods 20.00; fee 2.5 % = 0.50; VAT 20 % on 20.50 = 4.10 (4.00 + 0.10 per line); total 24.60
    expect(o).toMatchObject({ status: 'paid', subtotalMinor: 2000, deliveryFeeMinor: 0, serviceFeeMinor: 50, taxMinor: 410, totalMinor: 2460 });
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 1 });
    expect(await balance('provider_pending', s.orgId)).toBe(-2000n);
    const pay = rowsOf<{ status: string; captured_minor: string; purpose: string }>(await db().execute(sql`select status, captured_minor::text, purpose from commerce_payments where order_id = ${o.id}`));
    expect(pay).toEqual([{ status: 'captured', captured_minor: '2460', purpose: 'purchase' }]);

    const seller = await ctxFor(s.adminId);
    await expectAppError(fulfilOrder(seller, { orderId: o.id }), 'CONFLICT'); // pickup order cannot be "delivered"
    const collected = await collectOrder(seller, { orderId: o.id });
    expect(collected.status).toBe('collected');
    await expectAppError(collectOrder(seller, { orderId: o.id }), 'CONFLICT');
    // Another seller cannot touch it.
    const other = await makeSeller();
    await expectAppError(refundOrder(await ctxFor(other.adminId), { orderId: o.id, reason: 'Not mine to refund' }), 'NOT_FOUND');

    const refunded = await refundOrder(seller, { orderId: o.id, reason: 'Wrong colour, returned', restock: true });
    expect(refunded.status).toBe('refunded');
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 3 });
    await expectAppError(refundOrder(seller, { orderId: o.id, reason: 'Again please' }), 'CONFLICT');
    expect(await balance('provider_pending', s.orgId)).toBe(0n);
    const moves = rowsOf<{ kind: string; on_hand_delta: number }>(await db().execute(sql`select kind, on_hand_delta from inventory_moves where order_id = ${o.id} order by seq`));
    expect(moves).toEqual([
      { kind: 'sale', on_hand_delta: -2 },
      { kind: 'restock', on_hand_delta: 2 },
    ]);
    const rec = await reconcile(db());
    expect(rec.transactionsUnbalanced).toBe(0);
    expect(await audits(o.id)).toEqual(['orders.create', 'orders.collect', 'orders.refund']);
  });

  it('the seller share becomes payable 7 days after handover, and then the order can no longer be refunded', async () => {
    const { s, listingId, buyer } = await buyable(2);
    const t0 = new Date();
    const o = await createOrder(await ctxFor(buyer.id, t0), { listingId, quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' });
    const seller = await ctxFor(s.adminId, t0);
    // Not handed over yet: nothing becomes payable, however late the sweep runs.
    await runCommercePayableSweep(new Date(t0.getTime() + 30 * 86_400_000));
    expect(await balance('provider_payable', s.orgId)).toBe(0n);
    await collectOrder(seller, { orderId: o.id });
    await runCommercePayableSweep(new Date(t0.getTime() + 6 * 86_400_000));
    expect(await balance('provider_payable', s.orgId)).toBe(0n);
    await runCommercePayableSweep(new Date(t0.getTime() + 8 * 86_400_000));
    await runCommercePayableSweep(new Date(t0.getTime() + 9 * 86_400_000)); // a rerun moves nothing twice
    expect(await balance('provider_payable', s.orgId)).toBe(-1000n);
    expect(await balance('provider_pending', s.orgId)).toBe(0n);
    await expectAppError(refundOrder(seller, { orderId: o.id, reason: 'Changed my mind' }), 'CONFLICT');
    expect((await reconcile(db())).transactionsUnbalanced).toBe(0);
  });

  it('sells named serialised units, keeps units and stock reconciled, and a refund restocks those units', async () => {
    const s = await makeSeller();
    const item = await makeItem(s.orgId, { tracking: 'serialised', mode: 'hybrid', quantity: 3, salePriceMinor: 1000n });
    const listingId = await makeListing(s.orgId, { itemId: item.id, kind: 'tool_sale', priceMinor: 1000n });
    const sellerCtx = await ctxFor(s.adminId);
    const buyer = await makeUser(['customer']);
    const ctx = await ctxFor(buyer.id);
    const o = await createOrder(ctx, { listingId, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242424242424242' });
    const units = async () =>
      rowsOf<{ serial: string; status: string; sold_order_id: string | null }>(await db().execute(sql`select serial, status::text, sold_order_id from inventory_units where item_id = ${item.id} order by serial`));
    expect(await units()).toEqual([
      { serial: 'SN-1', status: 'sold', sold_order_id: o.id },
      { serial: 'SN-2', status: 'sold', sold_order_id: o.id },
      { serial: 'SN-3', status: 'in_stock', sold_order_id: null },
    ]);
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 1 });
    const moves = rowsOf<{ kind: string; on_hand_delta: number; unit_id: string | null }>(await db().execute(sql`select kind, on_hand_delta, unit_id from inventory_moves where order_id = ${o.id} order by seq`));
    expect(moves).toEqual([
      { kind: 'sale', on_hand_delta: -1, unit_id: item.unitIds[0] },
      { kind: 'sale', on_hand_delta: -1, unit_id: item.unitIds[1] },
    ]);
    // The database keeps a sold unit tied to its order.
    const unlinked = await db().execute(sql`update inventory_units set sold_order_id = null where id = ${item.unitIds[0]!}`).then(() => null, (e: unknown) => e);
    expect(pgErrorInfo(unlinked).constraint).toBe('inventory_units_sold_order');
    await expectAppError(createOrder(ctx, { listingId, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242424242424242' }), 'CONFLICT');
    expect((await reconcileStock(sellerCtx)).driftCount).toBe(0);

    await refundOrder(sellerCtx, { orderId: o.id, reason: 'Never collected' });
    expect((await units()).map((u) => u.status)).toEqual(['in_stock', 'in_stock', 'in_stock']);
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 3 });
    expect((await reconcileStock(sellerCtx)).driftCount).toBe(0);
  });

  it('does not sell a serialised unit that an upcoming rental holds', async () => {
    const s = await makeSeller();
    const item = await makeItem(s.orgId, { tracking: 'serialised', mode: 'hybrid', quantity: 1, salePriceMinor: 1000n });
    const rentListing = await makeListing(s.orgId, { itemId: item.id, kind: 'tool_rental' });
    const saleListing = await makeListing(s.orgId, { itemId: item.id, kind: 'tool_sale', priceMinor: 1000n });
    const renter = await makeUser(['customer']);
    const start = new Date(Date.now() + 3 * DAY);
    await requestRental(await ctxFor(renter.id), { listingId: rentListing, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * DAY).toISOString(), quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' });
    const buyer = await makeUser(['customer']);
    const e = await expectAppError(createOrder(await ctxFor(buyer.id), { listingId: saleListing, quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' }), 'CONFLICT');
    expect(e.message).toMatch(/Sold out/);
    expect((await reconcileStock(await ctxFor(s.adminId))).driftCount).toBe(0);
  });

  it('delivers with a delivery fee and refunds without restock when the goods stay with the buyer', async () => {
    const { s, item, listingId, buyer } = await buyable(2);
    const o = await createOrder(await ctxFor(buyer.id), { listingId, quantity: 1, fulfilment: 'delivery', deliveryAddress: '1 Test Street, London SE1', paymentMethod: '4242424242424242' });
    expect(o.deliveryFeeMinor).toBe(500);
    expect(o.totalMinor).toBe(o.subtotalMinor + o.deliveryFeeMinor + o.serviceFeeMinor + o.taxMinor);
    const seller = await ctxFor(s.adminId);
    expect((await fulfilOrder(seller, { orderId: o.id })).status).toBe('fulfilled');
    await refundOrder(seller, { orderId: o.id, reason: 'Arrived damaged', restock: false });
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 1 });
    expect((await reconcile(db())).transactionsUnbalanced).toBe(0);
  });

  it('refuses over-quantity (409), a declined card (nothing saved) and a hidden listing', async () => {
    const { item, listingId, buyer } = await buyable(1);
    const ctx = await ctxFor(buyer.id);
    const e = await expectAppError(createOrder(ctx, { listingId, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242424242424242' }), 'CONFLICT');
    expect(e.message).toMatch(/Only 1 available/);
    await expectAppError(createOrder(ctx, { listingId, quantity: 1, fulfilment: 'pickup', paymentMethod: '4000000000000002' }), 'VALIDATION');
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 1 });
    const none = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from orders where listing_id = ${listingId}`));
    expect(none[0]!.n).toBe(0);
    await expectAppError(createOrder(ctx, { listingId, quantity: 1, fulfilment: 'delivery', paymentMethod: '4242424242424242' }), 'VALIDATION');
    await db().execute(sql`update listings set status = 'suspended', status_reason = 'test' where id = ${listingId}`);
    await expectAppError(createOrder(ctx, { listingId, quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' }), 'NOT_FOUND');
  });

  it.skipIf(!process.env.DATABASE_URL)('20 concurrent buys of the last unit: exactly one succeeds (needs real PostgreSQL for concurrency)', async () => {
    const { item, listingId } = await buyable(1);
    const buyers = await Promise.all(Array.from({ length: 20 }, () => makeUser(['customer'])));
    const ctxs = await Promise.all(buyers.map((b) => ctxFor(b.id)));
    const results = await Promise.allSettled(ctxs.map((c) => createOrder(c, { listingId, quantity: 1, fulfilment: 'pickup', paymentMethod: '4242424242424242' })));
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'CONFLICT');
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 0 });
  });
});
