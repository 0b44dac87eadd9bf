/**
 * Booking reads. Every read is scoped: the customer sees their own bookings, a provider admin its
 * provider's, a serviceman those he is (or was) assigned to, operations/admin all
 * ('bookings.read_all'). Anything else is NOT_FOUND, so ids cannot be probed.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { exec, type Ctx } from '@/lib/core/context';
import { rowsOf, type Executor, type Tx } from '@/db/client';
import { bookingAssignments, bookingStatusChanges, bookings, organisations, servicemen, services } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import { AppError, notFound } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { providerAdminOrgIds, relationTo } from './internal';
import { cancellationFee } from './policy';
import { listMyBookingsQuery, listProviderBookingsQuery, type BookingWire } from './schemas';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const wire = (v: bigint | string | number) => toWire(toMinor(v as bigint));

function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac} %` : `${whole} %`;
}

/** The booking as the API shows it: the quote snapshot with its breakdown lines, and the crew. */
export async function bookingDto(ex: Executor, bookingId: string): Promise<BookingWire> {
  const [row] = await ex
    .select({
      b: bookings,
      serviceTitle: services.title,
      providerName: organisations.name,
      lon: sql<number>`ST_X(${bookings.location})`,
      lat: sql<number>`ST_Y(${bookings.location})`,
    })
    .from(bookings)
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .innerJoin(organisations, eq(organisations.id, bookings.providerOrgId))
    .where(eq(bookings.id, bookingId));
  if (!row) throw notFound('That booking');
  const crew = await ex
    .select({ servicemanId: bookingAssignments.servicemanId, name: servicemen.displayName, role: bookingAssignments.role })
    .from(bookingAssignments)
    .innerJoin(servicemen, eq(servicemen.id, bookingAssignments.servicemanId))
    .where(and(eq(bookingAssignments.bookingId, bookingId), eq(bookingAssignments.active, true)))
    .orderBy(asc(bookingAssignments.role), asc(bookingAssignments.servicemanId));
  const b = row.b;
  const lines = [
    { key: 'price', label: 'Price', amountMinor: wire(b.priceMinor) },
    { key: 'service_fee', label: 'Service fee', amountMinor: wire(b.serviceFeeMinor) },
    { key: 'tax', label: b.taxInclusive ? `Includes tax (${formatBp(b.taxRateBp)})` : `Tax (${formatBp(b.taxRateBp)})`, amountMinor: wire(b.taxMinor) },
    { key: 'total', label: 'Total', amountMinor: wire(b.totalMinor) },
  ];
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    type: b.type,
    serviceId: b.serviceId,
    serviceTitle: row.serviceTitle,
    providerOrgId: b.providerOrgId,
    providerName: row.providerName,
    customerId: b.customerId,
    zoneId: b.zoneId,
    startsAt: iso(b.startsAt),
    endsAt: iso(b.endsAt),
    timeZone: b.timeZone,
    addressLine: b.addressLine,
    location: [Number(row.lon), Number(row.lat)],
    notes: b.notes,
    currency: b.currency.trim(),
    priceMinor: wire(b.priceMinor),
    serviceFeeMinor: wire(b.serviceFeeMinor),
    taxMinor: wire(b.taxMinor),
    taxRateBp: b.taxRateBp,
    taxInclusive: b.taxInclusive,
    totalMinor: wire(b.totalMinor),
    providerCurrency: b.providerCurrency.trim(),
    providerPriceMinor: wire(b.providerPriceMinor),
    fxRate: b.fxRate,
    lines,
    confirmationDueAt: iso(b.confirmationDueAt),
    seriesId: b.seriesId,
    cancelledAt: iso(b.cancelledAt),
    cancellationFeeMinor: b.cancellationFeeMinor === null ? null : wire(b.cancellationFeeMinor),
    crew: crew.map((m) => ({ servicemanId: m.servicemanId, name: m.name, role: m.role })),
    createdAt: new Date(b.createdAt).toISOString(),
  };
}

async function loadVisible(ctx: Ctx, ex: Executor, bookingId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(bookingId)) throw notFound('That booking');
  const [b] = await ex.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!b) throw notFound('That booking');
  const rel = await relationTo(ex as Tx, ctx.actor, b);
  if (!rel.length) throw notFound('That booking');
  return { b, rel };
}

/** getBooking(ctx, id) — one booking the caller may see. */
export async function getBooking(ctx: Ctx, bookingId: string): Promise<BookingWire> {
  if (!can(ctx.actor, 'bookings.read_own') && !can(ctx.actor, 'bookings.read_all')) authorize(ctx.actor, 'bookings.read_own');
  const ex = exec(ctx);
  await loadVisible(ctx, ex, bookingId);
  return bookingDto(ex, bookingId);
}

/** The status history (timeline), oldest first. */
export async function bookingTimeline(ctx: Ctx, bookingId: string) {
  if (!can(ctx.actor, 'bookings.read_own') && !can(ctx.actor, 'bookings.read_all')) authorize(ctx.actor, 'bookings.read_own');
  const ex = exec(ctx);
  await loadVisible(ctx, ex, bookingId);
  const rows = await ex.select().from(bookingStatusChanges).where(eq(bookingStatusChanges.bookingId, bookingId)).orderBy(asc(bookingStatusChanges.at), asc(bookingStatusChanges.id));
  return rows.map((r) => ({ fromStatus: r.fromStatus, toStatus: r.toStatus, at: new Date(r.at).toISOString(), actorType: r.actorType, note: r.note }));
}

/** The fee the customer would pay to cancel right now (shown before they confirm). */
export async function cancellationPreview(ctx: Ctx, bookingId: string) {
  authorize(ctx.actor, 'bookings.cancel');
  const ex = exec(ctx);
  const { b, rel } = await loadVisible(ctx, ex, bookingId);
  if (!rel.some((r) => r === 'customer' || r === 'provider' || r === 'operations')) throw notFound('That booking');
  if (b.status === 'cancelled' || b.status === 'completed') {
    throw new AppError('CONFLICT', `A booking that is ${b.status} cannot become cancelled.`, { from: b.status, to: 'cancelled' });
  }
  const [assigned] = await ex.select({ id: bookingAssignments.id }).from(bookingAssignments).where(and(eq(bookingAssignments.bookingId, b.id), eq(bookingAssignments.active, true))).limit(1);
  // Only the customer pays a fee; a provider or operations cancelling is always free for the customer.
  const byCustomer = rel.includes('customer');
  const fee = byCustomer
    ? cancellationFee({ booking: { type: b.type, status: b.status, createdAt: b.createdAt, startsAt: b.startsAt, totalMinor: toMinor(b.totalMinor), assigned: !!assigned }, at: ctx.now })
    : { feeMinor: 0n, free: true, reason: 'Cancelled by the provider or operations: no fee for the customer.' };
  return { bookingId: b.id, currency: b.currency.trim(), totalMinor: wire(b.totalMinor), feeMinor: toWire(fee.feeMinor), free: fee.free, reason: fee.reason };
}

/** The caller's own bookings as a customer, newest first (keyset cursor = created_at|id). */
export async function listMyBookings(ctx: Ctx, raw: unknown = {}) {
  authorize(ctx.actor, 'bookings.read_own');
  if (ctx.actor.kind !== 'user') throw notFound('Bookings');
  const q = parseInput(listMyBookingsQuery, raw);
  const ex = exec(ctx);
  let cursorCond = sql`true`;
  if (q.cursor) {
    const [at, id] = q.cursor.split('|');
    if (!at || !id || Number.isNaN(Date.parse(at))) throw new AppError('VALIDATION', 'Please check: cursor: is not valid.', { fieldErrors: { cursor: ['is not valid'] } });
    cursorCond = sql`(${bookings.createdAt}, ${bookings.id}) < (${new Date(at).toISOString()}::timestamptz, ${id}::uuid)`;
  }
  const rows = await ex
    .select({ id: bookings.id, createdAt: bookings.createdAt })
    .from(bookings)
    .where(and(eq(bookings.customerId, ctx.actor.userId), cursorCond))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const items = [];
  for (const r of page) items.push(await bookingDto(ex, r.id));
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > q.limit && last ? `${new Date(last.createdAt).toISOString()}|${last.id}` : null };
}

/** A provider's bookings starting in [from, to) (the calendar), plus unscheduled on-demand ones created then. */
export async function listProviderBookings(ctx: Ctx, raw: unknown) {
  authorize(ctx.actor, 'bookings.manage');
  const q = parseInput(listProviderBookingsQuery, raw);
  const from = new Date(q.from);
  const to = new Date(q.to);
  if (to.getTime() <= from.getTime()) throw new AppError('VALIDATION', 'Please check: to: must be after from.', { fieldErrors: { to: ['must be after from'] } });
  if (to.getTime() - from.getTime() > 62 * 24 * 3_600_000) throw new AppError('VALIDATION', 'Please check: to: at most 62 days after from.', { fieldErrors: { to: ['must be at most 62 days after from'] } });
  const orgIds = providerAdminOrgIds(ctx.actor);
  if (!orgIds.length) return { items: [] };
  const ex = exec(ctx);
  const rows = rowsOf<{ id: string }>(
    await ex.execute(sql`
      select id::text from bookings
       where provider_org_id = any(array[${sql.join(orgIds.map((o) => sql`${o}::uuid`), sql`, `)}])
         and ((starts_at >= ${from.toISOString()}::timestamptz and starts_at < ${to.toISOString()}::timestamptz)
              or (starts_at is null and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz))
       order by coalesce(starts_at, created_at), id
       limit 1000`),
  );
  const items = [];
  for (const r of rows) items.push(await bookingDto(ex, r.id));
  return { items };
}

/** Open dispatch offers of the calling serviceman (his "offers" inbox). */
export async function listMyOffers(ctx: Ctx) {
  authorize(ctx.actor, 'bookings.respond_offer');
  if (ctx.actor.kind !== 'user') return { items: [] };
  const ex = exec(ctx);
  const rows = rowsOf<{ id: string; booking_id: string; expires_at: string | Date; offered_at: string | Date }>(
    await ex.execute(sql`
      select o.id::text, o.booking_id::text, o.expires_at, o.offered_at from dispatch_offers o
        join servicemen s on s.id = o.serviceman_id
       where s.user_id = ${ctx.actor.userId}::uuid and o.status = 'open' and o.expires_at > ${ctx.now.toISOString()}::timestamptz
       order by o.offered_at`),
  );
  return { items: rows.map((r) => ({ offerId: r.id, bookingId: r.booking_id, offeredAt: iso(r.offered_at), expiresAt: iso(r.expires_at) })) };
}
