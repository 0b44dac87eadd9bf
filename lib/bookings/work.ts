/**
 * The crew's verbs: check in (→ in_progress), complete (→ completed, provider's share released to
 * pending), and no-shows (DOMAIN.md): a customer no-show after the crew checked in pays the
 * cancellation fee; a crew no-show refunds the customer in full and counts against the provider.
 */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { bookingAssignments, bookingStatusChanges, services, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize, can } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { releaseBookingFunds } from '@/lib/finance/booking-money';
import { rowsOf } from '@/db/client';
import { queueMail } from '@/lib/notifications/queue-mail';
import { cancelInTx } from './cancel-booking';
import { activeCrew, bookingHref, callerServiceman, loadBookingForWrite, moveStatus, notify, recordStatusRow, releaseAssignments, resolveDeadlines, runBookingTx, type Relation } from './internal';
import { mailPriceLines, mailTime } from './mail-text';
import { assertTransition, cancellationFee, CREW_NO_SHOW_AFTER_MINUTES } from './policy';
import { bookingIdInput, markNoShowInput } from './schemas';
import { startJob } from './start-job';

function authorizeWork(ctx: Ctx): void {
  if (!can(ctx.actor, 'bookings.work') && !can(ctx.actor, 'bookings.manage')) authorize(ctx.actor, 'bookings.work');
}

/** Crew (assigned) or the provider's admins act on the job; anyone else who can see it may not. */
function assertWorker(rel: Relation[]): void {
  if (!rel.includes('crew') && !rel.includes('provider')) throw forbidden('Only the assigned crew or the provider can do that.');
}

/** checkIn(ctx, { bookingId }) — the crew is on site: scheduled → in_progress, payment captured into escrow. */
export async function checkIn(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string }> {
  authorizeWork(ctx);
  const input = parseInput(bookingIdInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    assertWorker(rel);
    assertTransition(b.status, 'in_progress', b.type);
    if (!(await activeCrew(c.tx, b.id)).length) throw new AppError('CONFLICT', 'Assign a crew before checking in.');
    const row = await startJob(c, b);
    await notify(c.tx, [b.customerId], { kind: 'booking.started', title: 'Your crew has arrived', href: bookingHref(b.id), businessKey: `booking:${b.id}:started:${row.version}` });
    await recordAudit(c, { action: 'bookings.check_in', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { from: b.status } });
    return { bookingId: b.id, status: row.status };
  });
}

/** completeBooking(ctx, { bookingId }) — in_progress → completed; funds released net of fees; receipt sent. */
export async function completeBooking(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string }> {
  authorizeWork(ctx);
  const input = parseInput(bookingIdInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    assertWorker(rel);
    const row = await moveStatus(c, b, 'completed', { note: 'job completed', set: { completedAt: c.now } });
    await resolveDeadlines(c.tx, b.id, ['completion_sla', 'arrival_sla'], 'met', c.now);
    // The crew is free from now on (a job that ends early gives its remaining window back).
    await releaseAssignments(c.tx, b.id, c.now);
    await releaseBookingFunds(c, b.id);
    await notify(c.tx, [b.customerId], { kind: 'booking.completed', title: `Job done — receipt for ${b.reference}`, href: bookingHref(b.id), businessKey: `booking:${b.id}:completed` });
    const [customer] = await c.tx.select({ email: users.email }).from(users).where(eq(users.id, b.customerId));
    if (customer) {
      await queueMail(c.tx, {
        to: customer.email,
        subject: `Receipt for booking ${b.reference}`,
        text: `Thank you. Booking ${b.reference} is complete (${mailTime(c.now, b.timeZone)}).\n\n${mailPriceLines(b)}\n`,
        template: 'booking.receipt',
      });
    }
    await recordAudit(c, { action: 'bookings.complete', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: {} });
    return { bookingId: b.id, status: row.status };
  });
}

export const ON_THE_WAY_NOTE = 'crew on the way';

/**
 * markOnTheWay(ctx, { bookingId }) — a member of the booking's active crew sets off: the customer
 * gets an in-app notice and a mail, the timeline a note. Only while the job waits for the crew on
 * site (a scheduled booking, on demand included once accepted). Idempotent: a second tap for the
 * same crew assignment answers with the first instant and tells nobody again.
 */
export async function markOnTheWay(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string; onTheWayAt: string; repeated: boolean }> {
  authorize(ctx.actor, 'bookings.work');
  const input = parseInput(bookingIdInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    const me = rel.includes('crew') ? await callerServiceman(c.tx, c.actor, b.providerOrgId) : null;
    const crew = await activeCrew(c.tx, b.id);
    if (!me || !crew.some((m) => m.servicemanId === me.id)) throw forbidden('Only the crew assigned to this job can say they are on the way.');
    if (b.status !== 'scheduled') {
      throw new AppError('CONFLICT', `A booking that is ${b.status.replace(/_/g, ' ')} is not waiting for its crew.`, { from: b.status, to: 'in_progress' });
    }
    // Since this crew got the job: an earlier crew's "on the way" does not count for the new one.
    const [assigned] = rowsOf<{ since: Date | string }>(
      await c.tx.execute(sql`select max(created_at) as since from ${bookingAssignments} where booking_id = ${b.id}::uuid and active`),
    );
    const since = new Date(assigned?.since ?? b.createdAt);
    const [prev] = await c.tx
      .select({ at: bookingStatusChanges.at })
      .from(bookingStatusChanges)
      .where(and(eq(bookingStatusChanges.bookingId, b.id), eq(bookingStatusChanges.note, ON_THE_WAY_NOTE), gte(bookingStatusChanges.at, since)))
      .orderBy(desc(bookingStatusChanges.at))
      .limit(1);
    if (prev) return { bookingId: b.id, status: b.status, onTheWayAt: prev.at.toISOString(), repeated: true };

    await recordStatusRow(c, b.id, b.status, b.status, ON_THE_WAY_NOTE);
    await emitEvent(c, 'booking.crew_on_the_way', { bookingId: b.id, zoneId: b.zoneId, servicemanId: me.id }, b.providerOrgId);
    const key = `booking:${b.id}:on_the_way:${since.toISOString()}`;
    await notify(c.tx, [b.customerId], { kind: 'booking.on_the_way', title: 'Your crew is on the way', body: `For booking ${b.reference}.`, href: bookingHref(b.id), businessKey: key });
    const [customer] = await c.tx.select({ email: users.email }).from(users).where(eq(users.id, b.customerId));
    const [svc] = await c.tx.select({ title: services.title }).from(services).where(eq(services.id, b.serviceId));
    if (customer) {
      const when = b.startsAt ? ` Your booking is for ${mailTime(b.startsAt, b.timeZone)}.` : '';
      await queueMail(c.tx, {
        to: customer.email,
        subject: `Your crew is on the way — ${b.reference}`,
        text: `Your crew for ${svc?.title ?? 'your booking'} is on the way to ${b.addressLine}.${when}\n`,
        template: 'booking.on_the_way',
      });
    }
    await recordAudit(c, { action: 'bookings.on_the_way', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { servicemanId: me.id } });
    return { bookingId: b.id, status: b.status, onTheWayAt: c.now.toISOString(), repeated: false };
  });
}

/**
 * markNoShow(ctx, { bookingId, party }).
 * - customer: reported by the crew or provider once checked in (in_progress) → cancelled with the
 *   cancellation fee per the policy at this instant;
 * - crew: reported by the customer or operations once the start is CREW_NO_SHOW_AFTER_MINUTES past
 *   and nobody checked in → cancelled, full refund, recorded against the provider.
 */
export async function markNoShow(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: 'cancelled'; feeMinor: number }> {
  authorize(ctx.actor, 'bookings.report_no_show');
  const input = parseInput(markNoShowInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    let feeMinor = 0n;
    if (input.party === 'customer') {
      if (!rel.includes('crew') && !rel.includes('provider') && !rel.includes('operations')) throw forbidden('Only the crew, the provider or operations can report a customer no-show.');
      if (b.status !== 'in_progress') throw new AppError('CONFLICT', 'A customer no-show can be reported only after the crew checked in on site.', { from: b.status, to: 'cancelled' });
      feeMinor = cancellationFee({
        booking: { type: b.type, status: b.status, createdAt: b.createdAt, startsAt: b.startsAt, totalMinor: toMinor(b.totalMinor), assigned: true },
        at: c.now,
      }).feeMinor;
    } else {
      if (!rel.includes('customer') && !rel.includes('operations')) throw forbidden('Only the customer or operations can report a crew no-show.');
      if (b.status !== 'scheduled') throw new AppError('CONFLICT', `A crew no-show needs a scheduled booking nobody checked in to (this one is ${b.status.replace(/_/g, ' ')}).`, { from: b.status, to: 'cancelled' });
      const due = (b.startsAt ?? b.acceptedAt ?? b.createdAt).getTime() + CREW_NO_SHOW_AFTER_MINUTES * 60_000;
      if (c.now.getTime() < due) throw new AppError('CONFLICT', `A crew no-show can be reported ${CREW_NO_SHOW_AFTER_MINUTES} minutes after the start.`, { reportableFrom: new Date(due).toISOString() });
    }
    assertTransition(b.status, 'cancelled', b.type);
    const by = input.party === 'customer' ? (rel.includes('operations') && !rel.includes('provider') && !rel.includes('crew') ? 'operations' : 'provider') : rel.includes('customer') ? 'customer' : 'operations';
    await cancelInTx(c, b, { by, reason: `${input.party} no-show`, feeMinor, note: `${input.party} no-show` });
    await emitEvent(c, 'booking.no_show', { bookingId: b.id, zoneId: b.zoneId, party: input.party }, b.providerOrgId);
    await recordAudit(c, {
      action: 'bookings.no_show',
      entityType: 'booking',
      entityId: b.id,
      tenantId: b.providerOrgId,
      // A crew no-show is recorded against the provider (tenantId = provider org).
      data: { party: input.party, feeMinor: feeMinor.toString(), againstProvider: input.party === 'crew' },
    });
    return { bookingId: b.id, status: 'cancelled' as const, feeMinor: toWire(feeMinor) };
  });
}
