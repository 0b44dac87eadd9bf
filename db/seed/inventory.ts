/**
 * Inventory demo data. Thames Home Services (provider@) keeps a mixed stock — serialised drills,
 * a pressure washer and tile cutters for rent, bulk ladders, grout and paint — with one material
 * below its safety stock (so a low-stock alert shows) and one archived item; East End Handyman
 * (provider2@) has three items. Items and units get deterministic ids (seedItemId / seedUnitId)
 * so the marketplace and rentals seeds can find them; every counter change goes through applyMove
 * (opening receives) or the console verb recordMove (a write-off with its reason), so on hand =
 * Σ moves from the start. Re-runnable: an item that already exists is skipped whole.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../client';
import { inventoryItems, inventoryUnits, memberships } from '../schema';
import type { Ctx, UserActor } from '@/lib/core/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { applyMove } from '@/lib/inventory/apply-move';
import { archiveItem } from '@/lib/inventory/archive-item';
import { recordMove } from '@/lib/inventory/record-move';
import { providerOrgId } from './catalog';
import { SECOND_PROVIDER, secondProviderOrgId } from './custom-jobs';
import { demoActor } from './identity';
import { seedId } from './ids';
import { demoProviderSlug } from './london-data';

interface SeedItem {
  key: string;
  sku: string;
  name: string;
  description: string;
  kind: 'tool' | 'material';
  mode: 'purchase' | 'rental' | 'hybrid';
  /** Serial numbers (serialised items) or a bulk quantity. */
  serials?: string[];
  quantity?: number;
  safetyStock?: number;
  dailyRateMinor?: bigint;
  depositMinor?: bigint;
  salePriceMinor?: bigint;
  replacementCostMinor: bigint;
  insuranceRequired?: boolean;
  condition?: 'new' | 'good' | 'fair' | 'worn';
  location: string;
  /** A console write-off after the opening receive, so the history shows a reasoned move. */
  writeOff?: { quantity: number; reason: string };
  archived?: boolean;
}

const THAMES_ITEMS: SeedItem[] = [
  { key: 'thames:drill', sku: 'THS-DRILL-18V', name: '18V cordless drill', description: 'Combi drill with two batteries, charger and a bit set.', kind: 'tool', mode: 'hybrid', serials: ['DRL-0001', 'DRL-0002', 'DRL-0003'], dailyRateMinor: 1800n, depositMinor: 6000n, salePriceMinor: 12900n, replacementCostMinor: 15000n, location: 'Van shelf A' },
  { key: 'thames:pressure-washer', sku: 'THS-PWASH-2000', name: 'Pressure washer 2000 W', description: 'Petrol pressure washer with patio cleaner; insured renters only.', kind: 'tool', mode: 'rental', serials: ['PW-0001'], dailyRateMinor: 3500n, depositMinor: 15000n, replacementCostMinor: 42000n, insuranceRequired: true, location: 'Yard store' },
  { key: 'thames:ladders', sku: 'THS-LADDER-3S', name: 'Three-section ladder', description: 'Aluminium 3 × 9 rung combination ladder.', kind: 'tool', mode: 'rental', quantity: 7, writeOff: { quantity: 1, reason: 'Cracked rung found at inspection' }, dailyRateMinor: 1200n, depositMinor: 5000n, replacementCostMinor: 18000n, safetyStock: 2, location: 'Yard store' },
  { key: 'thames:tile-cutter', sku: 'THS-TILECUT', name: 'Electric tile cutter', description: 'Wet tile saw, 600 mm rail.', kind: 'tool', mode: 'rental', serials: ['TC-0001', 'TC-0002'], dailyRateMinor: 2000n, depositMinor: 8000n, replacementCostMinor: 25000n, location: 'Van shelf B' },
  { key: 'thames:grout', sku: 'THS-GROUT-5KG', name: 'Grout bag 5 kg (white)', description: 'Flexible wall and floor grout.', kind: 'material', mode: 'purchase', quantity: 40, safetyStock: 10, salePriceMinor: 899n, replacementCostMinor: 550n, condition: 'new', location: 'Store room bay 2' },
  { key: 'thames:paint', sku: 'THS-PAINT-5L', name: 'Trade emulsion 5 L (white)', description: 'Matt emulsion; unopened tins can be hired for a job and returned.', kind: 'material', mode: 'hybrid', quantity: 25, safetyStock: 5, dailyRateMinor: 300n, depositMinor: 2000n, salePriceMinor: 2499n, replacementCostMinor: 1800n, condition: 'new', location: 'Store room bay 3' },
  { key: 'thames:sealant', sku: 'THS-SEALANT', name: 'Bathroom silicone sealant', description: 'Anti-mould silicone, 310 ml cartridge.', kind: 'material', mode: 'purchase', quantity: 3, safetyStock: 10, salePriceMinor: 649n, replacementCostMinor: 400n, condition: 'new', location: 'Store room bay 1' },
  { key: 'thames:old-sander', sku: 'THS-SANDER-OLD', name: 'Belt sander (retired model)', description: 'Replaced by the orbital sander; kept for the records.', kind: 'tool', mode: 'rental', quantity: 0, dailyRateMinor: 1500n, depositMinor: 5000n, replacementCostMinor: 9000n, condition: 'worn', location: '', archived: true },
];

const SECOND_ITEMS: SeedItem[] = [
  { key: 'eastend:drill', sku: 'EEH-SDS-DRILL', name: 'SDS hammer drill', description: 'For masonry; two units.', kind: 'tool', mode: 'hybrid', serials: ['EEH-SDS-1', 'EEH-SDS-2'], dailyRateMinor: 2200n, depositMinor: 7000n, salePriceMinor: 15900n, replacementCostMinor: 17000n, location: 'Workshop' },
  { key: 'eastend:plaster', sku: 'EEH-PLASTER-25', name: 'Multi-finish plaster 25 kg', description: 'Finishing plaster.', kind: 'material', mode: 'purchase', quantity: 30, safetyStock: 8, salePriceMinor: 1199n, replacementCostMinor: 800n, condition: 'new', location: 'Workshop' },
  { key: 'eastend:mixer', sku: 'EEH-MIXER', name: 'Cement mixer 140 L', description: 'Electric site mixer.', kind: 'tool', mode: 'rental', quantity: 1, dailyRateMinor: 2800n, depositMinor: 10000n, replacementCostMinor: 30000n, location: 'Yard' },
];

/** Deterministic id of a seeded item, e.g. seedItemId('thames:drill') — for the marketplace and rentals seeds. */
export const seedItemId = (key: string) => seedId(`item:${key}`);
/** Deterministic id of a seeded unit, e.g. seedUnitId('thames:drill', 'DRL-0001'). */
export const seedUnitId = (key: string, serial: string) => seedId(`unit:${key}:${serial}`);
/** Keys of the seeded items (provider@ first, then provider2@). */
export const SEED_ITEM_KEYS = [...THAMES_ITEMS, ...SECOND_ITEMS].map((i) => i.key);

function secondProviderActor(): UserActor {
  const orgId = secondProviderOrgId();
  return {
    kind: 'user',
    userId: seedId(`user:${SECOND_PROVIDER.admin.email}`),
    email: SECOND_PROVIDER.admin.email,
    name: SECOND_PROVIDER.admin.name,
    roles: ['customer', 'provider_admin'],
    memberships: [
      { orgId: null, orgKind: null, orgName: null, role: 'customer', expiresAt: null },
      { orgId, orgKind: 'provider', orgName: 'East End Handyman', role: 'provider_admin', expiresAt: null },
    ],
    providerId: orgId,
    enterpriseId: null,
  };
}

async function seedItem(tx: Tx, ctx: Ctx & { tx: Tx }, orgId: string, s: SeedItem): Promise<void> {
  const id = seedItemId(s.key);
  const [exists] = await tx.select({ id: inventoryItems.id }).from(inventoryItems).where(eq(inventoryItems.id, id));
  if (exists) return;
  await tx.insert(inventoryItems).values({
    id,
    providerOrgId: orgId,
    sku: s.sku,
    name: s.name,
    description: s.description,
    kind: s.kind,
    mode: s.mode,
    tracking: s.serials ? 'serialised' : 'bulk',
    safetyStock: s.safetyStock ?? 0,
    dailyRateMinor: s.mode === 'purchase' ? null : s.dailyRateMinor!,
    depositMinor: s.depositMinor ?? 0n,
    salePriceMinor: s.mode === 'rental' ? null : s.salePriceMinor!,
    replacementCostMinor: s.replacementCostMinor,
    currency: 'GBP',
    insuranceRequired: s.insuranceRequired ?? false,
    condition: s.condition ?? 'good',
    location: s.location,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (s.serials) {
    for (const serial of s.serials) {
      const unitId = seedUnitId(s.key, serial);
      await tx.insert(inventoryUnits).values({ id: unitId, itemId: id, serial, status: 'in_stock', condition: s.condition ?? 'good', createdAt: ctx.now, updatedAt: ctx.now });
      await applyMove(ctx, { itemId: id, kind: 'receive', onHandDelta: 1, unitId, reason: 'opening stock' });
    }
  } else if (s.quantity) {
    await applyMove(ctx, { itemId: id, kind: 'receive', onHandDelta: s.quantity, reason: 'opening stock' });
  }
  await recordAudit(ctx, { action: 'inventory.create_item', entityType: 'inventory_item', entityId: id, tenantId: orgId, data: { sku: s.sku, seeded: true } });
  if (s.writeOff) await recordMove(ctx, { itemId: id, kind: 'write_off', quantity: s.writeOff.quantity, reason: s.writeOff.reason });
  if (s.archived) await archiveItem(ctx, { itemId: id });
}

export async function seedInventory(tx: Tx, at: Date): Promise<void> {
  const thames = providerOrgId(demoProviderSlug);
  const thamesCtx = { actor: demoActor('provider@fixnado.test'), tx, requestId: 'seed-inventory', now: at };
  for (const s of THAMES_ITEMS) await seedItem(tx, thamesCtx, thames, s);

  // provider2@ is created by the custom-jobs seed; without it there is nobody to own these items.
  const second = secondProviderOrgId();
  const [admin] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.orgId, second));
  if (!admin) return;
  const secondCtx = { actor: secondProviderActor(), tx, requestId: 'seed-inventory', now: at };
  for (const s of SECOND_ITEMS) await seedItem(tx, secondCtx, second, s);
}
