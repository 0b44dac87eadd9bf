import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { inventoryOrgId, loadItemForWrite, toItemDto, type ItemDto } from './internal';
import { setUnitStatusInput } from './schemas';
import { changeUnitStatus, lockUnit } from './units-internal';

/**
 * setUnitStatus(ctx, { itemId, unitId, status: in_stock|maintenance|retired, reason }) — a unit to
 * maintenance is an adjust −1, back an adjust +1, retired a write-off −1 (see units-internal.ts).
 * A unit out on rent, or promised to a rental still ahead, cannot leave stock here.
 */
export async function setUnitStatus(ctx: Ctx, raw: unknown): Promise<{ item: ItemDto; unitId: string; status: string }> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(setUnitStatusInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const item = await loadItemForWrite(c, orgId, input.itemId);
    const unit = await lockUnit(c, item.id, input.unitId);
    const move = await changeUnitStatus(c, item, unit, input.status, input.reason);
    await recordAudit(c, {
      action: 'inventory.set_unit_status',
      entityType: 'inventory_unit',
      entityId: unit.id,
      tenantId: orgId,
      data: { itemId: item.id, from: unit.status, to: input.status, moveId: move?.moveId ?? null },
    });
    await emitEvent(c, 'inventory.item_changed', { itemId: item.id, providerOrgId: orgId, change: 'unit_status' }, orgId);
    return { item: toItemDto(await loadItemForWrite(c, orgId, item.id)), unitId: unit.id, status: input.status };
  });
}
