/**
 * The one way stock changes (DOMAIN.md "Inventory and rentals"). applyMove locks the item row,
 * computes the new counters, refuses a move that would break a rule with a clear CONFLICT (the
 * database CHECKs stay the safety net), writes the counters and an append-only move row carrying
 * the balances after it, then re-evaluates the low-stock alert — all in the caller's transaction.
 * Every domain that touches stock (inventory console, rentals, orders) calls this; none updates
 * the counters itself.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import { inventoryMoves } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import type { Ctx } from '@/lib/core/context';

export type MoveKind = (typeof inventoryMoves.kind.enumValues)[number];

export interface MoveInput {
  itemId: string;
  kind: MoveKind;
  onHandDelta?: number;
  reservedDelta?: number;
  outDelta?: number;
  unitId?: string | null;
  rentalId?: string | null;
  orderId?: string | null;
  reason?: string;
  countedQty?: number | null;
}

export interface LockedItem {
  id: string;
  providerOrgId: string;
  sku: string;
  name: string;
  tracking: 'serialised' | 'bulk';
  onHand: number;
  reserved: number;
  outOnRent: number;
  safetyStock: number;
  status: 'active' | 'archived';
}

export interface MoveResult {
  moveId: string;
  seq: number;
  onHandAfter: number;
  reservedAfter: number;
  outAfter: number;
}

/** Locks an item row (FOR UPDATE) and returns its counters; NOT_FOUND if missing. */
export async function lockItem(tx: Tx, itemId: string): Promise<LockedItem> {
  const [row] = rowsOf<{
    id: string;
    provider_org_id: string;
    sku: string;
    name: string;
    tracking: 'serialised' | 'bulk';
    on_hand: number;
    reserved: number;
    out_on_rent: number;
    safety_stock: number;
    status: 'active' | 'archived';
  }>(
    await tx.execute(sql`
      select id, provider_org_id, sku, name, tracking, on_hand, reserved, out_on_rent, safety_stock, status
      from inventory_items where id = ${itemId} for update`),
  );
  if (!row) throw new AppError('NOT_FOUND', 'That inventory item was not found.');
  return {
    id: row.id,
    providerOrgId: row.provider_org_id,
    sku: row.sku,
    name: row.name,
    tracking: row.tracking,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    outOnRent: Number(row.out_on_rent),
    safetyStock: Number(row.safety_stock),
    status: row.status,
  };
}

/** Available to promise right now: on hand minus what is set aside for pickups. */
export const availableNow = (i: Pick<LockedItem, 'onHand' | 'reserved'>) => i.onHand - i.reserved;

/**
 * Applies one move to an item the caller may already have locked (locking again in the same
 * transaction is free). Throws CONFLICT naming the counter when the move is impossible.
 */
export async function applyMove(ctx: Ctx & { tx: Tx }, m: MoveInput): Promise<MoveResult> {
  const item = await lockItem(ctx.tx, m.itemId);
  const dOn = m.onHandDelta ?? 0;
  const dRes = m.reservedDelta ?? 0;
  const dOut = m.outDelta ?? 0;
  for (const [name, v] of [
    ['onHandDelta', dOn],
    ['reservedDelta', dRes],
    ['outDelta', dOut],
  ] as const) {
    if (!Number.isSafeInteger(v)) throw new Error(`inventory move ${name} must be an integer`);
  }
  if (dOn === 0 && dRes === 0 && dOut === 0 && m.kind !== 'count') throw new Error('an inventory move must change a counter');
  const onHand = item.onHand + dOn;
  const reserved = item.reserved + dRes;
  const out = item.outOnRent + dOut;
  if (onHand < 0) {
    throw new AppError('CONFLICT', `Only ${item.onHand} of ${item.sku} on hand; this would take it below zero.`, { itemId: item.id, field: 'quantity', onHand: item.onHand });
  }
  if (reserved < 0) throw new AppError('CONFLICT', `Only ${item.reserved} of ${item.sku} reserved; nothing more to release.`, { itemId: item.id, reserved: item.reserved });
  if (reserved > onHand) {
    throw new AppError('CONFLICT', `Only ${availableNow(item)} of ${item.sku} available on hand (${item.reserved} already reserved).`, {
      itemId: item.id,
      field: 'quantity',
      onHand: item.onHand,
      reserved: item.reserved,
    });
  }
  if (out < 0) throw new AppError('CONFLICT', `Only ${item.outOnRent} of ${item.sku} out on rent.`, { itemId: item.id });
  const reason = (m.reason ?? '').trim();
  if ((m.kind === 'adjust' || m.kind === 'write_off' || m.kind === 'count') && reason.length < 3) {
    throw new AppError('VALIDATION', 'Give a reason for this stock change.', { fieldErrors: { reason: ['Say why the stock changes (at least 3 characters).'] } });
  }

  await ctx.tx.execute(sql`
    update inventory_items set on_hand = ${onHand}, reserved = ${reserved}, out_on_rent = ${out}, updated_at = ${ctx.now.toISOString()}::timestamptz
    where id = ${item.id}`);
  const id = newId();
  const [ins] = await ctx.tx
    .insert(inventoryMoves)
    .values({
      id,
      itemId: item.id,
      providerOrgId: item.providerOrgId,
      kind: m.kind,
      onHandDelta: dOn,
      reservedDelta: dRes,
      outDelta: dOut,
      onHandAfter: onHand,
      reservedAfter: reserved,
      outAfter: out,
      unitId: m.unitId ?? null,
      rentalId: m.rentalId ?? null,
      orderId: m.orderId ?? null,
      reason,
      countedQty: m.countedQty ?? null,
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: ctx.now,
    })
    .returning({ seq: inventoryMoves.seq });
  await evaluateLowStock(ctx, { ...item, onHand, reserved, outOnRent: out });
  return { moveId: id, seq: ins!.seq, onHandAfter: onHand, reservedAfter: reserved, outAfter: out };
}

/**
 * Low stock (DOMAIN.md): available (on hand − reserved) below safety stock opens a warning,
 * at ≤ 0 it is critical; the alert escalates or calms with the stock and resolves itself when
 * stock recovers. Items with no safety stock never alert. An acknowledged alert keeps its status
 * while it calms or stays the same, but an escalation to critical re-opens it: the provider
 * acknowledged a warning, not an empty shelf.
 */
export async function evaluateLowStock(ctx: Ctx & { tx: Tx }, item: LockedItem): Promise<void> {
  const available = availableNow(item);
  const low = item.status === 'active' && item.safetyStock > 0 && available < item.safetyStock;
  if (!low) {
    await ctx.tx.execute(sql`
      update inventory_alerts set status = 'resolved', resolved_at = ${ctx.now.toISOString()}::timestamptz, auto_resolved = true,
        resolution_note = 'Stock recovered', updated_at = ${ctx.now.toISOString()}::timestamptz
      where item_id = ${item.id} and kind = 'low_stock' and status <> 'resolved'`);
    return;
  }
  const severity = available <= 0 ? 'critical' : 'warning';
  const detail = `${available} available, safety stock ${item.safetyStock}`;
  await ctx.tx.execute(sql`
    insert into inventory_alerts (id, item_id, provider_org_id, kind, severity, status, detail, opened_at, created_at, updated_at)
    values (${newId()}, ${item.id}, ${item.providerOrgId}, 'low_stock', ${severity}, 'open', ${detail}, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz)
    on conflict (item_id, kind, coalesce(rental_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status <> 'resolved'
    do update set severity = excluded.severity, detail = excluded.detail, updated_at = excluded.updated_at,
      status = case when inventory_alerts.severity = 'warning' and excluded.severity = 'critical' then 'open'::inventory_alert_status else inventory_alerts.status end,
      acknowledged_at = case when inventory_alerts.severity = 'warning' and excluded.severity = 'critical' then null else inventory_alerts.acknowledged_at end,
      acknowledged_by = case when inventory_alerts.severity = 'warning' and excluded.severity = 'critical' then null else inventory_alerts.acknowledged_by end`);
}
