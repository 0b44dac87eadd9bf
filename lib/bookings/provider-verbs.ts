/**
 * The provider admin's verbs: assign or reassign a crew by hand, and answer booking requests of
 * services that need confirmation (confirm, or decline — which releases the hold). Plus the hook
 * lib/finance calls when a payment that needed customer action is finally authorised.
 */
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { bookingDeadlines, bookings, dispatchOffers, services, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { cancelInTx } from './cancel-booking';
import { dispatchNext } from './dispatch';
import {
  activeCrew,
  addDeadline,
  bookingHref,
  insertAssignments,
  loadBookingForWrite,
  lockCrew,
  minutesBetween,
  moveStatus,
  notify,
  occupiedWindow,
  recordStatusRow,
  releaseAssignments,
  resolveDeadlines,
  runBookingTx,
  scheduleReminder,
  uuidArray,
  zoneSla,
  type BookingRow,
  type TxCtx,
} from './internal';
import { arrivalDueAt, type BookingStatus } from './policy';
import { mailMoney, mailTime } from './mail-text';
import { assignCrewInput, bookingIdInput, declineRequestInput } from './schemas';

const MINUTE = 60_000;

async function loadForProvider(c: TxCtx, bookingId: string) {
  const { booking, rel } = await loadBookingForWrite(c, bookingId);
  if (!rel.includes('provider')) throw forbidden('Only the provider’s admins can do that.');
  return booking;
}

export interface CrewChoice {
  leadId: string;
  supportIds: string[];
}

export interface AssignInTxOptions {
  /** 'manual' = the provider's admin; 'operations' = platform staff (reason required upstream). */
  via: 'manual' | 'operations';
  /** The booking-timeline note; a same-status change (a reassignment) records a history row only when given. */
  note: string;
  /** Error text for someone who is not an active, skilled serviceman of the booking's provider. */
  notOurs: string;
}

/**
 * THE assignment routine (provider admins and operations both come through here). The caller has
 * locked the booking row (loadBookingForWrite); this locks the chosen servicemen rows next — the
 * lock order of every booking writer — re-checks they are free, releases the old crew and inserts
 * the new one in the same transaction. Only the booking's provider's servicemen qualify.
 */
export async function assignCrewInTx(c: TxCtx, b: BookingRow, crew: CrewChoice, opts: AssignInTxOptions): Promise<{ row: BookingRow; servicemanIds: string[]; previous: string[] }> {
  const ids = [crew.leadId, ...crew.supportIds];
  if (new Set(ids).size !== ids.length) throw validation({ supportIds: ['must not repeat anyone (including the lead)'] });
  const assignable: BookingStatus[] = ['pending', 'awaiting_assignment', 'scheduled'];
  if (!assignable.includes(b.status)) {
    throw new AppError('CONFLICT', `A booking that is ${b.status.replace(/_/g, ' ')} cannot get a new crew.`, { from: b.status, to: 'scheduled' });
  }
  if (ids.length !== b.crewSize) throw validation({ supportIds: [`must make a crew of exactly ${b.crewSize} (lead included)`] });
  const qualified = rowsOf<{ id: string; can_lead: boolean }>(
    await c.tx.execute(sql`
      select s.id::text, s.can_lead from servicemen s
        join services sv on sv.id = ${b.serviceId}::uuid
        join service_categories cat on cat.id = sv.category_id
       where s.id = any(${uuidArray(ids)}) and s.provider_org_id = ${b.providerOrgId}::uuid and s.status = 'active' and cat.slug = any(s.skills)`),
  );
  const ok = new Map(qualified.map((q) => [q.id, q.can_lead]));
  if (!ok.has(crew.leadId)) throw validation({ leadId: [opts.notOurs] });
  if (!ok.get(crew.leadId)) throw validation({ leadId: ['cannot lead a crew'] });
  const bad = crew.supportIds.findIndex((id) => !ok.has(id));
  if (bad >= 0) throw validation({ [`supportIds.${bad}`]: [opts.notOurs] });

  const startsAt = b.startsAt ?? c.now;
  const endsAt = b.endsAt ?? new Date(c.now.getTime() + b.durationMinutes * MINUTE);
  const window = occupiedWindow(startsAt, endsAt, b.bufferBeforeMinutes, b.bufferAfterMinutes);
  const before = await activeCrew(c.tx, b.id);
  await releaseAssignments(c.tx, b.id, c.now);
  const busy = await lockCrew(c.tx, { ids, providerOrgId: b.providerOrgId, window });
  if (busy.length) throw new AppError('CONFLICT', 'Someone in that crew is already booked or off at that time.', { busyServicemanIds: busy });
  await insertAssignments(c.tx, b.id, crew, window, c.now);

  let row: BookingRow = b;
  if (b.status === 'awaiting_assignment') {
    await c.tx.update(dispatchOffers).set({ status: 'withdrawn', respondedAt: c.now }).where(and(eq(dispatchOffers.bookingId, b.id), eq(dispatchOffers.status, 'open')));
    await resolveDeadlines(c.tx, b.id, ['offer_timeout'], 'cancelled', c.now);
    await resolveDeadlines(c.tx, b.id, ['acceptance_sla'], 'met', c.now);
    row = await moveStatus(c, b, 'scheduled', { note: opts.note, acceptedAfterMinutes: minutesBetween(b.createdAt, c.now), set: { startsAt, endsAt, acceptedAt: c.now } });
    const sla = await zoneSla(c.tx, b.zoneId);
    await addDeadline(c.tx, b.id, 'arrival_sla', arrivalDueAt(b.type, c.now, b.type === 'scheduled' ? startsAt : null, sla));
  } else {
    const [bumped] = await c.tx.update(bookings).set({ version: b.version + 1, updatedAt: c.now }).where(eq(bookings.id, b.id)).returning();
    row = bumped ?? b;
    if (opts.via === 'operations') await recordStatusRow(c, b.id, b.status, b.status, opts.note);
  }
  await scheduleReminder(c.tx, row, c.now);
  await emitEvent(c, 'booking.crew_assigned', { bookingId: b.id, zoneId: b.zoneId, servicemanIds: ids, via: opts.via }, b.providerOrgId);
  const crewUsers = rowsOf<{ user_id: string | null }>(await c.tx.execute(sql`select user_id::text from servicemen where id = any(${uuidArray(ids)})`));
  await notify(c.tx, crewUsers.map((u) => u.user_id), { kind: 'booking.assigned', title: `You are on booking ${b.reference}`, href: `/provider/jobs/${b.id}`, businessKey: `booking:${b.id}:assigned:${row.version}:${b.version}` });
  // Whoever was taken off the job hears it from us, not from a customer at the door.
  const removed = before.filter((m) => !ids.includes(m.servicemanId)).map((m) => m.userId);
  await notify(c.tx, removed, { kind: 'booking.unassigned', title: `You are no longer on booking ${b.reference}`, body: 'The job was given to another crew member. Nothing to do.', href: '/provider/jobs', businessKey: `booking:${b.id}:removed:${b.version}` });
  await notify(c.tx, [b.customerId], { kind: 'booking.crew_assigned', title: before.length ? 'Your crew has changed' : 'Your crew is confirmed', href: bookingHref(b.id), businessKey: `booking:${b.id}:crew:${b.version}` });
  return { row, servicemanIds: ids, previous: before.map((m) => m.servicemanId) };
}

/**
 * assignCrew(ctx, { bookingId, leadId, supportIds }) — manual assignment or reassignment by the
 * provider's admin. The crew must be the provider's active servicemen with the category among their
 * skills (the lead able to lead), exactly the booking's crew size, and free for the window; old
 * assignments are released in the same transaction. An on-demand booking still waiting for a crew
 * gets the window now → now + duration and becomes scheduled.
 */
export async function assignCrew(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string; servicemanIds: string[] }> {
  authorize(ctx.actor, 'bookings.manage');
  const input = parseInput(assignCrewInput, raw);
  const ids = [input.leadId, ...input.supportIds];
  if (new Set(ids).size !== ids.length) throw validation({ supportIds: ['must not repeat anyone (including the lead)'] });
  return runBookingTx(ctx, async (c) => {
    const b = await loadForProvider(c, input.bookingId);
    const { row, previous } = await assignCrewInTx(c, b, input, { via: 'manual', note: 'crew assigned by the provider', notOurs: 'is not one of your active servicemen with this skill' });
    await recordAudit(c, {
      action: 'bookings.assign_crew',
      entityType: 'booking',
      entityId: b.id,
      tenantId: b.providerOrgId,
      data: { servicemanIds: ids, previous, status: row.status },
    });
    return { bookingId: b.id, status: row.status, servicemanIds: ids };
  });
}

async function hasPendingDeadline(c: TxCtx, bookingId: string, kind: 'payment_hold' | 'provider_confirmation'): Promise<boolean> {
  const [d] = await c.tx
    .select({ id: bookingDeadlines.id })
    .from(bookingDeadlines)
    .where(and(eq(bookingDeadlines.bookingId, bookingId), eq(bookingDeadlines.kind, kind), eq(bookingDeadlines.status, 'pending')));
  return !!d;
}

/**
 * Moves a pending booking on once nothing is outstanding any more (no payment action, no provider
 * confirmation): scheduled when it has its slot and crew, else awaiting_assignment (dispatch starts).
 */
async function proceedIfReady(c: TxCtx, b: BookingRow, note: string): Promise<BookingRow> {
  if (b.status !== 'pending') return b;
  if ((await hasPendingDeadline(c, b.id, 'payment_hold')) || (await hasPendingDeadline(c, b.id, 'provider_confirmation'))) return b;
  const crew = await activeCrew(c.tx, b.id);
  if (b.type === 'scheduled' && crew.length) {
    await resolveDeadlines(c.tx, b.id, ['acceptance_sla'], 'met', c.now);
    const row = await moveStatus(c, b, 'scheduled', { note, acceptedAfterMinutes: minutesBetween(b.createdAt, c.now), set: { acceptedAt: c.now } });
    const sla = await zoneSla(c.tx, b.zoneId);
    await addDeadline(c.tx, b.id, 'arrival_sla', arrivalDueAt('scheduled', c.now, b.startsAt, sla));
    await scheduleReminder(c.tx, row, c.now);
    return row;
  }
  const row = await moveStatus(c, b, 'awaiting_assignment', { note });
  if (b.type === 'on_demand') await dispatchNext(c, b.id);
  return row;
}

/** confirmRequest(ctx, { bookingId }) — the provider accepts a request before it expires. */
export async function confirmRequest(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string }> {
  authorize(ctx.actor, 'bookings.manage');
  const input = parseInput(bookingIdInput, raw);
  return runBookingTx(ctx, async (c) => {
    const b = await loadForProvider(c, input.bookingId);
    if (b.status !== 'pending' || !(await hasPendingDeadline(c, b.id, 'provider_confirmation'))) {
      throw new AppError('CONFLICT', `A booking that is ${b.status.replace(/_/g, ' ')} has no request waiting for you.`, { from: b.status, to: 'scheduled' });
    }
    if (b.confirmationDueAt && b.confirmationDueAt.getTime() <= c.now.getTime()) throw new AppError('CONFLICT', 'This request has expired.', { expiredAt: b.confirmationDueAt.toISOString() });
    await resolveDeadlines(c.tx, b.id, ['provider_confirmation'], 'met', c.now);
    const row = await proceedIfReady(c, b, 'confirmed by the provider');
    await notify(c.tx, [b.customerId], { kind: 'booking.confirmed', title: `Booking ${b.reference} confirmed`, href: bookingHref(b.id), businessKey: `booking:${b.id}:confirmed` });
    const [customer] = await c.tx.select({ email: users.email }).from(users).where(eq(users.id, b.customerId));
    if (customer) {
      const [svc] = await c.tx.select({ title: services.title }).from(services).where(eq(services.id, b.serviceId));
      const when = b.startsAt ? `\nWhen: ${mailTime(b.startsAt, b.timeZone)}` : '';
      await queueMail(c.tx, {
        to: customer.email,
        subject: `Booking ${b.reference} confirmed`,
        text: `The provider confirmed your booking ${b.reference}${svc ? ` (${svc.title})` : ''}.${when}\nAddress: ${b.addressLine}\nTotal: ${mailMoney(b.totalMinor, b.currency)}\n`,
        template: 'booking.confirmation',
      });
    }
    await recordAudit(c, { action: 'bookings.confirm_request', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { status: row.status } });
    return { bookingId: b.id, status: row.status };
  });
}

/** declineRequest(ctx, { bookingId, reason? }) — the provider says no: cancelled, hold released, crew freed. */
export async function declineRequest(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: 'cancelled' }> {
  authorize(ctx.actor, 'bookings.manage');
  const input = parseInput(declineRequestInput, raw);
  return runBookingTx(ctx, async (c) => {
    const b = await loadForProvider(c, input.bookingId);
    if (b.status !== 'pending' || !(await hasPendingDeadline(c, b.id, 'provider_confirmation'))) {
      throw new AppError('CONFLICT', `A booking that is ${b.status.replace(/_/g, ' ')} has no request waiting for you.`, { from: b.status, to: 'cancelled' });
    }
    await cancelInTx(c, b, { by: 'provider', reason: input.reason ?? 'declined by the provider', feeMinor: 0n, note: 'request declined' });
    await recordAudit(c, { action: 'bookings.decline_request', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: {} });
    return { bookingId: b.id, status: 'cancelled' as const };
  });
}

/**
 * For lib/finance (gateway webhook / return from 3-D Secure): the payment of a pending booking is
 * now authorised. Idempotent: a second call finds no pending payment_hold and changes nothing.
 * Runs in the caller's transaction (system or webhook actor).
 */
export async function onPaymentAuthorized(c: TxCtx, bookingId: string): Promise<{ status: string }> {
  const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!b) return { status: 'missing' };
  if (b.status !== 'pending' || !(await hasPendingDeadline(c, b.id, 'payment_hold'))) return { status: b.status };
  await resolveDeadlines(c.tx, b.id, ['payment_hold'], 'met', c.now);
  const row = await proceedIfReady(c, b, 'payment confirmed');
  await recordAudit(c, { action: 'bookings.payment_authorized', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { status: row.status } });
  return { status: row.status };
}

/** For lib/finance: the customer's payment action failed for good — the booking is cancelled, slot released. */
export async function onPaymentFailed(c: TxCtx, bookingId: string): Promise<{ status: string }> {
  const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, bookingId)).for('update');
  if (!b || b.status !== 'pending') return { status: b?.status ?? 'missing' };
  await cancelInTx(c, b, { by: 'system', reason: 'payment failed', feeMinor: 0n });
  await recordAudit(c, { action: 'bookings.payment_failed', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: {} });
  return { status: 'cancelled' };
}
