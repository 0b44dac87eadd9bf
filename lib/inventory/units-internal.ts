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

/**
 * Selling serialised stock sells particular units: the oldest units in stock that no rental still
 * holds (a unit promised to an upcoming rental is not for sale) become 'sold' to the order, each
 * with its own 'sale' −1 move, so on_hand keeps matching the units in stock. The caller holds the
 * item's row lock, so two buyers cannot pick the same unit. CONFLICT when fewer are free.
 */
export async function sellUnits(c: ITx, itemId: string, quantity: number, orderId: string, reason: string): Promise<string[]> {
  const free = rowsOf<{ id: string }>(
    await c.tx.execute(sql`
      select u.id from inventory_units u
       where u.item_id = ${itemId} and u.status = 'in_stock'
         and not exists (select 1 from rental_reservations r where r.unit_id = u.id and r.active and upper(r.period) > ${c.now.toISOString()}::timestamptz)
       order by u.created_at, u.serial
       limit ${quantity}
       for update`),
  );
  if (free.length < quantity) {
    throw new AppError('CONFLICT', free.length > 0 ? `Only ${free.length} available right now.` : 'Sold out: none available right now.', { field: 'quantity', available: free.length });
  }
  for (const u of free) {
    await c.tx.update(inventoryUnits).set({ status: 'sold', soldOrderId: orderId, updatedAt: c.now }).where(eq(inventoryUnits.id, u.id));
    await applyMove(c, { itemId, kind: 'sale', onHandDelta: -1, unitId: u.id, orderId, reason });
  }
  return free.map((u) => u.id);
}

/** A refunded order's units came back: each is in stock again (a 'restock' +1 per unit). Returns how many. */
export async function restockSoldUnits(c: ITx, itemId: string, orderId: string, reason: string): Promise<number> {
  const sold = rowsOf<{ id: string }>(
    await c.tx.execute(sql`select id from inventory_units where item_id = ${itemId} and sold_order_id = ${orderId} and status = 'sold' order by serial for update`),
  );
  for (const u of sold) {
    await c.tx.update(inventoryUnits).set({ status: 'in_stock', soldOrderId: null, updatedAt: c.now }).where(eq(inventoryUnits.id, u.id));
    await applyMove(c, { itemId, kind: 'restock', onHandDelta: 1, unitId: u.id, orderId, reason });
  }
  return sold.length;
}
