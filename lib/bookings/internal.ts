/**
 * Shared building blocks of the booking verbs: the retrying transaction, crew locking, status
 * moves with their history and events, scoped loading, notifications. Not a public API: verbs in
 * this folder use it; other domains go through lib/bookings/index.ts.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, or, gt, sql } from 'drizzle-orm';
import { db, pgErrorInfo, rowsOf, type Tx } from '@/db/client';
import { bookingAssignments, bookingDeadlines, bookingStatusChanges, bookings, memberships, organisations, servicemen, zones } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { can } from '@/lib/core/auth/permissions';
import { actorRef, type Actor, type Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { buildZoneSla } from '@/lib/geo/sla-defaults';
import { assertTransition, type BookingStatus, type BookingType, type Sla } from './policy';

export type TxCtx = Ctx & { tx: Tx };
export type BookingRow = typeof bookings.$inferSelect;

const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

/** The 409 a losing request gets; alternatives are computed by their own endpoint, never here. */
export function slotTaken(serviceId: string, near: Date | null): AppError {
  const at = (near ?? new Date(0)).toISOString();
  return new AppError('CONFLICT', 'That slot was just taken. Please pick another time.', {
    alternativesUrl: `/api/v1/services/${serviceId}/alternatives?near=${encodeURIComponent(at)}`,
  });
}

/**
 * One booking transaction, retried on deadlock / serialisation failure (bounded), with the
 * exclusion constraint's 23P01 mapped to a 409 — so contention never surfaces as a 5xx. When the
 * caller already holds a transaction (idempotent route/action), each attempt runs in a savepoint
 * of it, which a deadlock victim can roll back to without losing the caller's work.
 */
export async function runBookingTx<R>(ctx: Ctx, fn: (c: TxCtx) => Promise<R>, onOverlap: () => AppError = () => conflictBusy()): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (ctx.tx) return await ctx.tx.transaction((sp) => fn({ ...ctx, tx: sp as unknown as Tx }));
      return await db().transaction((tx) => fn({ ...ctx, tx }));
    } catch (err) {
      if (err instanceof AppError) throw err;
      const { code, constraint } = pgErrorInfo(err);
      if (code === '23P01' && (!constraint || constraint === 'booking_assignments_no_overlap')) throw onOverlap();
      if (code && RETRYABLE.has(code)) {
        if (attempt < MAX_ATTEMPTS) continue;
        logger.warn({ code, attempt }, 'booking transaction gave up after retries');
        throw new AppError('CONFLICT', 'Many people are booking right now. Please try again.', { retryable: true });
      }
      throw err;
    }
  }
}

export const conflictBusy = () => new AppError('CONFLICT', 'Someone in that crew is already booked for that time.');

/** Short human reference, e.g. FX-7K2M9QDA (Crockford base32, no I/L/O/U). */
export function newReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(8);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return `FX-${out}`;
}

export const uuidArray = (ids: readonly string[]) => (ids.length ? sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]` : sql`array[]::uuid[]`);

/** Assignment window: the booking window widened by its buffers, half-open. */
export function occupiedWindow(startsAt: Date, endsAt: Date, bufferBefore: number, bufferAfter: number): { start: Date; end: Date } {
  return { start: new Date(startsAt.getTime() - bufferBefore * 60_000), end: new Date(endsAt.getTime() + bufferAfter * 60_000) };
}

/**
 * Locks the crew's serviceman rows in ascending id order (one statement, so every writer takes
 * them in the same order and cannot deadlock), then reports who is NOT free for the window: busy
 * in another active assignment, on time off, inactive, or of another provider. Call it before
 * inserting assignments; the exclusion constraint stays the safety net.
 */
export async function lockCrew(tx: Tx, q: { ids: string[]; providerOrgId: string; window: { start: Date; end: Date }; ignoreBookingId?: string }): Promise<string[]> {
  const ids = [...new Set(q.ids)].sort();
  if (!ids.length) return [];
  const locked = rowsOf<{ id: string; provider_org_id: string; status: string }>(
    await tx.execute(sql`select id::text, provider_org_id::text, status::text from servicemen where id = any(${uuidArray(ids)}) order by id for update`),
  );
  const unusable = new Set(ids.filter((id) => !locked.some((r) => r.id === id && r.provider_org_id === q.providerOrgId && r.status === 'active')));
  const s = q.window.start.toISOString();
  const e = q.window.end.toISOString();
  const ignore = q.ignoreBookingId ? sql`and a.booking_id <> ${q.ignoreBookingId}::uuid` : sql``;
  const busy = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select a.serviceman_id::text as id from booking_assignments a
       where a.active and a.serviceman_id = any(${uuidArray(ids)}) and a."window" && tstzrange(${s}::timestamptz, ${e}::timestamptz, '[)') ${ignore}
      union
      select t.serviceman_id::text from serviceman_time_off t
       where t.serviceman_id = any(${uuidArray(ids)}) and t.starts_at < ${e}::timestamptz and t.ends_at > ${s}::timestamptz`),
  );
  for (const b of busy) unusable.add(b.id);
  return [...unusable].sort();
}

export async function insertAssignments(tx: Tx, bookingId: string, crew: { leadId: string; supportIds: string[] }, window: { start: Date; end: Date }, at: Date): Promise<void> {
  const s = window.start.toISOString();
  const e = window.end.toISOString();
  const rows = [{ id: crew.leadId, role: 'lead' }, ...crew.supportIds.map((id) => ({ id, role: 'support' }))];
  for (const r of rows) {
    await tx.execute(sql`
      insert into booking_assignments (id, booking_id, serviceman_id, role, "window", active, created_at)
      values (${newId()}, ${bookingId}, ${r.id}, ${r.role}::crew_role, tstzrange(${s}::timestamptz, ${e}::timestamptz, '[)'), true, ${at.toISOString()}::timestamptz)`);
  }
}

/** Frees the crew: rows stay for history, inactive, so the exclusion constraint lets the slot go. */
export async function releaseAssignments(tx: Tx, bookingId: string, at: Date): Promise<number> {
  const res = await tx
    .update(bookingAssignments)
    .set({ active: false, releasedAt: at })
    .where(and(eq(bookingAssignments.bookingId, bookingId), eq(bookingAssignments.active, true)))
    .returning({ id: bookingAssignments.id });
  return res.length;
}

export async function activeCrew(tx: Tx, bookingId: string): Promise<Array<{ servicemanId: string; role: 'lead' | 'support'; userId: string | null }>> {
  return tx
    .select({ servicemanId: bookingAssignments.servicemanId, role: bookingAssignments.role, userId: servicemen.userId })
    .from(bookingAssignments)
    .innerJoin(servicemen, eq(servicemen.id, bookingAssignments.servicemanId))
    .where(and(eq(bookingAssignments.bookingId, bookingId), eq(bookingAssignments.active, true)));
}

// ---- status moves -------------------------------------------------------------------------------

export interface MoveOptions {
  note?: string;
  acceptedAfterMinutes?: number;
  set?: Partial<typeof bookings.$inferInsert>;
}

/**
 * from → to through the one transition table, written race-safely (`WHERE status = from` on a
 * row the caller locked), with its history row and the analytics event in the same transaction.
 */
export async function moveStatus(c: TxCtx, booking: BookingRow, to: BookingStatus, opts: MoveOptions = {}): Promise<BookingRow> {
  assertTransition(booking.status, to, booking.type);
  const [row] = await c.tx
    .update(bookings)
    .set({ ...opts.set, status: to, version: booking.version + 1, updatedAt: c.now })
    .where(and(eq(bookings.id, booking.id), eq(bookings.status, booking.status)))
    .returning();
  if (!row) throw new AppError('CONFLICT', 'This booking changed meanwhile. Please reload it.', { from: booking.status, to });
  await recordStatusRow(c, booking.id, booking.status, to, opts.note ?? '');
  await emitEvent(
    c,
    'booking.status_changed',
    { bookingId: booking.id, zoneId: booking.zoneId, fromStatus: booking.status, toStatus: to, ...(opts.acceptedAfterMinutes !== undefined ? { acceptedAfterMinutes: opts.acceptedAfterMinutes } : {}) },
    booking.providerOrgId,
  );
  return row;
}

export async function recordStatusRow(c: TxCtx, bookingId: string, from: BookingStatus | null, to: BookingStatus, note: string): Promise<void> {
  await c.tx.insert(bookingStatusChanges).values({ id: newId(), bookingId, fromStatus: from, toStatus: to, at: c.now, actorType: c.actor.kind, actorId: actorRef(c.actor), note });
}

export function minutesBetween(a: Date, b: Date): number {
  return Math.max(0, Math.round(((b.getTime() - a.getTime()) / 60_000) * 100) / 100);
}

// ---- deadlines ----------------------------------------------------------------------------------

export type DeadlineKind = (typeof bookingDeadlines.$inferSelect)['kind'];

export async function addDeadline(tx: Tx, bookingId: string, kind: DeadlineKind, dueAt: Date, status: 'pending' | 'met' = 'pending', at?: Date): Promise<void> {
  await tx.insert(bookingDeadlines).values({ id: newId(), bookingId, kind, dueAt, status, resolvedAt: status === 'met' ? (at ?? dueAt) : null });
}

/** Resolves the pending deadline(s) of these kinds (met when satisfied, cancelled when moot). */
export async function resolveDeadlines(tx: Tx, bookingId: string, kinds: DeadlineKind[], status: 'met' | 'cancelled', at: Date): Promise<void> {
  if (!kinds.length) return;
  await tx
    .update(bookingDeadlines)
    .set({ status, resolvedAt: at })
    .where(and(eq(bookingDeadlines.bookingId, bookingId), eq(bookingDeadlines.status, 'pending'), inArray(bookingDeadlines.kind, kinds)));
}

export async function cancelAllDeadlines(tx: Tx, bookingId: string, at: Date): Promise<void> {
  await tx
    .update(bookingDeadlines)
    .set({ status: 'cancelled', resolvedAt: at })
    .where(and(eq(bookingDeadlines.bookingId, bookingId), eq(bookingDeadlines.status, 'pending')));
}

export const REMINDER_BEFORE_MINUTES = 24 * 60;

/**
 * The customer's reminder for a scheduled booking that has (or just got) its window: a `reminder`
 * deadline at start − 24 h, which the sweeper turns into a mail and notifications. Call it
 * whenever a scheduled booking gets or changes its window (created scheduled, confirmed, crew
 * assigned, rescheduled). Idempotent: a pending reminder for the same instant is kept; one for
 * another instant (an old start) is cancelled. None when start − 24 h is already past (a booking
 * made for tomorrow morning gets its confirmation instead), and none for on-demand or closed ones.
 */
export async function scheduleReminder(tx: Tx, booking: Pick<BookingRow, 'id' | 'type' | 'status' | 'startsAt'>, now: Date): Promise<Date | null> {
  const open = booking.status === 'scheduled' || booking.status === 'pending';
  const dueAt = booking.type === 'scheduled' && open && booking.startsAt ? new Date(booking.startsAt.getTime() - REMINDER_BEFORE_MINUTES * 60_000) : null;
  const pending = await tx
    .select({ id: bookingDeadlines.id, dueAt: bookingDeadlines.dueAt })
    .from(bookingDeadlines)
    .where(and(eq(bookingDeadlines.bookingId, booking.id), eq(bookingDeadlines.kind, 'reminder'), eq(bookingDeadlines.status, 'pending')));
  const keep = dueAt && dueAt.getTime() > now.getTime() ? dueAt : null;
  const stale = pending.filter((d) => !keep || d.dueAt.getTime() !== keep.getTime());
  if (stale.length) {
    await tx.update(bookingDeadlines).set({ status: 'cancelled', resolvedAt: now }).where(inArray(bookingDeadlines.id, stale.map((d) => d.id)));
  }
  if (!keep) return null;
  if (!pending.some((d) => d.dueAt.getTime() === keep.getTime())) await addDeadline(tx, booking.id, 'reminder', keep);
  return keep;
}

// ---- zone / SLA -----------------------------------------------------------------------------------

export async function zoneSla(tx: Tx, zoneId: string): Promise<Sla> {
  const [z] = await tx
    .select({
      acceptanceOnDemandMinutes: zones.slaAcceptanceOnDemandMinutes,
      acceptanceScheduledMinutes: zones.slaAcceptanceScheduledMinutes,
      arrivalMinutes: zones.slaArrivalMinutes,
      completionMinutes: zones.slaCompletionMinutes,
    })
    .from(zones)
    .where(eq(zones.id, zoneId));
  return buildZoneSla(z ?? {});
}

// ---- who may see / act ---------------------------------------------------------------------------

export function providerAdminOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId as string);
}

export function servicemanOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships.filter((m) => m.role === 'serviceman' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId as string);
}

export type Relation = 'customer' | 'provider' | 'crew' | 'operations' | 'system';

/** How the actor relates to the booking, or null when it may not see it at all (→ NotFound). */
export async function relationTo(tx: Tx, actor: Actor, b: Pick<BookingRow, 'id' | 'customerId' | 'providerOrgId'>): Promise<Relation[]> {
  const out: Relation[] = [];
  if (actor.kind === 'system') return ['system'];
  if (actor.kind !== 'user') return out;
  if (b.customerId === actor.userId && can(actor, 'bookings.read_own')) out.push('customer');
  if (providerAdminOrgIds(actor).includes(b.providerOrgId)) out.push('provider');
  if (servicemanOrgIds(actor).includes(b.providerOrgId)) {
    const [mine] = await tx
      .select({ id: bookingAssignments.id })
      .from(bookingAssignments)
      .innerJoin(servicemen, eq(servicemen.id, bookingAssignments.servicemanId))
      .where(and(eq(bookingAssignments.bookingId, b.id), eq(servicemen.userId, actor.userId)))
      .limit(1);
    if (mine) out.push('crew');
  }
  if (can(actor, 'bookings.read_all')) out.push('operations');
  return out;
}

/**
 * Loads a booking the actor may see, locked FOR UPDATE (writers) — a foreign id is NOT_FOUND so ids
 * cannot be probed. Returns the row and the actor's relations to it.
 */
export async function loadBookingForWrite(c: TxCtx, bookingId: string): Promise<{ booking: BookingRow; rel: Relation[] }> {
  const [booking] = await c.tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!booking) throw notFound('That booking');
  const rel = await relationTo(c.tx, c.actor, booking);
  if (!rel.length) throw notFound('That booking');
  return { booking, rel };
}

/** The serviceman row of the calling user at this provider (servicemen act on their own work). */
export async function callerServiceman(tx: Tx, actor: Actor, providerOrgId?: string): Promise<{ id: string; providerOrgId: string } | null> {
  if (actor.kind !== 'user') return null;
  const rows = await tx
    .select({ id: servicemen.id, providerOrgId: servicemen.providerOrgId })
    .from(servicemen)
    .where(and(eq(servicemen.userId, actor.userId), providerOrgId ? eq(servicemen.providerOrgId, providerOrgId) : sql`true`));
  return rows[0] ?? null;
}

// ---- notifications -------------------------------------------------------------------------------

export { notify, type NoticeInput } from '@/lib/notifications/notify';

export async function providerAdminUserIds(tx: Tx, orgId: string, at: Date): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'provider_admin'), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at))));
  return rows.map((r) => r.userId);
}

/** Operations staff of the platform organisation: escalations land in their notification centre. */
export async function operationsUserIds(tx: Tx, at: Date): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.role, 'operations'), eq(organisations.kind, 'platform'), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at))));
  return [...new Set(rows.map((r) => r.userId))];
}

export const bookingHref = (id: string) => `/account/bookings/${id}`;
export const providerBookingHref = (id: string) => `/provider/bookings/${id}`;

export type { BookingType };
