/**
 * Shared internals of the inventory verbs: the tenant an actor manages, the item loaded and
 * locked in that tenant (a foreign id is NOT_FOUND, never FORBIDDEN, so ids cannot be probed),
 * the item DTO and the mapping of the SKU unique index to a 409 naming the field.
 */
import { and, eq } from 'drizzle-orm';
import { pgErrorInfo, type Tx } from '@/db/client';
import { inventoryItems } from '@/db/schema';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';

export type ITx = Ctx & { tx: Tx };
export type ItemRow = typeof inventoryItems.$inferSelect;

/** The provider organisation a provider admin keeps stock for (first provider_admin membership). */
export function inventoryOrgId(actor: Actor): string {
  if (actor.kind === 'user') {
    const m = actor.memberships.find((x) => x.role === 'provider_admin' && x.orgKind === 'provider' && x.orgId);
    if (m?.orgId) return m.orgId;
  }
  throw forbidden('Only a provider admin can manage a provider’s inventory.');
}

/** The item, row-locked, when it belongs to `orgId`; NOT_FOUND otherwise. */
export async function loadItemForWrite(c: ITx, orgId: string, itemId: string): Promise<ItemRow> {
  const [row] = await c.tx
    .select()
    .from(inventoryItems)
    .where(and(eq(inventoryItems.id, itemId), eq(inventoryItems.providerOrgId, orgId)))
    .for('update');
  if (!row) throw notFound('That inventory item');
  return row;
}

export function assertActive(item: ItemRow, what: string): void {
  if (item.status === 'archived') throw new AppError('CONFLICT', `${item.sku} is archived: ${what} is not possible.`, { from: 'archived', itemId: item.id });
}

export function mapSkuViolation(sku: string) {
  return (err: unknown): never => {
    const { code, constraint } = pgErrorInfo(err);
    if (code === '23505' && (constraint === 'inventory_items_sku_key' || !constraint)) {
      throw new AppError('CONFLICT', `SKU ${sku} is already used by another of your items.`, { fieldErrors: { sku: [`${sku} is already in use`] } });
    }
    if (code === '23505' && constraint === 'inventory_units_serial_key') {
      throw new AppError('CONFLICT', 'A unit with that serial number already exists on this item.', { fieldErrors: { serials: ['a serial number is already in use'] } });
    }
    throw err;
  };
}

export interface ItemDto {
  id: string;
  providerOrgId: string;
  sku: string;
  name: string;
  description: string;
  kind: ItemRow['kind'];
  mode: ItemRow['mode'];
  tracking: ItemRow['tracking'];
  onHand: number;
  reserved: number;
  outOnRent: number;
  available: number;
  safetyStock: number;
  lowStock: boolean;
  dailyRateMinor: number | null;
  depositMinor: number;
  salePriceMinor: number | null;
  replacementCostMinor: number;
  currency: string;
  insuranceRequired: boolean;
  condition: ItemRow['condition'];
  location: string;
  status: ItemRow['status'];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Wire/UI shape: money as safe-integer minor units, dates as ISO strings. */
export function toItemDto(r: ItemRow): ItemDto {
  const available = r.onHand - r.reserved;
  return {
    id: r.id,
    providerOrgId: r.providerOrgId,
    sku: r.sku,
    name: r.name,
    description: r.description,
    kind: r.kind,
    mode: r.mode,
    tracking: r.tracking,
    onHand: r.onHand,
    reserved: r.reserved,
    outOnRent: r.outOnRent,
    available,
    safetyStock: r.safetyStock,
    lowStock: r.status === 'active' && r.safetyStock > 0 && available < r.safetyStock,
    dailyRateMinor: r.dailyRateMinor === null ? null : toWire(r.dailyRateMinor),
    depositMinor: toWire(r.depositMinor),
    salePriceMinor: r.salePriceMinor === null ? null : toWire(r.salePriceMinor),
    replacementCostMinor: toWire(r.replacementCostMinor),
    currency: r.currency.trim(),
    insuranceRequired: r.insuranceRequired,
    condition: r.condition,
    location: r.location,
    status: r.status,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Price fields a mode needs (DOMAIN.md: rental items have a daily rate, purchase items a sale
 * price, hybrid both). Fields a mode does not use are stored as null so nothing stale lingers.
 */
export function priceFieldsFor(mode: ItemRow['mode'], p: { dailyRateMinor?: number | null; salePriceMinor?: number | null }) {
  const fieldErrors: Record<string, string[]> = {};
  if (mode !== 'purchase' && (p.dailyRateMinor === undefined || p.dailyRateMinor === null)) fieldErrors.dailyRateMinor = [`is required for ${mode} items`];
  if (mode !== 'rental' && (p.salePriceMinor === undefined || p.salePriceMinor === null)) fieldErrors.salePriceMinor = [`is required for ${mode} items`];
  if (Object.keys(fieldErrors).length) {
    const summary = Object.entries(fieldErrors)
      .map(([k, v]) => `${k}: ${v[0]}`)
      .join('; ');
    throw new AppError('VALIDATION', `Please check: ${summary}.`, { fieldErrors });
  }
  return {
    dailyRateMinor: mode === 'purchase' ? null : BigInt(p.dailyRateMinor!),
    salePriceMinor: mode === 'rental' ? null : BigInt(p.salePriceMinor!),
  };
}
