import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { applyMove, type MoveResult } from './apply-move';
import { assertActive, inventoryOrgId, loadItemForWrite, toItemDto, type ItemDto, type ItemRow, type ITx } from './internal';
import { reasonField, recordMoveInput, type RecordMoveInput } from './schemas';
import { changeUnitStatus, lockUnit, receiveUnits } from './units-internal';

function reasonOf(input: RecordMoveInput): string {
  const r = reasonField.safeParse(input.reason);
  if (!r.success) throw validation({ reason: ['say why the stock changes (at least 3 characters)'] });
  return r.data;
}

function positive(q: number | undefined, kind: string): number {
  if (q === undefined || q <= 0) throw validation({ quantity: [`must be a whole number above 0 for a ${kind.replace('_', '-')}`] });
  return q;
}

/** Serialised stock moves per unit so on_hand keeps matching the units in stock. */
async function serialisedMove(c: ITx, item: ItemRow, input: RecordMoveInput): Promise<MoveResult[]> {
  switch (input.kind) {
    case 'receive': {
      const serials = input.serials ?? [];
      if (!serials.length) throw validation({ serials: ['give one serial number per unit received'] });
      if (input.quantity !== undefined && input.quantity !== serials.length) throw validation({ serials: [`give one serial number per unit (${input.quantity} units, ${serials.length} serials)`] });
      return (await receiveUnits(c, item, serials, input.reason || 'received')).moves;
    }
    case 'adjust':
    case 'write_off': {
      if (!input.unitId) throw validation({ unitId: ['choose the unit this applies to'] });
      const reason = reasonOf(input);
      const unit = await lockUnit(c, item.id, input.unitId);
      const to = input.kind === 'write_off' ? 'retired' : (input.quantity ?? -1) > 0 ? 'in_stock' : 'maintenance';
      const move = await changeUnitStatus(c, item, unit, to, reason);
      return move ? [move] : [];
    }
    case 'count': {
      const counted = input.countedQty ?? input.quantity;
      if (counted === undefined || counted < 0) throw validation({ countedQty: ['enter the quantity you counted (0 or more)'] });
      const reason = reasonOf(input);
      if (counted !== item.onHand) {
        // Which unit is missing or extra matters for serialised stock: the count alone cannot say.
        throw new AppError(
          'CONFLICT',
          `Counted ${counted} but ${item.onHand} units of ${item.sku} are in stock. Mark the missing units (maintenance or retire) or add the found ones by serial, then count again.`,
          { fieldErrors: { countedQty: [`${item.onHand} units are in stock; resolve the difference per unit`] }, onHand: item.onHand, counted },
        );
      }
      return [await applyMove(c, { itemId: item.id, kind: 'count', countedQty: counted, reason })];
    }
  }
}

async function bulkMove(c: ITx, item: ItemRow, input: RecordMoveInput): Promise<MoveResult[]> {
  if (input.unitId || input.serials?.length) throw validation({ unitId: ['bulk items have no units'] });
  switch (input.kind) {
    case 'receive':
      return [await applyMove(c, { itemId: item.id, kind: 'receive', onHandDelta: positive(input.quantity, 'receive'), reason: input.reason || 'received' })];
    case 'adjust': {
      if (!input.quantity) throw validation({ quantity: ['must be a whole number other than 0 (negative to remove)'] });
      return [await applyMove(c, { itemId: item.id, kind: 'adjust', onHandDelta: input.quantity, reason: reasonOf(input) })];
    }
    case 'write_off':
      return [await applyMove(c, { itemId: item.id, kind: 'write_off', onHandDelta: -positive(input.quantity, 'write_off'), reason: reasonOf(input) })];
    case 'count': {
      const counted = input.countedQty ?? input.quantity;
      if (counted === undefined || counted < 0) throw validation({ countedQty: ['enter the quantity you counted (0 or more)'] });
      // A matching count still writes a zero-delta row: evidence that the shelf was counted.
      return [await applyMove(c, { itemId: item.id, kind: 'count', onHandDelta: counted - item.onHand, countedQty: counted, reason: reasonOf(input) })];
    }
  }
}

/**
 * recordMove(ctx, { itemId, kind: receive|adjust|write_off|count, quantity?, countedQty?, unitId?,
 * serials?, reason }) — the console's stock moves, all through applyMove under the item's row
 * lock: receive (+quantity; serialised: one unit per serial), adjust ± with a reason, write-off
 * with a reason, cycle count (delta = counted − on hand, counted quantity stored). Taking stock
 * below zero or below what is reserved is a 409 saying how much there is.
 */
export async function recordMove(ctx: Ctx, raw: unknown): Promise<{ item: ItemDto; moves: Array<MoveResult & { kind: string }> }> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(recordMoveInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const item = await loadItemForWrite(c, orgId, input.itemId);
    assertActive(item, 'a stock move');
    const moves = item.tracking === 'serialised' ? await serialisedMove(c, item, input) : await bulkMove(c, item, input);
    const after = await loadItemForWrite(c, orgId, item.id);
    for (const m of moves) {
      const d = m.onHandAfter - (moves.indexOf(m) === 0 ? item.onHand : moves[moves.indexOf(m) - 1]!.onHandAfter);
      await recordAudit(c, {
        action: `inventory.${input.kind}`,
        entityType: 'inventory_item',
        entityId: item.id,
        tenantId: orgId,
        data: { moveId: m.moveId, seq: m.seq, onHandDelta: d, onHandAfter: m.onHandAfter, ...(input.kind === 'count' ? { countedQty: input.countedQty ?? input.quantity } : {}), unitId: input.unitId ?? null },
      });
      await emitEvent(c, 'inventory.stock_moved', { itemId: item.id, moveId: m.moveId, kind: input.kind, onHandDelta: d, onHandAfter: m.onHandAfter }, orgId);
    }
    return { item: toItemDto(after), moves: moves.map((m) => ({ ...m, kind: input.kind })) };
  });
}
