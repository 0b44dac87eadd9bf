import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db/client';
import { seedFinance } from '@/db/seed/finance';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { createOrder } from '@/lib/marketplace/create-order';
import { refundOrder } from '@/lib/marketplace/refund-order';
import { approveRental } from '@/lib/rentals/approve-rental';
import { checkoutRental } from '@/lib/rentals/checkout-rental';
import { inspectRental } from '@/lib/rentals/inspect-rental';
import { recordReturn } from '@/lib/rentals/record-return';
import { requestRental } from '@/lib/rentals/request-rental';
import { schedulePickup } from '@/lib/rentals/schedule-pickup';
import { settleRental } from '@/lib/rentals/settle-rental';
import { approveSeller, makeItem, makeListing } from '@/test/commerce-fixtures';
import { ctxFor, makeUser } from '@/test/factories';
import { postTransaction, reconcile, reconcileCommerce } from './ledger';
import { reconciliationReport } from './queries';

/**
 * Reconciliation of rentals and marketplace orders (docs/finance.md "Reconciliation"): after a
 * full rental lifecycle and an order bought then refunded, the gateway (commerce_payments) and the
 * ledger agree; drift injected on purpose — inside a transaction that is rolled back, because the
 * ledger is append-only — is listed with the right subject and amounts.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = new Date(Math.floor(Date.now() / DAY) * DAY);
const at = (days: number, hours = 0) => new Date(T0.getTime() + days * DAY + hours * HOUR);

let sellerOrg: string;
let sellerAdmin: string;
let customer: string;
let finance: Ctx;

beforeAll(async () => {
  await db().transaction((tx) => seedFinance(tx));
  const admin = await makeUser(['provider_admin']);
  sellerAdmin = admin.id;
  sellerOrg = admin.orgs.provider!;
  // Orders need a platform zone covering the seller (tax region, currency); rentals do not mind.
  const ops = await makeUser(['operations']);
  const cat = await makeCategory();
  const serviceId = await makeService({ providerOrgId: sellerOrg, categoryId: cat.id });
  const zone = await makeZone({ ownerOrgId: ops.orgs.platform!, box: around(-0.1, 51.5, 0.01) });
  await cover({ providerOrgId: sellerOrg, zoneId: zone.id, serviceId });
  await approveSeller(sellerOrg, T0);
  customer = (await makeUser(['customer'])).id;
  finance = await ctxFor((await makeUser(['finance'])).id);
});

async function rentable() {
  const item = await makeItem(sellerOrg, { mode: 'rental', dailyRateMinor: 2500n, depositMinor: 10000n, quantity: 3 });
  return makeListing(sellerOrg, { itemId: item.id, kind: 'tool_rental' });
}

/** request → approve → schedule → checkout for 2 days from day 1 10:00. */
async function inUse(listingId: string): Promise<string> {
  const start = at(1, 10);
  const { rentalId } = await requestRental(await ctxFor(customer, at(0)), {
    listingId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * DAY).toISOString(),
    quantity: 1,
    fulfilment: 'pickup',
    paymentMethod: '4242424242424242',
  });
  await approveRental(await ctxFor(sellerAdmin, at(0, 1)), { rentalId });
  await schedulePickup(await ctxFor(sellerAdmin, at(0, 2)), { rentalId, pickupAt: start.toISOString() });
  await checkoutRental(await ctxFor(sellerAdmin, start), { rentalId, condition: 'good', note: 'all fine' });
  return rentalId;
}

class Rollback extends Error {}
/** Runs `fn` in a transaction that is always rolled back: injected drift never outlives the test. */
async function inRolledBackTx(fn: (tx: Tx) => Promise<void>) {
  await expect(
    db().transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

/** Subjects made by the first test and reused by the drift tests (filled in before they run). */
const state = { damaged: '', clear: '', open: '', orderId: '', orderRef: '', damagedRef: '', openRef: '' };

describe('rentals and orders reconcile', () => {
  it('a full rental lifecycle (deposit forfeited + balance due, and one released in full) and an order bought then refunded leave no drift', async () => {
    const listingId = await rentable();

    // Three rentals out at once (the item has 3 units), each with a 100.00 deposit held.
    const damaged = await inUse(listingId);
    const clear = await inUse(listingId);
    const open = await inUse(listingId);
    // An open hold is not drift while the rental is out: the card and the ledger both hold it.
    expect(await reconcileCommerce(db())).toEqual({ commerceDrift: [], depositHoldsDrift: [] });

    // Returned on time and clear: the deposit hold is released.
    await recordReturn(await ctxFor(sellerAdmin, at(3, 9)), { rentalId: clear, condition: 'good' });
    await inspectRental(await ctxFor(sellerAdmin, at(3, 9)), { rentalId: clear, outcome: 'clear' });
    await settleRental(await ctxFor(sellerAdmin, at(3, 9)), { rentalId: clear });

    // Returned a day late and damaged: charges above the deposit → deposit captured in full + a balance.
    await recordReturn(await ctxFor(sellerAdmin, at(4, 11)), { rentalId: damaged, condition: 'damaged', note: 'cracked casing' });
    await inspectRental(await ctxFor(sellerAdmin, at(4, 12)), { rentalId: damaged, outcome: 'damaged', note: 'cracked casing', charges: [{ kind: 'damage', label: 'Replace casing', amountMinor: 12000 }] });
    const s = await settleRental(await ctxFor(sellerAdmin, at(4, 12)), { rentalId: damaged });
    expect(s.settlement).toMatchObject({ depositChargedMinor: 10000, depositReleasedMinor: 0 });
    expect(s.settlement.balanceDueMinor).toBeGreaterThan(0);
    // `open` stays out (deposit held): used below to end a rental without ending its hold.

    const goods = await makeItem(sellerOrg, { mode: 'purchase', kind: 'material', quantity: 3, salePriceMinor: 1000n });
    const goodsListing = await makeListing(sellerOrg, { itemId: goods.id, kind: 'material', priceMinor: 1000n });
    const o = await createOrder(await ctxFor(customer), { listingId: goodsListing, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242424242424242' });
    await refundOrder(await ctxFor(sellerAdmin), { orderId: o.id, reason: 'Out of stock after all' });

    const report = await reconciliationReport(finance);
    expect(report).toMatchObject({ ok: true, transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [], payoutsDrift: [], commerceDrift: [], depositHoldsDrift: [] });
    // The booking-only report keeps its shape (other domains' tests compare it whole).
    expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });

    const ref = async (table: 'rentals' | 'orders', id: string) =>
      rowsOf<{ reference: string }>(await db().execute(sql`select reference from ${sql.identifier(table)} where id = ${id}`))[0]!.reference;
    Object.assign(state, { damaged, clear, open, orderId: o.id, orderRef: o.reference, damagedRef: await ref('rentals', damaged), openRef: await ref('rentals', open) });
  });

  it('lists a gateway refund the ledger never posted, with the rental, its reference and both nets', async () => {
    const { damaged, damagedRef } = state;
    await inRolledBackTx(async (tx) => {
      const [row] = rowsOf<{ net: string }>(await tx.execute(sql`select sum(captured_minor - refunded_minor)::text as net from commerce_payments where rental_id = ${damaged}`));
      const net = BigInt(row!.net);
      // A refund made at the gateway (recorded on the payment) with no ledger posting.
      await tx.execute(sql`update commerce_payments set refunded_minor = 500, status = 'partially_refunded' where rental_id = ${damaged} and purpose = 'rental'`);
      const r = await reconcileCommerce(tx);
      expect(r.commerceDrift).toEqual([
        { kind: 'rental', id: damaged, reference: damagedRef, currency: 'GBP', paymentsNetMinor: net - 500n, ledgerNetMinor: net, reason: expect.stringMatching(/refund not posted/) },
      ]);
      expect(r.depositHoldsDrift).toEqual([]);
      const view = await reconciliationReport({ ...finance, tx });
      expect(view.ok).toBe(false);
      expect(view.commerceDrift[0]).toMatchObject({ kind: 'rental', id: damaged, paymentsNetMinor: Number(net - 500n), ledgerNetMinor: Number(net) });
    });
    // Rolled back: the books agree again.
    expect(await reconcileCommerce(db())).toEqual({ commerceDrift: [], depositHoldsDrift: [] });
  });

  it('lists ledger gateway postings under an order that has no such payment, and under a rental that does not exist', async () => {
    const { orderId, orderRef } = state;
    const ghost = newId();
    await inRolledBackTx(async (tx) => {
      const now = new Date();
      await postTransaction(tx, {
        businessKey: `order:${orderId}:manual_capture`,
        kind: 'manual',
        occurredAt: now,
        lines: [
          { account: { kind: 'gateway_clearing', currency: 'GBP' }, amountMinor: 700n },
          { account: { kind: 'platform_fees', currency: 'GBP' }, amountMinor: -700n },
        ],
      });
      await postTransaction(tx, {
        businessKey: `rental:${ghost}:capture`,
        kind: 'capture',
        occurredAt: now,
        lines: [
          { account: { kind: 'gateway_clearing', currency: 'EUR' }, amountMinor: 300n },
          { account: { kind: 'escrow', ownerOrgId: sellerOrg, currency: 'EUR' }, amountMinor: -300n },
        ],
      });
      const r = await reconcileCommerce(tx);
      expect(r.commerceDrift).toEqual([
        // The order was refunded in full, so the gateway net is 0; the ledger now says 7.00.
        { kind: 'order', id: orderId, reference: orderRef, currency: 'GBP', paymentsNetMinor: 0n, ledgerNetMinor: 700n, reason: expect.stringMatching(/lower than the ledger/) },
        { kind: 'rental', id: ghost, reference: null, currency: 'EUR', paymentsNetMinor: 0n, ledgerNetMinor: 300n, reason: 'The ledger posted gateway money under a rental that does not exist.' },
      ]);
    });
  });

  it('lists a deposit hold the ledger keeps after settlement, and a rental that ended with its deposit still held', async () => {
    const { clear, open, openRef } = state;
    await inRolledBackTx(async (tx) => {
      // A second hold memo on a settled rental whose card hold was released.
      await postTransaction(tx, {
        businessKey: `rental:${clear}:deposit_hold_again`,
        kind: 'deposit_hold',
        occurredAt: new Date(),
        lines: [
          { account: { kind: 'deposit_holds', ownerUserId: customer, currency: 'GBP' }, amountMinor: 10000n },
          { account: { kind: 'customer', ownerUserId: customer, currency: 'GBP' }, amountMinor: -10000n },
        ],
      });
      // A rental marked settled while its deposit is still held on the card and in the ledger.
      await tx.execute(sql`update rentals set status = 'settled', settled_at = now() where id = ${open}`);
      const r = await reconcileCommerce(tx);
      expect(r.commerceDrift).toEqual([]);
      expect(r.depositHoldsDrift).toEqual(
        [
          { rentalId: clear, reference: expect.any(String), status: 'settled', currency: 'GBP', gatewayHeldMinor: 0n, ledgerHeldMinor: 10000n, reason: 'The ledger still holds a deposit the gateway has already captured or released.' },
          { rentalId: open, reference: openRef, status: 'settled', currency: 'GBP', gatewayHeldMinor: 10000n, ledgerHeldMinor: 10000n, reason: 'The rental is settled but its deposit is still held (neither captured nor released).' },
        ].sort((a, b) => (a.rentalId < b.rentalId ? -1 : 1)),
      );
      const view = await reconciliationReport({ ...finance, tx });
      expect(view.ok).toBe(false);
      expect(view.depositHoldsDrift.map((d) => [d.rentalId, d.gatewayHeldMinor, d.ledgerHeldMinor])).toEqual(
        [
          [clear, 0, 10000],
          [open, 10000, 10000],
        ].sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1)),
      );
    });
    expect((await reconciliationReport(finance)).ok).toBe(true);
  });
});
