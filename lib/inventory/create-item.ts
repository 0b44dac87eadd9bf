import { inventoryItems } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { applyMove, evaluateLowStock } from './apply-move';
import { inventoryOrgId, loadItemForWrite, mapSkuViolation, priceFieldsFor, toItemDto, type ItemDto } from './internal';
import { createItemInput } from './schemas';
import { receiveUnits } from './units-internal';

/**
 * createItem(ctx, input) — a provider admin adds a tool or material to their own stock. The
 * opening quantity is a `receive` move (one per unit for serialised items, each unit with its own
 * serial; without serials they are numbered SKU-001…), so on_hand = Σ moves from the first row.
 * A SKU already used by the provider is a 409 naming `sku`.
 */
export async function createItem(ctx: Ctx, raw: unknown): Promise<ItemDto> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(createItemInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  const prices = priceFieldsFor(input.mode, input);
  let serials: string[] = [];
  if (input.tracking === 'serialised') {
    if (input.serials.length && input.openingQuantity && input.serials.length !== input.openingQuantity) {
      throw validation({ serials: [`give one serial number per unit (${input.openingQuantity} units, ${input.serials.length} serials)`] });
    }
    serials = input.serials.length ? input.serials : Array.from({ length: input.openingQuantity }, (_, i) => `${input.sku}-${String(i + 1).padStart(3, '0')}`);
  } else if (input.serials.length) {
    throw validation({ serials: ['bulk items have no serial numbers'] });
  }
  return withTx(ctx, async (c) => {
    const id = newId();
    await c.tx
      .insert(inventoryItems)
      .values({
        id,
        providerOrgId: orgId,
        sku: input.sku,
        name: input.name,
        description: input.description,
        kind: input.kind,
        mode: input.mode,
        tracking: input.tracking,
        safetyStock: input.safetyStock,
        dailyRateMinor: prices.dailyRateMinor,
        depositMinor: BigInt(input.depositMinor),
        salePriceMinor: prices.salePriceMinor,
        replacementCostMinor: BigInt(input.replacementCostMinor),
        currency: input.currency,
        insuranceRequired: input.insuranceRequired,
        condition: input.condition,
        location: input.location,
        createdAt: c.now,
        updatedAt: c.now,
      })
      .catch(mapSkuViolation(input.sku));
    let item = await loadItemForWrite(c, orgId, id);
    if (input.tracking === 'serialised') {
      await receiveUnits(c, item, serials, 'opening stock');
    } else if (input.openingQuantity > 0) {
      await applyMove(c, { itemId: id, kind: 'receive', onHandDelta: input.openingQuantity, reason: 'opening stock' });
    } else if (input.safetyStock > 0) {
      // No stock yet but a safety level: the low-stock alert opens from the start.
      await evaluateLowStock(c, item);
    }
    item = await loadItemForWrite(c, orgId, id);
    await recordAudit(c, {
      action: 'inventory.create_item',
      entityType: 'inventory_item',
      entityId: id,
      tenantId: orgId,
      data: { sku: item.sku, kind: item.kind, mode: item.mode, tracking: item.tracking, openingQuantity: item.onHand },
    });
    await emitEvent(c, 'inventory.item_changed', { itemId: id, providerOrgId: orgId, change: 'created' }, orgId);
    return toItemDto(item);
  });
}
