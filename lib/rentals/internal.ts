/**
 * Shared plumbing of the rental verbs: the transaction runner (exclusion violations → 409, retries
 * on serialisation failures), loading a rental in the actor's scope (foreign → NOT_FOUND), the one
 * status mover (transition table + timeline row + event), party notifications and the availability
 * arithmetic over rental_reservations.
 */
import { eq, sql } from 'drizzle-orm';
import { db, pgErrorInfo, rowsOf, type Tx } from '@/db/client';
import { rentalEvents, rentals } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor } from '@/lib/core/money';
import { logger } from '@/lib/core/logger';
import { providerAdminOrgIds, providerAdminUserIds } from '@/lib/bookings/internal';
import { notify } from '@/lib/notifications/notify';
import type { RentalForMoney } from '@/lib/finance/rental-money';
import { assertRentalMove, type RentalStatus } from './policy';

export type RTx = Ctx & { tx: Tx };
export type RentalRow = typeof rentals.$inferSelect;
export type Side = 'customer' | 'provider' | 'operations' | 'system';

const RETRYABLE = new Set(['40001', '40P01']);

export const overlapConflict = () => new AppError('CONFLICT', 'That unit is already booked for an overlapping window. Choose other dates.', { reason: 'reservation_overlap' });

/** One transaction per verb (a savepoint inside a route's idempotency transaction). */
export async function runRentalTx<R>(ctx: Ctx, fn: (c: RTx) => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (ctx.tx) return await ctx.tx.transaction((sp) => fn({ ...ctx, tx: sp as unknown as Tx }));
      return await db().transaction((tx) => fn({ ...ctx, tx }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      const { code } = pgErrorInfo(err);
      if (code === '23P01') throw overlapConflict();
      if (code && RETRYABLE.has(code) && attempt < 4) continue;
      if (code && RETRYABLE.has(code)) {
        logger.warn({ code }, 'rental transaction gave up after retries');
        throw new AppError('CONFLICT', 'Many people are renting right now. Please try again.', { retryable: true });
      }
      throw err;
    }
  }
}

export function normaliseRental(r: RentalRow): RentalRow {
  return {
    ...r,
    currency: r.currency.trim(),
    dailyRateMinor: toMinor(r.dailyRateMinor),
    depositMinor: toMinor(r.depositMinor),
    rentalMinor: toMinor(r.rentalMinor),
    deliveryFeeMinor: toMinor(r.deliveryFeeMinor),
    serviceFeeMinor: toMinor(r.serviceFeeMinor),
    taxMinor: toMinor(r.taxMinor),
    totalMinor: toMinor(r.totalMinor),
  };
}

/** The sides the actor takes on this rental; empty → it may not see it. */
export function sidesOf(actor: Actor, r: Pick<RentalRow, 'customerId' | 'providerOrgId'>): Side[] {
  if (actor.kind === 'system') return ['system'];
  if (actor.kind !== 'user') return [];
  const out: Side[] = [];
  if (r.customerId === actor.userId) out.push('customer');
  if (can(actor, 'rentals.manage') && providerAdminOrgIds(actor).includes(r.providerOrgId)) out.push('provider');
  if (can(actor, 'rentals.read_all')) out.push('operations');
  return out;
}

/** Loads and locks (FOR UPDATE) a rental the actor may see; NOT_FOUND otherwise (ids cannot be probed). */
export async function loadRentalForWrite(c: RTx, rentalId: string): Promise<{ rental: RentalRow; sides: Side[] }> {
  const [row] = await c.tx.select().from(rentals).where(eq(rentals.id, rentalId)).for('update');
  if (!row) throw notFound('That rental');
  const sides = sidesOf(c.actor, row);
  if (!sides.length) throw notFound('That rental');
  return { rental: normaliseRental(row), sides };
}

/** Requires the provider side (a customer or another provider gets NOT_FOUND / FORBIDDEN). */
export function requireSide(sides: Side[], side: 'customer' | 'provider', what: string): void {
  if (sides.includes(side) || sides.includes('system')) return;
  throw new AppError('FORBIDDEN', `Only the ${side === 'provider' ? 'provider’s admin' : 'renter'} can ${what}.`);
}

export const actorUserId = (c: Ctx) => (c.actor.kind === 'user' ? c.actor.userId : null);

export async function addTimeline(c: RTx, rentalId: string, from: RentalStatus | null, to: RentalStatus, note = ''): Promise<void> {
  await c.tx.insert(rentalEvents).values({ id: newId(), rentalId, fromStatus: from, toStatus: to, actorUserId: actorUserId(c), note: note.slice(0, 2000), createdAt: c.now });
}

/**
 * THE status mover: checks the transition table, updates WHERE status = from (belt and braces
 * after the row lock), writes the timeline row and the event. `set` carries the verb's columns.
 */
export async function moveRental(c: RTx, r: RentalRow, to: RentalStatus, note: string, set: Partial<typeof rentals.$inferInsert> = {}): Promise<RentalRow> {
  assertRentalMove(r.status, to);
  const [row] = await c.tx
    .update(rentals)
    .set({ ...set, status: to, version: sql`${rentals.version} + 1`, updatedAt: c.now })
    .where(sql`${rentals.id} = ${r.id} and ${rentals.status} = ${r.status}`)
    .returning();
  if (!row) throw new AppError('CONFLICT', `The rental changed meanwhile; it is no longer ${r.status.replace(/_/g, ' ')}.`, { from: r.status, to });
  await addTimeline(c, r.id, r.status, to, note);
  await emitEvent(c, 'rental.status_changed', { rentalId: r.id, providerOrgId: r.providerOrgId, fromStatus: r.status, toStatus: to }, r.providerOrgId);
  return normaliseRental(row);
}

export const rentalHref = (side: 'customer' | 'provider' | 'operations', id: string) =>
  side === 'customer' ? `/account/rentals/${id}` : side === 'provider' ? `/provider/rentals/${id}` : `/admin/rentals/${id}`;

/** In-app notice to one side of the rental, once per business key. */
export async function notifySide(c: RTx, r: Pick<RentalRow, 'id' | 'customerId' | 'providerOrgId'>, side: 'customer' | 'provider', n: { kind: string; title: string; body?: string; key: string }): Promise<void> {
  const ids = side === 'customer' ? [r.customerId] : await providerAdminUserIds(c.tx, r.providerOrgId, c.now);
  await notify(c.tx, ids, { kind: n.kind, title: n.title, body: n.body ?? '', href: rentalHref(side, r.id), businessKey: `rental:${r.id}:${n.key}` });
}

/** Notifies the side that did not act (the provider when the renter acts and vice versa). */
export async function notifyOther(c: RTx, r: RentalRow, actingSide: Side, n: { kind: string; title: string; body?: string; key: string }): Promise<void> {
  if (actingSide !== 'customer') await notifySide(c, r, 'customer', n);
  if (actingSide !== 'provider') await notifySide(c, r, 'provider', n);
}

export function moneyOf(r: RentalRow): RentalForMoney {
  return {
    id: r.id,
    reference: r.reference,
    customerId: r.customerId,
    providerOrgId: r.providerOrgId,
    currency: r.currency,
    rentalMinor: r.rentalMinor,
    deliveryFeeMinor: r.deliveryFeeMinor,
    serviceFeeMinor: r.serviceFeeMinor,
    taxMinor: r.taxMinor,
    totalMinor: r.totalMinor,
    depositMinor: r.depositMinor,
    paymentMethod: r.paymentMethod,
  };
}

/** Short human reference, e.g. RN-7K2M9QDA (Crockford base32). */
export function newRentalReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `RN-${[...bytes].map((b) => alphabet[b % 32]).join('')}`;
}

// ---- availability --------------------------------------------------------------------------------

const iso = (d: Date) => d.toISOString();

/**
 * Serialised: units (in stock or out) with no active reservation overlapping [from, to), oldest
 * serial first. `exceptRentalId` ignores that rental's own reservations (extensions).
 */
export async function freeUnits(tx: Tx, itemId: string, from: Date, to: Date, exceptRentalId?: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select u.id from inventory_units u
      where u.item_id = ${itemId} and u.status in ('in_stock', 'out')
        and not exists (
          select 1 from rental_reservations r
          where r.unit_id = u.id and r.active and r.period && tstzrange(${iso(from)}::timestamptz, ${iso(to)}::timestamptz, '[)')
            ${exceptRentalId ? sql`and r.rental_id <> ${exceptRentalId}` : sql``})
      order by u.serial, u.id`),
  );
  return rows.map((r) => r.id);
}

/** Bulk: Σ quantity of active reservations overlapping [from, to) (other rentals only if excepted). */
export async function reservedQuantity(tx: Tx, itemId: string, from: Date, to: Date, exceptRentalId?: string): Promise<number> {
  const rows = rowsOf<{ q: string | number }>(
    await tx.execute(sql`
      select coalesce(sum(quantity), 0) as q from rental_reservations r
      where r.item_id = ${itemId} and r.active and r.period && tstzrange(${iso(from)}::timestamptz, ${iso(to)}::timestamptz, '[)')
        ${exceptRentalId ? sql`and r.rental_id <> ${exceptRentalId}` : sql``}`),
  );
  return Number(rows[0]?.q ?? 0);
}

/**
 * A simplification stated in docs/rentals.md: for bulk items the overlapping reservations are
 * summed as if they all overlapped each other, which can only under-promise, never double-book.
 */
export function bulkCapacity(item: { onHand: number; outOnRent: number }): number {
  return item.onHand + item.outOnRent;
}
