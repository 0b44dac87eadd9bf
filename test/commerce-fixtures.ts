/**
 * Shared set-up for inventory, marketplace and rentals tests: an approved seller (documents
 * inserted as an operations review would leave them), a stocked item and an approved listing.
 * Written straight to the database on purpose — the verbs that make them have their own tests.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { complianceDocuments, inventoryItems, inventoryUnits, listings, storedFiles } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { applyMove } from '@/lib/inventory/apply-move';
import { REQUIRED_PROVIDER_DOCS, type DocType } from '@/lib/compliance/status';
import { around, cover, makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { makeUser } from './factories';

const day = (d: Date, plus: number) => new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

export async function makeStoredFile(purpose: 'compliance_document' | 'listing_photo' | 'rental_photo' = 'compliance_document') {
  const id = newId();
  await db().insert(storedFiles).values({ id, purpose, storageKey: `test/${id}`, originalName: 'doc.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: createHash('sha256').update(id).digest('hex') });
  return id;
}

/** Approved, in-date documents for every required type (valid from `at − 30 d` to `at + validDays`). */
export async function approveSeller(orgId: string, at = new Date(), opts: { validDays?: number; types?: readonly DocType[] } = {}) {
  for (const docType of opts.types ?? REQUIRED_PROVIDER_DOCS) {
    await db()
      .insert(complianceDocuments)
      .values({ providerOrgId: orgId, docType, fileId: await makeStoredFile(), issuedOn: day(at, -30), expiresOn: day(at, opts.validDays ?? 365), status: 'approved', reviewedAt: at });
  }
}

export interface ItemOpts {
  sku?: string;
  tracking?: 'serialised' | 'bulk';
  mode?: 'purchase' | 'rental' | 'hybrid';
  kind?: 'tool' | 'material';
  quantity?: number;
  dailyRateMinor?: bigint;
  depositMinor?: bigint;
  salePriceMinor?: bigint | null;
  safetyStock?: number;
  insuranceRequired?: boolean;
  currency?: string;
}

let n = 0;
/** An item with `quantity` units received (serialised items get units SN-1…SN-q). */
export async function makeItem(orgId: string, o: ItemOpts = {}) {
  const id = newId();
  const tracking = o.tracking ?? 'bulk';
  const mode = o.mode ?? 'hybrid';
  await db()
    .insert(inventoryItems)
    .values({
      id,
      providerOrgId: orgId,
      sku: o.sku ?? `SKU-${Date.now().toString(36)}-${n++}`,
      name: 'Test drill',
      kind: o.kind ?? 'tool',
      mode,
      tracking,
      safetyStock: o.safetyStock ?? 0,
      dailyRateMinor: mode === 'purchase' ? null : (o.dailyRateMinor ?? 2500n),
      depositMinor: o.depositMinor ?? 10000n,
      salePriceMinor: mode === 'rental' ? null : (o.salePriceMinor ?? 9900n),
      replacementCostMinor: 15000n,
      currency: o.currency ?? 'GBP',
      insuranceRequired: o.insuranceRequired ?? false,
    });
  const qty = o.quantity ?? 1;
  const unitIds: string[] = [];
  if (tracking === 'serialised') {
    for (let i = 1; i <= qty; i++) {
      const uid = newId();
      unitIds.push(uid);
      await db().insert(inventoryUnits).values({ id: uid, itemId: id, serial: `SN-${i}` });
    }
  }
  if (qty > 0) {
    await db().transaction((tx) =>
      applyMove({ actor: { kind: 'system', job: 'test', roles: [] }, tx, requestId: 'fixture', now: new Date() }, { itemId: id, kind: 'receive', onHandDelta: qty, reason: 'opening stock' }),
    );
  }
  return { id, unitIds };
}

/** An approved listing over an item (or a service for a service package). */
export async function makeListing(orgId: string, o: { itemId?: string; serviceId?: string; kind?: 'tool_rental' | 'tool_sale' | 'material' | 'service_package'; priceMinor?: bigint; currency?: string; status?: 'approved' | 'draft' | 'pending_review' } = {}) {
  const id = newId();
  await db()
    .insert(listings)
    .values({
      id,
      providerOrgId: orgId,
      kind: o.kind ?? 'tool_rental',
      title: 'Test listing',
      itemId: o.itemId ?? null,
      serviceId: o.serviceId ?? null,
      priceMinor: o.priceMinor ?? 2500n,
      currency: o.currency ?? 'GBP',
      status: o.status ?? 'approved',
      submittedAt: new Date(),
      decidedAt: o.status === 'approved' || !o.status ? new Date() : null,
    });
  return id;
}

/** Counters of an item, read fresh. */
export async function itemCounters(itemId: string) {
  const r = await db().execute(sql`select on_hand, reserved, out_on_rent from inventory_items where id = ${itemId}`);
  const row = rowsOf<{ on_hand: number; reserved: number; out_on_rent: number }>(r)[0]!;
  return { onHand: Number(row.on_hand), reserved: Number(row.reserved), out: Number(row.out_on_rent) };
}

/**
 * A seller the marketplace can show: a provider admin and its organisation with a category, an
 * active service covering a fresh platform zone, and (unless `approve: false`) approved documents.
 */
export async function makeSeller(opts: { approve?: boolean; at?: Date; validDays?: number } = {}) {
  const admin = await makeUser(['provider_admin']);
  const orgId = admin.orgs.provider!;
  const platform = await makeUser(['operations']);
  const cat = await makeCategory();
  const serviceId = await makeService({ providerOrgId: orgId, categoryId: cat.id });
  const zone = await makeZone({ ownerOrgId: platform.orgs.platform!, box: around(-0.1 + Math.random(), 51.5, 0.01) });
  await cover({ providerOrgId: orgId, zoneId: zone.id, serviceId });
  if (opts.approve !== false) await approveSeller(orgId, opts.at ?? new Date(), { validDays: opts.validDays });
  return { adminId: admin.id, orgId, serviceId, zone, categoryId: cat.id, opsId: platform.id };
}
