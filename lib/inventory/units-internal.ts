/**
 * Serialised units and the stock counters move together: a unit that joins stock is a `receive`
 * +1 with its unit id, a unit sent to maintenance an `adjust` −1, one back from maintenance an
 * `adjust` +1 and a retired unit a `write_off` −1 (only when it was still counted as on hand).
 * That keeps on_hand = units in_stock, which reconciliation checks.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { inventoryUnits } from '@/db/schema';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { applyMove, type MoveResult } from './apply-move';
import { mapSkuViolation, type ItemRow, type ITx } from './internal';

export type UnitRow = typeof inventoryUnits.$inferSelect;

export function assertDistinctSerials(serials: string[], field = 'serials'): void {
  const seen = new Set<string>();
  for (const s of serials) {
    if (seen.has(s)) throw validation({ [field]: [`${s} is listed twice`] });
    seen.add(s);
  }
}

/** Inserts the units and receives each (+1) in the caller's transaction; returns their ids. */
export async function receiveUnits(c: ITx, item: ItemRow, serials: string[], reason: string): Promise<{ unitIds: string[]; moves: MoveResult[] }> {
  assertDistinctSerials(serials);
  const unitIds: string[] = [];
  const moves: MoveResult[] = [];
  for (const serial of serials) {
    const id = newId();
    await c.tx
      .insert(inventoryUnits)
      .values({ id, itemId: item.id, serial, status: 'in_stock', condition: item.condition, createdAt: c.now, updatedAt: c.now })
      .catch(mapSkuViolation(item.sku));
    unitIds.push(id);
    moves.push(await applyMove(c, { itemId: item.id, kind: 'receive', onHandDelta: 1, unitId: id, reason }));
  }
  return { unitIds, moves };
}

export async function lockUnit(c: ITx, itemId: string, unitId: string): Promise<UnitRow> {
  const [u] = await c.tx
    .select()
    .from(inventoryUnits)
    .where(and(eq(inventoryUnits.id, unitId), eq(inventoryUnits.itemId, itemId)))
    .for('update');
  if (!u) throw notFound('That unit');
  return u;
}

/** A unit promised to a rental whose window has not ended cannot leave stock. */
async function assertNoLiveReservation(c: ITx, unit: UnitRow): Promise<void> {
  const [r] = rowsOf<{ n: number }>(
    await c.tx.execute(sql`select count(*)::int as n from rental_reservations where unit_id = ${unit.id} and active and upper(period) > ${c.now.toISOString()}::timestamptz`),
  );
  if (r && r.n > 0) throw new AppError('CONFLICT', `Unit ${unit.serial} is reserved for a rental; cancel or move that rental first.`, { unitId: unit.id, from: unit.status });
}

/**
 * Moves a unit between in_stock, maintenance and retired with the matching stock move.
 * A unit out on rent cannot change here (the rental's return does that).
 */
export async function changeUnitStatus(c: ITx, item: ItemRow, unit: UnitRow, to: 'in_stock' | 'maintenance' | 'retired', reason: string): Promise<MoveResult | null> {
  const from = unit.status;
  if (from === to) throw new AppError('CONFLICT', `Unit ${unit.serial} is already ${to.replace('_', ' ')}.`, { from, to });
  if (from === 'out') throw new AppError('CONFLICT', `Unit ${unit.serial} is out on rent; it can change only after it is returned.`, { from, to });
  if (from === 'retired') throw new AppError('CONFLICT', `Unit ${unit.serial} is retired; add it again as a new unit if it came back.`, { from, to });
  let move: MoveResult | null = null;
  if (from === 'in_stock') {
    await assertNoLiveReservation(c, unit);
    move = await applyMove(c, { itemId: item.id, kind: to === 'retired' ? 'write_off' : 'adjust', onHandDelta: -1, unitId: unit.id, reason });
  } else if (from === 'maintenance' && to === 'in_stock') {
    move = await applyMove(c, { itemId: item.id, kind: 'adjust', onHandDelta: 1, unitId: unit.id, reason });
  }
  // maintenance → retired: the unit already left on_hand when it went to maintenance.
  await c.tx.update(inventoryUnits).set({ status: to, updatedAt: c.now }).where(eq(inventoryUnits.id, unit.id));
  return move;
}
