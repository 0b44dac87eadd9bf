import { and, eq } from 'drizzle-orm';
import { bookingAssignments, bookings, services } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { pickCrew } from '@/lib/availability/queries';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden, validation } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import {
  addDeadline,
  insertAssignments,
  loadBookingForWrite,
  lockCrew,
  notify,
  occupiedWindow,
  providerAdminUserIds,
  providerBookingHref,
  recordStatusRow,
  releaseAssignments,
  resolveDeadlines,
  runBookingTx,
  scheduleReminder,
  slotTaken,
  zoneSla,
} from './internal';
import { arrivalDueAt, canReschedule } from './policy';
import { rescheduleBookingInput } from './schemas';

const MINUTE = 60_000;

/**
 * rescheduleBooking(ctx, { bookingId, startsAt }) — the customer moves a scheduled booking in ONE
 * transaction: the old assignments are released and the new window's crew locked and inserted, so
 * either the booking has its new slot or it keeps the old one. Allowed exactly when cancelling
 * would be free (the same window); inside it the customer may still cancel with the fee.
 */
export async function rescheduleBooking(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; startsAt: string; endsAt: string; servicemanIds: string[] }> {
  authorize(ctx.actor, 'bookings.reschedule');
  const input = parseInput(rescheduleBookingInput, raw);
  const newStart = new Date(input.startsAt);
  return runBookingTx(
    ctx,
    async (c) => {
      const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
      if (!rel.includes('customer')) throw forbidden('Only the customer can move this booking.');
      if (b.type !== 'scheduled') throw new AppError('CONFLICT', 'Only scheduled bookings can be moved.', { from: b.status, to: b.status });
      if (b.status !== 'scheduled' && b.status !== 'pending') {
        throw new AppError('CONFLICT', `A booking that is ${b.status.replace(/_/g, ' ')} cannot be moved.`, { from: b.status, to: b.status });
      }
      const [assigned] = await c.tx.select({ id: bookingAssignments.id }).from(bookingAssignments).where(and(eq(bookingAssignments.bookingId, b.id), eq(bookingAssignments.active, true))).limit(1);
      const window = canReschedule({ booking: { type: b.type, status: b.status, createdAt: b.createdAt, startsAt: b.startsAt, totalMinor: toMinor(b.totalMinor), assigned: !!assigned }, at: c.now });
      if (!window.free) throw new AppError('CONFLICT', 'It is too late to move this booking. You can still cancel it (a fee applies).', { reason: window.reason });

      const [svc] = await c.tx.select({ minNoticeMinutes: services.minNoticeMinutes }).from(services).where(eq(services.id, b.serviceId));
      if (newStart.getTime() <= c.now.getTime()) throw validation({ startsAt: ['must be in the future'] });
      if (newStart.getTime() < c.now.getTime() + (svc?.minNoticeMinutes ?? 0) * MINUTE) throw validation({ startsAt: [`must be at least ${svc?.minNoticeMinutes ?? 0} minutes from now (the provider's notice period)`] });
      if (b.startsAt && newStart.getTime() === b.startsAt.getTime()) throw validation({ startsAt: ['is the current start time'] });

      const newEnd = new Date(newStart.getTime() + b.durationMinutes * MINUTE);
      const win = occupiedWindow(newStart, newEnd, b.bufferBeforeMinutes, b.bufferAfterMinutes);
      // Release first so the same crew may take an overlapping new window; a failure below rolls
      // the release back with everything else.
      await releaseAssignments(c.tx, b.id, c.now);
      let crew = await pickCrew(c.tx, { serviceId: b.serviceId, startsAt: newStart, endsAt: newEnd, at: c.now });
      if (!crew) throw slotTaken(b.serviceId, newStart);
      let taken = await lockCrew(c.tx, { ids: [crew.leadId, ...crew.supportIds], providerOrgId: b.providerOrgId, window: win });
      if (taken.length) {
        crew = await pickCrew(c.tx, { serviceId: b.serviceId, startsAt: newStart, endsAt: newEnd, at: c.now, exclude: taken });
        if (!crew) throw slotTaken(b.serviceId, newStart);
        taken = await lockCrew(c.tx, { ids: [crew.leadId, ...crew.supportIds], providerOrgId: b.providerOrgId, window: win });
        if (taken.length) throw slotTaken(b.serviceId, newStart);
      }
      await insertAssignments(c.tx, b.id, crew, win, c.now);
      const [row] = await c.tx
        .update(bookings)
        .set({ startsAt: newStart, endsAt: newEnd, version: b.version + 1, updatedAt: c.now })
        .where(and(eq(bookings.id, b.id), eq(bookings.version, b.version)))
        .returning();
      if (!row) throw new AppError('CONFLICT', 'This booking changed meanwhile. Please reload it.');
      await recordStatusRow(c, b.id, b.status, b.status, `rescheduled from ${b.startsAt?.toISOString() ?? '—'} to ${newStart.toISOString()}`);
      await resolveDeadlines(c.tx, b.id, ['arrival_sla', 'reminder'], 'cancelled', c.now);
      if (b.status === 'scheduled') await addDeadline(c.tx, b.id, 'arrival_sla', arrivalDueAt('scheduled', c.now, newStart, await zoneSla(c.tx, b.zoneId)));
      await scheduleReminder(c.tx, row, c.now);
      await emitEvent(c, 'booking.rescheduled', { bookingId: b.id, zoneId: b.zoneId, previousStartsAt: b.startsAt?.toISOString() ?? '', startsAt: newStart.toISOString() }, b.providerOrgId);
      await notify(c.tx, await providerAdminUserIds(c.tx, b.providerOrgId, c.now), {
        kind: 'booking.rescheduled',
        title: `Booking ${b.reference} moved`,
        body: `New start ${newStart.toISOString()}.`,
        href: providerBookingHref(b.id),
        businessKey: `booking:${b.id}:rescheduled:${row.version}`,
      });
      await recordAudit(c, {
        action: 'bookings.reschedule',
        entityType: 'booking',
        entityId: b.id,
        tenantId: b.providerOrgId,
        data: { from: b.startsAt?.toISOString() ?? null, to: newStart.toISOString(), servicemanIds: [crew.leadId, ...crew.supportIds] },
      });
      return { bookingId: b.id, startsAt: newStart.toISOString(), endsAt: newEnd.toISOString(), servicemanIds: [crew.leadId, ...crew.supportIds] };
    },
    () => new AppError('CONFLICT', 'That slot was just taken. Please pick another time.'),
  );
}
