/**
 * Reads of inventory, always inside the caller's provider (a foreign item is NOT_FOUND).
 * Operations (inventory.read_all) read any provider only through the reconciliation report.
 */
import { and, asc, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { inventoryAlerts, inventoryItems, inventoryMoves, inventoryUnits, orders, users } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { inventoryOrgId, toItemDto, type ItemDto } from './internal';
import { listAlertsInput, listItemsInput, listMovesInput } from './schemas';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export async function listItems(ctx: Ctx, raw: unknown = {}): Promise<ItemDto[]> {
  authorize(ctx.actor, 'inventory.manage');
  const q = parseInput(listItemsInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  const where: SQL[] = [eq(inventoryItems.providerOrgId, orgId), eq(inventoryItems.status, q.archived ? 'archived' : 'active')];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(inventoryItems.sku, like), ilike(inventoryItems.name, like))!);
  }
  if (q.kind) where.push(eq(inventoryItems.kind, q.kind));
  if (q.mode) where.push(eq(inventoryItems.mode, q.mode));
  if (q.tracking) where.push(eq(inventoryItems.tracking, q.tracking));
  if (q.lowStock) where.push(sql`${inventoryItems.safetyStock} > 0 and ${inventoryItems.onHand} - ${inventoryItems.reserved} < ${inventoryItems.safetyStock}`);
  const rows = await exec(ctx)
    .select()
    .from(inventoryItems)
    .where(and(...where))
    .orderBy(asc(inventoryItems.sku))
    .limit(q.limit);
  return rows.map(toItemDto);
}

export async function getItem(ctx: Ctx, itemId: string): Promise<ItemDto> {
  authorize(ctx.actor, 'inventory.manage');
  const orgId = inventoryOrgId(ctx.actor);
  if (!/^[0-9a-f-]{36}$/i.test(itemId)) throw notFound('That inventory item');
  const [row] = await exec(ctx)
    .select()
    .from(inventoryItems)
    .where(and(eq(inventoryItems.id, itemId), eq(inventoryItems.providerOrgId, orgId)));
  if (!row) throw notFound('That inventory item');
  return toItemDto(row);
}

export interface UnitDto {
  id: string;
  serial: string;
  status: 'in_stock' | 'out' | 'maintenance' | 'retired' | 'sold';
  condition: string;
  updatedAt: string;
  /** The order reference a sold unit went to. */
  soldOrderReference: string | null;
}

export async function listUnits(ctx: Ctx, itemId: string): Promise<UnitDto[]> {
  await getItem(ctx, itemId);
  const rows = await exec(ctx)
    .select({ u: inventoryUnits, orderReference: orders.reference })
    .from(inventoryUnits)
    .leftJoin(orders, eq(orders.id, inventoryUnits.soldOrderId))
    .where(eq(inventoryUnits.itemId, itemId))
    .orderBy(asc(inventoryUnits.serial));
  return rows.map(({ u, orderReference }) => ({ id: u.id, serial: u.serial, status: u.status, condition: u.condition, updatedAt: u.updatedAt.toISOString(), soldOrderReference: orderReference }));
}

export interface MoveDto {
  id: string;
  seq: number;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  outDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  outAfter: number;
  unitId: string | null;
  unitSerial: string | null;
  rentalId: string | null;
  orderId: string | null;
  reason: string;
  countedQty: number | null;
  actorName: string | null;
  createdAt: string;
}

/** Newest first; `nextBefore` is the cursor for the next (older) page, null on the last page. */
export async function listMoves(ctx: Ctx, itemId: string, raw: unknown = {}): Promise<{ moves: MoveDto[]; nextBefore: number | null }> {
  const q = parseInput(listMovesInput, raw);
  await getItem(ctx, itemId);
  const where: SQL[] = [eq(inventoryMoves.itemId, itemId)];
  if (q.before) where.push(lt(inventoryMoves.seq, q.before));
  const rows = await exec(ctx)
    .select({ m: inventoryMoves, actorName: users.name, unitSerial: inventoryUnits.serial })
    .from(inventoryMoves)
    .leftJoin(users, eq(users.id, inventoryMoves.actorUserId))
    .leftJoin(inventoryUnits, eq(inventoryUnits.id, inventoryMoves.unitId))
    .where(and(...where))
    .orderBy(desc(inventoryMoves.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    moves: page.map(({ m, actorName, unitSerial }) => ({
      id: m.id,
      seq: m.seq,
      kind: m.kind,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      outDelta: m.outDelta,
      onHandAfter: m.onHandAfter,
      reservedAfter: m.reservedAfter,
      outAfter: m.outAfter,
      unitId: m.unitId,
      unitSerial,
      rentalId: m.rentalId,
      orderId: m.orderId,
      reason: m.reason,
      countedQty: m.countedQty,
      actorName: actorName ?? null,
      createdAt: m.createdAt.toISOString(),
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.m.seq : null,
  };
}

export interface AlertDto {
  id: string;
  itemId: string;
  sku: string;
  itemName: string;
  kind: 'low_stock' | 'overdue_return' | 'damage_reported';
  severity: 'warning' | 'critical';
  status: 'open' | 'acknowledged' | 'resolved';
  rentalId: string | null;
  detail: string;
  openedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  autoResolved: boolean;
  resolutionNote: string | null;
}

/** Unresolved first (open before acknowledged), then newest. */
export async function listAlerts(ctx: Ctx, raw: unknown = {}): Promise<AlertDto[]> {
  authorize(ctx.actor, 'inventory.manage');
  const q = parseInput(listAlertsInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  const where: SQL[] = [eq(inventoryAlerts.providerOrgId, orgId)];
  if (q.status) where.push(eq(inventoryAlerts.status, q.status));
  if (q.kind) where.push(eq(inventoryAlerts.kind, q.kind));
  if (q.itemId) where.push(eq(inventoryAlerts.itemId, q.itemId));
  const rows = await exec(ctx)
    .select({ a: inventoryAlerts, sku: inventoryItems.sku, itemName: inventoryItems.name })
    .from(inventoryAlerts)
    .innerJoin(inventoryItems, eq(inventoryItems.id, inventoryAlerts.itemId))
    .where(and(...where))
    .orderBy(sql`case ${inventoryAlerts.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`, desc(inventoryAlerts.openedAt))
    .limit(q.limit);
  return rows.map(({ a, sku, itemName }) => ({
    id: a.id,
    itemId: a.itemId,
    sku,
    itemName,
    kind: a.kind,
    severity: a.severity,
    status: a.status,
    rentalId: a.rentalId,
    detail: a.detail,
    openedAt: a.openedAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: a.resolvedAt?.toISOString() ?? null,
    autoResolved: a.autoResolved,
    resolutionNote: a.resolutionNote,
  }));
}
