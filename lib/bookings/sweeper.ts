/**
 * The deadline sweeper ('bookings.sweep', every minute): acts on every pending booking_deadlines
 * row due at `at`. Each deadline is handled in a transaction of its own (a bad row never blocks the
 * rest); the booking row is locked first (the lock order of every booking verb, so no deadlock)
 * and the deadline re-checked under it, so two sweepers never handle one row twice. Tests drive time through `at`.
 * - acceptance / arrival / completion SLA → breached, 'booking.sla_breached', operations alerted;
 * - offer_timeout → the offer expires and the next eligible serviceman gets one;
 * - provider_confirmation → the request expires: cancelled, hold released, crew freed;
 * - payment_hold → an unconfirmed payment is given up: cancelled, slot released (RELIABILITY F8);
 * - reminder → a still-scheduled booking's customer gets a mail and an in-app notice ("Reminder:
 *   <service> tomorrow at <time in the booking's zone>"), the crew an in-app notice; sent once
 *   (the deadline is resolved in the same transaction, notices carry business keys). A booking
 *   that is no longer scheduled, or moved since, gets nothing: the reminder is cancelled.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { bookingDeadlines, bookings, dispatchOffers, notifications, services, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { cancelInTx } from './cancel-booking';
import { dispatchNext } from './dispatch';
import { queueMail } from '@/lib/notifications/queue-mail';
import { activeCrew, bookingHref, notify, operationsUserIds, REMINDER_BEFORE_MINUTES, runBookingTx, type BookingRow, type TxCtx } from './internal';
import { mailTime } from './mail-text';

const BATCH = 200;

export interface SweepResult {
  handled: number;
  breached: number;
  offersExpired: number;
  requestsExpired: number;
  holdsExpired: number;
  remindersSent: number;
  failed: number;
}

export async function sweepDeadlines(at: Date, opts: { limit?: number } = {}): Promise<SweepResult> {
  const out: SweepResult = { handled: 0, breached: 0, offersExpired: 0, requestsExpired: 0, holdsExpired: 0, remindersSent: 0, failed: 0 };
  const ctx: Ctx = { actor: { kind: 'system', job: 'bookings.sweep', roles: [] }, requestId: `sweep-${newId()}`, now: at };
  const due = await db()
    .select({ id: bookingDeadlines.id })
    .from(bookingDeadlines)
    .where(and(eq(bookingDeadlines.status, 'pending'), sql`${bookingDeadlines.dueAt} <= ${at.toISOString()}::timestamptz`))
    .orderBy(asc(bookingDeadlines.dueAt))
    .limit(opts.limit ?? BATCH);
  for (const { id } of due) {
    try {
      const kind = await runBookingTx(ctx, (c) => handleOne(c, id));
      if (!kind) continue;
      if (kind === 'reminder:sent') {
        out.handled++;
        out.remindersSent++;
        continue;
      }
      out.handled++;
      if (kind === 'acceptance_sla' || kind === 'arrival_sla' || kind === 'completion_sla') out.breached++;
      else if (kind === 'offer_timeout') out.offersExpired++;
      else if (kind === 'provider_confirmation') out.requestsExpired++;
      else if (kind === 'payment_hold') out.holdsExpired++;
    } catch (err) {
      out.failed++;
      logger.error({ err, deadlineId: id }, 'booking deadline failed');
    }
  }
  return out;
}

async function handleOne(c: TxCtx, deadlineId: string): Promise<string | null> {
  const [peek] = rowsOf<{ booking_id: string }>(
    await c.tx.execute(sql`select booking_id::text from booking_deadlines where id = ${deadlineId}::uuid and status = 'pending'`),
  );
  if (!peek) return null;
  // Lock order everywhere: booking row first, then its deadlines / offers.
  const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, peek.booking_id)).for('update');
  const [d] = await c.tx.select().from(bookingDeadlines).where(eq(bookingDeadlines.id, deadlineId)).for('update');
  if (!b || !d || d.status !== 'pending' || d.dueAt.getTime() > c.now.getTime()) return null;

  switch (d.kind) {
    case 'acceptance_sla':
    case 'arrival_sla':
    case 'completion_sla': {
      await c.tx.update(bookingDeadlines).set({ status: 'breached', resolvedAt: c.now, escalatedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
      await emitEvent(c, 'booking.sla_breached', { bookingId: b.id, zoneId: b.zoneId, kind: d.kind, slaBreached: true }, b.providerOrgId);
      const what = d.kind === 'acceptance_sla' ? 'acceptance' : d.kind === 'arrival_sla' ? 'arrival' : 'completion';
      await notify(c.tx, await operationsUserIds(c.tx, c.now), {
        kind: 'booking.sla_breached',
        title: `SLA breached (${what}) on booking ${b.reference}`,
        body: `Due ${d.dueAt.toISOString()}; the booking is ${b.status.replace(/_/g, ' ')}.`,
        href: `/admin/bookings/${b.id}`,
        businessKey: `deadline:${d.id}`,
      });
      await recordAudit(c, { action: 'bookings.sla_breached', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { kind: d.kind, dueAt: d.dueAt.toISOString() } });
      return d.kind;
    }
    case 'offer_timeout': {
      await c.tx.update(bookingDeadlines).set({ status: 'breached', resolvedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
      await c.tx.update(dispatchOffers).set({ status: 'expired', respondedAt: c.now }).where(and(eq(dispatchOffers.bookingId, b.id), eq(dispatchOffers.status, 'open')));
      await dispatchNext(c, b.id);
      return d.kind;
    }
    case 'provider_confirmation':
    case 'payment_hold': {
      await c.tx.update(bookingDeadlines).set({ status: 'breached', resolvedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
      if (b.status === 'pending') {
        const reason = d.kind === 'provider_confirmation' ? 'the provider did not confirm in time' : 'the payment was not confirmed in time';
        await cancelInTx(c, b, { by: 'system', reason, feeMinor: 0n, note: d.kind === 'provider_confirmation' ? 'request expired' : 'payment hold expired' });
        await recordAudit(c, { action: 'bookings.expire', entityType: 'booking', entityId: b.id, tenantId: b.providerOrgId, data: { kind: d.kind } });
      }
      return d.kind;
    }
    case 'reminder': {
      const current = b.status === 'scheduled' && b.startsAt && b.startsAt.getTime() - REMINDER_BEFORE_MINUTES * 60_000 === d.dueAt.getTime();
      if (!current) {
        // Moved or no longer scheduled: a reminder of the old plan would mislead.
        await c.tx.update(bookingDeadlines).set({ status: 'cancelled', resolvedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
        return d.kind;
      }
      await c.tx.update(bookingDeadlines).set({ status: 'met', resolvedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
      await sendReminder(c, b);
      return 'reminder:sent';
    }
    default: {
      await c.tx.update(bookingDeadlines).set({ status: 'met', resolvedAt: c.now }).where(eq(bookingDeadlines.id, d.id));
      return d.kind;
    }
  }
}

/**
 * The day-before reminder. Keyed by booking and start, so even a reminder row re-created for the
 * same start (a crew change) never reaches anyone twice: the customer's notice is the guard for the mail.
 */
async function sendReminder(c: TxCtx, b: BookingRow): Promise<void> {
  const startsAt = b.startsAt!;
  const key = `booking:${b.id}:reminder:${startsAt.toISOString()}`;
  const [sent] = await c.tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, b.customerId), eq(notifications.businessKey, key)))
    .limit(1);
  if (sent) return;
  const [svc] = await c.tx.select({ title: services.title }).from(services).where(eq(services.id, b.serviceId));
  const time = mailTime(startsAt, b.timeZone, { timeOnly: true });
  const title = `Reminder: ${svc?.title ?? 'your booking'} tomorrow at ${time}`;
  await notify(c.tx, [b.customerId], { kind: 'booking.reminder', title, body: `Booking ${b.reference}, ${b.addressLine}.`, href: bookingHref(b.id), businessKey: key });
  const crew = await activeCrew(c.tx, b.id);
  await notify(c.tx, crew.map((m) => m.userId), {
    kind: 'booking.reminder',
    title: `Reminder: ${b.reference} tomorrow at ${time}`,
    body: `${svc?.title ?? 'Job'} at ${b.addressLine}.`,
    href: '/provider/jobs',
    businessKey: key,
  });
  const [customer] = await c.tx.select({ email: users.email }).from(users).where(eq(users.id, b.customerId));
  if (customer) {
    await queueMail(c.tx, {
      to: customer.email,
      subject: title,
      text: `${title}.\n\nWhen: ${mailTime(startsAt, b.timeZone)}\nWhere: ${b.addressLine}\nBooking: ${b.reference}\n\nNeed to change something? Open your booking in your account.\n`,
      template: 'booking.reminder',
    });
  }
  await emitEvent(c, 'booking.reminder_sent', { bookingId: b.id, zoneId: b.zoneId }, b.providerOrgId);
}
