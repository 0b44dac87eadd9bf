import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { assertActive, inventoryOrgId, loadItemForWrite, toItemDto, type ItemDto } from './internal';
import { addUnitsInput } from './schemas';
import { receiveUnits } from './units-internal';

/** addUnits(ctx, { itemId, serials, reason? }) — new serialised units, each received (+1) with its serial. */
export async function addUnits(ctx: Ctx, raw: unknown): Promise<{ item: ItemDto; unitIds: string[] }> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(addUnitsInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const item = await loadItemForWrite(c, orgId, input.itemId);
    assertActive(item, 'adding units');
    if (item.tracking !== 'serialised') throw new AppError('CONFLICT', `${item.sku} is tracked in bulk: receive a quantity instead of units.`, { tracking: item.tracking });
    const { unitIds, moves } = await receiveUnits(c, item, input.serials, input.reason || 'units added');
    await recordAudit(c, { action: 'inventory.add_units', entityType: 'inventory_item', entityId: item.id, tenantId: orgId, data: { unitIds, moveIds: moves.map((m) => m.moveId) } });
    await emitEvent(c, 'inventory.item_changed', { itemId: item.id, providerOrgId: orgId, change: 'unit_added' }, orgId);
    return { item: toItemDto(await loadItemForWrite(c, orgId, item.id)), unitIds };
  });
}
