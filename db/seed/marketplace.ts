/**
 * Marketplace demo data over the inventory seed's items (looked up by their deterministic ids, so
 * whatever exists is listed and a missing item is skipped):
 *  - Thames Home Services (provider@): tools for rent (drill, pressure washer, ladders), materials
 *    for sale (grout, paint, sealant) and two service packages — approved; the tile cutter waiting
 *    in the moderation queue; the drill offered for sale, rejected with a reason.
 *  - East End Handyman (provider2@): the SDS drill for rent, plaster for sale, approved.
 *  - One purchase by customer@ (grout, pickup), paid and collected, through the real order verbs.
 * Listings and their moderation trail are written directly with deterministic ids (the verbs mint
 * fresh ids; they have their own tests); a re-run skips rows that exist. Seller compliance comes
 * from seedCompliance, which must run first.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../client';
import { inventoryItems, listingModerationEvents, listings, orders } from '../schema';
import type { Ctx } from '@/lib/core/context';
import { collectOrder } from '@/lib/marketplace/advance-order';
import { createOrder } from '@/lib/marketplace/create-order';
import { categoryId, providerOrgId, serviceId } from './catalog';
import { secondProviderOrgId } from './custom-jobs';
import { demoActor } from './identity';
import { seedId } from './ids';
import { seedItemId } from './inventory';
import { demoProviderSlug } from './london-data';

type Kind = 'service_package' | 'tool_rental' | 'tool_sale' | 'material';
type Status = 'approved' | 'pending_review' | 'rejected';

interface SeedListing {
  key: string;
  org: 'thames' | 'eastend';
  kind: Kind;
  item?: string;
  service?: number;
  title: string;
  description: string;
  category: string;
  /** Sale / package price; rentals take the item's daily rate. */
  priceMinor?: bigint;
  status: Status;
  reason?: string;
  /** Days before "now" the listing was approved (ranking recency). */
  ageDays: number;
}

const LISTINGS: SeedListing[] = [
  { key: 'thames:drill-hire', org: 'thames', kind: 'tool_rental', item: 'thames:drill', title: '18V cordless drill hire', description: 'Combi drill with two batteries, charger and bits. Collect from Bermondsey or have it delivered.', category: 'tool-hire', status: 'approved', ageDays: 3 },
  { key: 'thames:washer-hire', org: 'thames', kind: 'tool_rental', item: 'thames:pressure-washer', title: 'Petrol pressure washer hire', description: '2000 W pressure washer with patio cleaner. Insured renters only.', category: 'tool-hire', status: 'approved', ageDays: 10 },
  { key: 'thames:ladder-hire', org: 'thames', kind: 'tool_rental', item: 'thames:ladders', title: 'Three-section ladder hire', description: 'Aluminium combination ladder, 3 × 9 rungs.', category: 'tool-hire', status: 'approved', ageDays: 20 },
  { key: 'thames:grout', org: 'thames', kind: 'material', item: 'thames:grout', title: 'White flexible grout, 5 kg', description: 'Wall and floor grout, sealed bags.', category: 'handyman', priceMinor: 899n, status: 'approved', ageDays: 5 },
  { key: 'thames:paint', org: 'thames', kind: 'material', item: 'thames:paint', title: 'Trade matt emulsion 5 L, white', description: 'Unopened tins.', category: 'painting-decorating', priceMinor: 2499n, status: 'approved', ageDays: 12 },
  { key: 'thames:sealant', org: 'thames', kind: 'material', item: 'thames:sealant', title: 'Anti-mould bathroom sealant', description: '310 ml cartridge.', category: 'plumbing', priceMinor: 649n, status: 'approved', ageDays: 30 },
  { key: 'thames:package-handyman', org: 'thames', kind: 'service_package', service: 2, title: 'Handyman hour: small jobs bundle', description: 'An hour of small repairs — shelves, doors, taps. Book a time that suits you.', category: 'handyman', priceMinor: 4500n, status: 'approved', ageDays: 7 },
  { key: 'thames:package-plumber', org: 'thames', kind: 'service_package', service: 0, title: 'Emergency plumber call-out', description: 'A Gas Safe plumber on site fast for leaks and blockages.', category: 'plumbing', priceMinor: 8900n, status: 'approved', ageDays: 15 },
  { key: 'thames:tile-cutter-hire', org: 'thames', kind: 'tool_rental', item: 'thames:tile-cutter', title: 'Electric wet tile cutter hire', description: 'Wet tile saw with a 600 mm rail.', category: 'tool-hire', status: 'pending_review', ageDays: 1 },
  { key: 'thames:drill-sale', org: 'thames', kind: 'tool_sale', item: 'thames:drill', title: 'Cordless drill (ex-hire) for sale', description: 'Well kept ex-hire drill.', category: 'tool-hire', priceMinor: 8900n, status: 'rejected', reason: 'Please add photos and the drill’s age and condition before it is listed for sale.', ageDays: 2 },
  { key: 'eastend:sds-hire', org: 'eastend', kind: 'tool_rental', item: 'eastend:drill', title: 'SDS hammer drill hire', description: 'For masonry and concrete.', category: 'tool-hire', status: 'approved', ageDays: 4 },
  { key: 'eastend:plaster', org: 'eastend', kind: 'material', item: 'eastend:plaster', title: 'Multi-finish plaster, 25 kg', description: 'Finishing plaster bags.', category: 'handyman', priceMinor: 1199n, status: 'approved', ageDays: 9 },
];

export const seedListingId = (key: string) => seedId(`listing:${key}`);
const DAY = 86_400_000;
const OPS = 'operations@fixnado.test';
const CUSTOMER = 'customer@fixnado.test';

export async function seedMarketplace(tx: Tx, at: Date): Promise<void> {
  const now = new Date(Math.max(Date.now(), at.getTime()));
  const orgs = { thames: providerOrgId(demoProviderSlug), eastend: secondProviderOrgId() };
  const admins = { thames: seedId('user:provider@fixnado.test'), eastend: seedId('user:provider2@fixnado.test') };
  const opsId = seedId(`user:${OPS}`);
  const itemIds = LISTINGS.flatMap((l) => (l.item ? [seedItemId(l.item)] : []));
  const items = new Map(
    (
      await tx
        .select({ id: inventoryItems.id, dailyRateMinor: inventoryItems.dailyRateMinor, currency: inventoryItems.currency })
        .from(inventoryItems)
        .where(inArray(inventoryItems.id, itemIds))
    ).map((i) => [i.id, i]),
  );
  const serviceRows = new Set(rowsOf<{ id: string }>(await tx.execute(sql`select id from services where status = 'active' and provider_org_id = ${orgs.thames}`)).map((r) => r.id));

  for (const l of LISTINGS) {
    const id = seedListingId(l.key);
    const item = l.item ? items.get(seedItemId(l.item)) : undefined;
    const svc = l.service !== undefined ? serviceId(demoProviderSlug, l.service) : undefined;
    if (l.item && !item) continue; // the inventory seed did not create it: nothing to list
    if (svc && !serviceRows.has(svc)) continue;
    const created = new Date(now.getTime() - (l.ageDays + 1) * DAY);
    const submitted = new Date(created.getTime() + 3_600_000);
    const decided = new Date(now.getTime() - l.ageDays * DAY);
    const price = l.kind === 'tool_rental' ? BigInt(item!.dailyRateMinor ?? 0n) : l.priceMinor!;
    const inserted = await tx
      .insert(listings)
      .values({
        id,
        providerOrgId: orgs[l.org],
        kind: l.kind,
        title: l.title,
        description: l.description,
        categoryId: categoryId(l.category),
        itemId: item?.id ?? null,
        serviceId: svc ?? null,
        priceMinor: price,
        currency: item?.currency.trim() ?? 'GBP',
        status: l.status,
        statusReason: l.reason ?? null,
        submittedAt: submitted,
        decidedAt: l.status === 'pending_review' ? null : decided,
        decidedBy: l.status === 'pending_review' ? null : opsId,
        createdAt: created,
        updatedAt: l.status === 'pending_review' ? submitted : decided,
      })
      .onConflictDoNothing()
      .returning({ id: listings.id });
    if (!inserted.length) continue;
    const trail: Array<{ action: string; from: Status | 'draft' | null; to: Status | 'draft'; by: string; at: Date; reason?: string }> = [
      { action: 'create', from: null, to: 'draft', by: admins[l.org], at: created },
      { action: 'submit', from: 'draft', to: 'pending_review', by: admins[l.org], at: submitted },
    ];
    if (l.status !== 'pending_review') trail.push({ action: l.status === 'approved' ? 'approve' : 'reject', from: 'pending_review', to: l.status, by: opsId, at: decided, reason: l.reason });
    await tx
      .insert(listingModerationEvents)
      .values(trail.map((e, i) => ({ id: seedId(`listing-event:${l.key}:${i}`), listingId: id, action: e.action, fromStatus: e.from, toStatus: e.to, actorUserId: e.by, reason: e.reason ?? null, createdAt: e.at })))
      .onConflictDoNothing();
  }

  // One collected purchase by customer@ (real verbs: stock move, payment, ledger, audit).
  const grout = seedListingId('thames:grout');
  const customerId = seedId(`user:${CUSTOMER}`);
  const [listed] = await tx.select({ id: listings.id }).from(listings).where(and(eq(listings.id, grout), eq(listings.status, 'approved')));
  const [already] = await tx.select({ id: orders.id }).from(orders).where(and(eq(orders.customerId, customerId), eq(orders.listingId, grout)));
  if (listed && !already) {
    const ctx = (email: string, plus: number): Ctx => ({ actor: demoActor(email), tx, requestId: 'seed-marketplace', now: new Date(now.getTime() - 2 * DAY + plus) });
    const order = await createOrder(ctx(CUSTOMER, 0), { listingId: grout, quantity: 2, fulfilment: 'pickup', paymentMethod: '4242424242424242' });
    await collectOrder(ctx('provider@fixnado.test', 3 * 3_600_000), { orderId: order.id });
  }
}

