/**
 * Reads of rentals, each in the actor's scope: the renter's own, the provider's organisation, or
 * everything for operations (rentals.read_all). A rental outside the scope is NOT_FOUND.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { commercePayments, inventoryItems, organisations, rentalCharges, rentalEvents, rentalPhotos, rentalReturns, rentals, users } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { providerAdminOrgIds } from '@/lib/bookings/internal';
import { planSettlement, DAY_MS, type RentalStatus } from './policy';
import { normaliseRental, sidesOf, type RentalRow, type Side } from './internal';
import { lateLines } from './inspect-rental';
import { chargesOf } from './settle-rental';
import { availabilityInput, listInput, windowInput } from './schemas';
import { checkWindow, loadRentableListing, quoteRental, type RentalQuote } from './pricing';

export type Scope = 'customer' | 'provider' | 'operations';

export interface RentalListItem {
  id: string;
  reference: string;
  status: RentalStatus;
  itemName: string;
  providerName: string;
  customerName: string;
  quantity: number;
  startsAt: Date;
  endsAt: Date;
  totalMinor: bigint;
  depositMinor: bigint;
  currency: string;
  overdue: boolean;
}

function scopeWhere(ctx: Ctx, scope: Scope): SQL {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  if (scope === 'customer') return sql`${rentals.customerId} = ${ctx.actor.userId}`;
  if (scope === 'provider') {
    authorize(ctx.actor, 'rentals.manage');
    const orgs = providerAdminOrgIds(ctx.actor);
    return orgs.length ? inArray(rentals.providerOrgId, orgs)! : sql`false`;
  }
  authorize(ctx.actor, 'rentals.read_all');
  return sql`true`;
}

export async function listRentals(ctx: Ctx, scope: Scope, raw: unknown = {}): Promise<RentalListItem[]> {
  const f = parseInput(listInput, raw);
  const conds: SQL[] = [scopeWhere(ctx, scope)];
  if (f.status) conds.push(eq(rentals.status, f.status));
  if (f.providerOrgId) conds.push(eq(rentals.providerOrgId, f.providerOrgId));
  const rows = await db()
    .select({ r: rentals, itemName: inventoryItems.name, providerName: organisations.name, customerName: users.name })
    .from(rentals)
    .innerJoin(inventoryItems, eq(inventoryItems.id, rentals.itemId))
    .innerJoin(organisations, eq(organisations.id, rentals.providerOrgId))
    .innerJoin(users, eq(users.id, rentals.customerId))
    .where(and(...conds))
    .orderBy(desc(rentals.createdAt), desc(rentals.id))
    .limit(f.limit);
  return rows.map(({ r, itemName, providerName, customerName }) => {
    const n = normaliseRental(r);
    return {
      id: n.id,
      reference: n.reference,
      status: n.status,
      itemName,
      providerName,
      customerName,
      quantity: n.quantity,
      startsAt: n.startsAt,
      endsAt: n.endsAt,
      totalMinor: n.totalMinor,
      depositMinor: n.depositMinor,
      currency: n.currency,
      overdue: (n.status === 'in_use' || n.status === 'partially_returned') && n.endsAt.getTime() < ctx.now.getTime(),
    };
  });
}

/** Counts per status in the scope (the desk's queue tabs). */
export async function countRentals(ctx: Ctx, scope: Scope): Promise<Record<string, number>> {
  const rows = await db()
    .select({ status: rentals.status, n: sql<number>`count(*)::int` })
    .from(rentals)
    .where(scopeWhere(ctx, scope))
    .groupBy(rentals.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export interface RentalDetail {
  rental: RentalRow;
  sides: Side[];
  itemName: string;
  tracking: 'serialised' | 'bulk';
  providerName: string;
  customerName: string;
  listingTitle: string | null;
  timeline: Array<{ id: string; fromStatus: string | null; toStatus: string; note: string; at: Date }>;
  returns: Array<{ id: string; quantity: number; returnedAt: Date; lateDays: number; condition: string; note: string; unitSerials: string[] }>;
  charges: Array<{ id: string; kind: string; label: string; amountMinor: bigint }>;
  photos: Array<{ fileId: string; stage: string }>;
  payments: Array<{ purpose: string; status: string; amountMinor: bigint; capturedMinor: bigint; refundedMinor: bigint }>;
  outUnits: Array<{ id: string; serial: string }>;
  /** Before inspection: the late lines the inspection will add; after: nothing (they are charges). */
  pendingLateLines: Array<{ kind: string; label: string; amountMinor: bigint }>;
  /** The plan if settled now (charges recorded so far + pending late lines), for previews. */
  preview: ReturnType<typeof planSettlement>;
  overdue: boolean;
}

export async function getRental(ctx: Ctx, rentalId: string): Promise<RentalDetail> {
  const ex = db();
  const [row] = await ex
    .select({ r: rentals, itemName: inventoryItems.name, tracking: inventoryItems.tracking, providerName: organisations.name, customerName: users.name })
    .from(rentals)
    .innerJoin(inventoryItems, eq(inventoryItems.id, rentals.itemId))
    .innerJoin(organisations, eq(organisations.id, rentals.providerOrgId))
    .innerJoin(users, eq(users.id, rentals.customerId))
    .where(eq(rentals.id, rentalId));
  if (!row) throw notFound('That rental');
  const sides = sidesOf(ctx.actor, row.r);
  if (!sides.length) throw notFound('That rental');
  const r = normaliseRental(row.r);
  const [listing] = r.listingId ? rowsOf<{ title: string }>(await ex.execute(sql`select title from listings where id = ${r.listingId}`)) : [];
  const timeline = await ex.select().from(rentalEvents).where(eq(rentalEvents.rentalId, r.id)).orderBy(asc(rentalEvents.createdAt), asc(rentalEvents.id));
  const returns = await ex.select().from(rentalReturns).where(eq(rentalReturns.rentalId, r.id)).orderBy(asc(rentalReturns.returnedAt));
  const serials = new Map(
    rowsOf<{ id: string; serial: string }>(await ex.execute(sql`select id, serial from inventory_units where item_id = ${r.itemId}`)).map((u) => [u.id, u.serial]),
  );
  const charges = await ex.select().from(rentalCharges).where(eq(rentalCharges.rentalId, r.id)).orderBy(asc(rentalCharges.createdAt), asc(rentalCharges.id));
  const photos = await ex.select({ fileId: rentalPhotos.fileId, stage: rentalPhotos.stage }).from(rentalPhotos).where(eq(rentalPhotos.rentalId, r.id)).orderBy(asc(rentalPhotos.createdAt));
  const payments = await ex.select().from(commercePayments).where(eq(commercePayments.rentalId, r.id)).orderBy(asc(commercePayments.createdAt));
  const outUnits = rowsOf<{ id: string; serial: string }>(
    await ex.execute(sql`select u.id, u.serial from rental_reservations rr join inventory_units u on u.id = rr.unit_id where rr.rental_id = ${r.id} and rr.active and u.status = 'out' order by u.serial`),
  );
  const pendingLate = r.inspectedAt ? [] : await lateLines({ tx: ex as never }, r);
  const recorded = await chargesOf(ex as never, r.id);
  return {
    rental: r,
    sides,
    itemName: row.itemName,
    tracking: row.tracking,
    providerName: row.providerName,
    customerName: row.customerName,
    listingTitle: listing?.title ?? null,
    timeline: timeline.map((t) => ({ id: t.id, fromStatus: t.fromStatus, toStatus: t.toStatus, note: t.note, at: t.createdAt })),
    returns: returns.map((x) => ({ id: x.id, quantity: x.quantity, returnedAt: x.returnedAt, lateDays: x.lateDays, condition: x.condition, note: x.note, unitSerials: x.unitIds.map((u) => serials.get(u) ?? u) })),
    charges: charges.map((x) => ({ id: x.id, kind: x.kind, label: x.label, amountMinor: toMinor(x.amountMinor) })),
    photos,
    payments: payments.map((p) => ({ purpose: p.purpose, status: p.status, amountMinor: toMinor(p.amountMinor), capturedMinor: toMinor(p.capturedMinor), refundedMinor: toMinor(p.refundedMinor) })),
    outUnits,
    pendingLateLines: pendingLate,
    preview: planSettlement([...recorded, ...pendingLate], r.depositMinor),
    overdue: (r.status === 'in_use' || r.status === 'partially_returned') && r.endsAt.getTime() < ctx.now.getTime(),
  };
}

/** A rental photo the actor may see (a party or operations), for the file route. */
export async function rentalPhotoAccess(ctx: Ctx, rentalId: string, fileId: string): Promise<void> {
  const [row] = await db().select({ customerId: rentals.customerId, providerOrgId: rentals.providerOrgId }).from(rentals).where(eq(rentals.id, rentalId));
  if (!row || !sidesOf(ctx.actor, row).length) throw notFound('That photo');
  const [p] = await db().select({ fileId: rentalPhotos.fileId }).from(rentalPhotos).where(and(eq(rentalPhotos.rentalId, rentalId), eq(rentalPhotos.fileId, fileId)));
  if (!p) throw notFound('That photo');
}

/** Price + deposit preview of a window (no writes; public like the listing). */
export async function previewRental(ctx: Ctx, raw: unknown): Promise<RentalQuote & { available: number }> {
  const input = parseInput(windowInput, raw);
  checkWindow(input.startsAt, input.endsAt, ctx.now);
  const l = await loadRentableListing(db(), input.listingId, ctx.now);
  const q = await quoteRental(db(), l, input, ctx.now);
  const [a] = await availabilityRows(l, input.startsAt, input.endsAt, 1, input.endsAt.getTime() - input.startsAt.getTime());
  return { ...q, available: a?.free ?? 0 };
}

export interface AvailabilityDay {
  date: string;
  free: number;
}

async function availabilityRows(l: Awaited<ReturnType<typeof loadRentableListing>>, from: Date, _to: Date, days: number, stepMs = DAY_MS): Promise<AvailabilityDay[]> {
  const capacity = l.tracking === 'serialised' ? l.unitCount : l.onHand + l.outOnRent;
  const used = l.tracking === 'serialised' ? sql`count(distinct r.unit_id)` : sql`coalesce(sum(r.quantity), 0)`;
  const rows = rowsOf<{ d: string; used: string | number }>(
    await db().execute(sql`
      select to_char(g.d at time zone 'UTC', 'YYYY-MM-DD') as d, ${used} as used
      from generate_series(${from.toISOString()}::timestamptz, ${from.toISOString()}::timestamptz + ${`${days - 1} days`}::interval, '1 day') as g(d)
      left join rental_reservations r on r.item_id = ${l.itemId} and r.active
        and r.period && tstzrange(g.d, g.d + ${`${stepMs} milliseconds`}::interval, '[)')
        ${l.tracking === 'serialised' ? sql`and exists (select 1 from inventory_units u where u.id = r.unit_id and u.status in ('in_stock', 'out'))` : sql``}
      group by g.d order by g.d`),
  );
  return rows.map((x) => ({ date: x.d, free: Math.max(0, capacity - Number(x.used)) }));
}

/** Free units / quantity per UTC day from `from` (default today) for `days` days (the calendar). */
export async function rentalAvailability(ctx: Ctx, raw: unknown): Promise<{ listingId: string; tracking: string; capacity: number; days: AvailabilityDay[] }> {
  const input = parseInput(availabilityInput, raw);
  const l = await loadRentableListing(db(), input.listingId, ctx.now);
  const base = input.from ?? ctx.now;
  const from = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate()));
  const capacity = l.tracking === 'serialised' ? l.unitCount : l.onHand + l.outOnRent;
  return { listingId: l.listingId, tracking: l.tracking, capacity, days: await availabilityRows(l, from, from, input.days) };
}

export const canManageRentals = (ctx: Ctx) => can(ctx.actor, 'rentals.manage');
