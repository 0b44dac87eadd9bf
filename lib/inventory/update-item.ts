import { and, eq } from 'drizzle-orm';
import { inventoryItems } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { evaluateLowStock } from './apply-move';
import { assertActive, inventoryOrgId, loadItemForWrite, mapSkuViolation, priceFieldsFor, toItemDto, type ItemDto, type ItemRow } from './internal';
import { updateItemInput } from './schemas';

const plain = ['sku', 'name', 'description', 'kind', 'mode', 'safetyStock', 'currency', 'insuranceRequired', 'condition', 'location'] as const;
const money = ['depositMinor', 'replacementCostMinor'] as const;

export function staleVersion(item: ItemRow, sent: number): AppError {
  return new AppError('CONFLICT', `${item.sku} was changed by someone else since you opened it (version ${sent}, now ${item.version}). Reload and try again.`, {
    itemId: item.id,
    version: item.version,
  });
}

/**
 * updateItem(ctx, { itemId, version, …fields }) — edits the item's description and prices, never
 * its counters or tracking. `version` is the one the editor loaded: a stale one is a 409, so two
 * people editing at once never overwrite each other silently. Changing the safety stock
 * re-evaluates the low-stock alert in the same transaction.
 */
export async function updateItem(ctx: Ctx, raw: unknown): Promise<ItemDto> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(updateItemInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const item = await loadItemForWrite(c, orgId, input.itemId);
    if (item.version !== input.version) throw staleVersion(item, input.version);
    assertActive(item, 'editing');
    const set: Partial<typeof inventoryItems.$inferInsert> = {};
    const changed: string[] = [];
    for (const key of plain) {
      const value = input[key];
      const current = key === 'currency' ? item.currency.trim() : item[key];
      if (value !== undefined && value !== current) {
        (set as Record<string, unknown>)[key] = value;
        changed.push(key);
      }
    }
    for (const key of money) {
      const value = input[key];
      if (value !== undefined && BigInt(value) !== item[key]) {
        set[key] = BigInt(value);
        changed.push(key);
      }
    }
    const mode = input.mode ?? item.mode;
    const prices = priceFieldsFor(mode, {
      dailyRateMinor: input.dailyRateMinor !== undefined ? input.dailyRateMinor : item.dailyRateMinor === null ? null : Number(item.dailyRateMinor),
      salePriceMinor: input.salePriceMinor !== undefined ? input.salePriceMinor : item.salePriceMinor === null ? null : Number(item.salePriceMinor),
    });
    if (prices.dailyRateMinor !== item.dailyRateMinor) {
      set.dailyRateMinor = prices.dailyRateMinor;
      changed.push('dailyRateMinor');
    }
    if (prices.salePriceMinor !== item.salePriceMinor) {
      set.salePriceMinor = prices.salePriceMinor;
      changed.push('salePriceMinor');
    }
    if (!changed.length) return toItemDto(item);
    // Minor units mean different amounts in different currencies: never reinterpret stored prices.
    if (set.currency !== undefined && !['dailyRateMinor', 'salePriceMinor', 'depositMinor', 'replacementCostMinor'].some((k) => input[k as keyof typeof input] !== undefined)) {
      throw new AppError('VALIDATION', 'Please check: prices must be re-entered when the currency changes.', { fieldErrors: { currency: ['re-enter the prices when the currency changes'] } });
    }
    set.version = item.version + 1;
    set.updatedAt = c.now;
    const [updated] = await c.tx
      .update(inventoryItems)
      .set(set)
      .where(and(eq(inventoryItems.id, item.id), eq(inventoryItems.version, item.version)))
      .returning()
      .catch(mapSkuViolation(input.sku ?? item.sku));
    if (!updated) throw staleVersion(item, input.version);
    if (changed.includes('safetyStock')) await evaluateLowStock(c, updated);
    await recordAudit(c, {
      action: 'inventory.update_item',
      entityType: 'inventory_item',
      entityId: item.id,
      tenantId: orgId,
      data: { fields: changed, version: updated.version, ...(changed.includes('sku') ? { previousSku: item.sku } : {}) },
    });
    await emitEvent(c, 'inventory.item_changed', { itemId: item.id, providerOrgId: orgId, change: 'updated' }, orgId);
    return toItemDto(updated);
  });
}
