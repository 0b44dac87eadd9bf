/**
 * Availability reads: the service, its provider's eligible crew and their working time, loaded in
 * a fixed handful of queries (service, crew, hours, exceptions, time off, busy windows) whatever
 * the number of days or people, then handed to the pure slot generator.
 *
 * Eligible = active servicemen of the service's provider whose skills include the service's
 * category. Everything here only READS: the booking orchestrator locks the chosen crew's rows and
 * re-checks before it writes, and the exclusion constraint on booking_assignments is the last
 * safety net.
 */
import { and, arrayContains, asc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { bookingAssignments, organisations, serviceCategories, servicemanExceptions, servicemanHours, servicemanTimeOff, servicemen, services } from '@/db/schema';
import { notFound, validation } from '@/lib/core/errors';
import { chooseCrew, freeForWindow, generateSlots, type CrewMember, type Slot } from './slots';
import { addDays, isValidDate, isValidTimeZone, localDate, zonedTimeToInstant } from '@/lib/core/zoned-time';

/** Candidate starts every half hour of local wall-clock time. */
export const SLOT_STEP_MINUTES = 30;
export const MAX_SLOT_DAYS = 14;
const DAY = 86_400_000;

export interface ServiceForSlots {
  id: string;
  providerOrgId: string;
  status: 'draft' | 'active' | 'paused' | 'archived';
  categorySlug: string;
  durationMinutes: number;
  crewSize: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  providerTimeZone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadServiceForSlots(ex: Executor, serviceId: string): Promise<ServiceForSlots | null> {
  if (!UUID.test(serviceId)) return null;
  const [row] = await ex
    .select({
      id: services.id,
      providerOrgId: services.providerOrgId,
      status: services.status,
      categorySlug: serviceCategories.slug,
      durationMinutes: services.durationMinutes,
      crewSize: services.crewSize,
      bufferBeforeMinutes: services.bufferBeforeMinutes,
      bufferAfterMinutes: services.bufferAfterMinutes,
      minNoticeMinutes: services.minNoticeMinutes,
      providerTimeZone: organisations.timeZone,
    })
    .from(services)
    .innerJoin(serviceCategories, eq(serviceCategories.id, services.categoryId))
    .innerJoin(organisations, eq(organisations.id, services.providerOrgId))
    .where(eq(services.id, serviceId));
  return row ?? null;
}

/**
 * The eligible crew of a service with everything that shapes their availability in [from, to):
 * weekly hours, exceptions on the local dates around the range, time off and active assignment
 * windows (buffers included) that overlap it.
 */
export async function loadCrew(ex: Executor, svc: ServiceForSlots, from: Date, to: Date, exclude: string[] = []): Promise<CrewMember[]> {
  const filters = [eq(servicemen.providerOrgId, svc.providerOrgId), eq(servicemen.status, 'active'), arrayContains(servicemen.skills, [svc.categorySlug])];
  if (exclude.length) filters.push(notInArray(servicemen.id, exclude));
  const people = await ex
    .select({ id: servicemen.id, timeZone: servicemen.timeZone, canLead: servicemen.canLead })
    .from(servicemen)
    .where(and(...filters))
    .orderBy(asc(servicemen.id));
  if (!people.length) return [];
  const ids = people.map((p) => p.id);
  // Exception dates are local to each person; two days of margin cover every zone's offset.
  const firstDate = addDays(new Date(from).toISOString().slice(0, 10), -2);
  const lastDate = addDays(new Date(to).toISOString().slice(0, 10), 2);
  const hours = await ex
    .select({ servicemanId: servicemanHours.servicemanId, weekday: servicemanHours.weekday, startsAt: servicemanHours.startsAt, endsAt: servicemanHours.endsAt })
    .from(servicemanHours)
    .where(inArray(servicemanHours.servicemanId, ids));
  const exceptions = await ex
    .select({
      servicemanId: servicemanExceptions.servicemanId,
      date: servicemanExceptions.onDate,
      kind: servicemanExceptions.kind,
      startsAt: servicemanExceptions.startsAt,
      endsAt: servicemanExceptions.endsAt,
    })
    .from(servicemanExceptions)
    .where(and(inArray(servicemanExceptions.servicemanId, ids), gte(servicemanExceptions.onDate, firstDate), lte(servicemanExceptions.onDate, lastDate)));
  const timeOff = await ex
    .select({ servicemanId: servicemanTimeOff.servicemanId, start: servicemanTimeOff.startsAt, end: servicemanTimeOff.endsAt })
    .from(servicemanTimeOff)
    .where(and(inArray(servicemanTimeOff.servicemanId, ids), sql`${servicemanTimeOff.startsAt} < ${to.toISOString()}`, sql`${servicemanTimeOff.endsAt} > ${from.toISOString()}`));
  // Epoch milliseconds: both drivers return a float8 as a number, whatever their date parsing.
  const busy = await ex
    .select({
      servicemanId: bookingAssignments.servicemanId,
      start: sql<number>`(extract(epoch from lower(${bookingAssignments.window})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${bookingAssignments.window})) * 1000)::float8`,
    })
    .from(bookingAssignments)
    .where(
      and(
        inArray(bookingAssignments.servicemanId, ids),
        eq(bookingAssignments.active, true),
        sql`${bookingAssignments.window} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`,
      ),
    );

  const byId = new Map<string, CrewMember>(
    people.map((p) => [p.id, { servicemanId: p.id, timeZone: p.timeZone, canLead: p.canLead, hours: [], exceptions: [], timeOff: [], busy: [] }]),
  );
  for (const h of hours) byId.get(h.servicemanId)!.hours.push({ weekday: h.weekday, startsAt: h.startsAt.slice(0, 5), endsAt: h.endsAt.slice(0, 5) });
  for (const e of exceptions) {
    byId.get(e.servicemanId)!.exceptions.push({ date: e.date, kind: e.kind, startsAt: e.startsAt?.slice(0, 5) ?? null, endsAt: e.endsAt?.slice(0, 5) ?? null });
  }
  for (const t of timeOff) byId.get(t.servicemanId)!.timeOff!.push({ start: t.start, end: t.end });
  for (const b of busy) byId.get(b.servicemanId)!.busy.push({ start: new Date(Number(b.start)), end: new Date(Number(b.end)) });
  // A serviceman with an unusable zone id (edited outside the app) is left out, not a 500.
  return [...byId.values()].filter((m) => isValidTimeZone(m.timeZone));
}

export interface AvailableSlots {
  timeZone: string;
  days: Array<{ date: string; slots: Slot[] }>;
}

/**
 * Bookable slots of an ACTIVE service for `days` calendar dates from `from`, in `timeZone` (the
 * zone of the job location; the provider's home zone when not given), from today there when `from`
 * is not given. Minimum notice counts from
 * `at`. A service that is not active is NOT_FOUND: drafts are not public.
 */
export async function availableSlots(ex: Executor, q: { serviceId: string; from?: string; days: number; timeZone?: string; at: Date }): Promise<AvailableSlots> {
  if (q.from !== undefined && !isValidDate(q.from)) throw validation({ from: ['must be a date such as 2026-05-01'] });
  if (!Number.isInteger(q.days) || q.days < 1 || q.days > MAX_SLOT_DAYS) throw validation({ days: [`must be between 1 and ${MAX_SLOT_DAYS}`] });
  if (q.timeZone !== undefined && !isValidTimeZone(q.timeZone)) throw validation({ timeZone: ['must be an IANA time zone such as Europe/London'] });
  const svc = await loadServiceForSlots(ex, q.serviceId);
  if (!svc || svc.status !== 'active') throw notFound('That service');
  const timeZone = q.timeZone ?? svc.providerTimeZone;
  // Without a start date: today where the job happens.
  const fromDate = q.from ?? localDate(q.at, timeZone);
  const dates = Array.from({ length: q.days }, (_, i) => addDays(fromDate, i));
  const { from, to } = rangeOf(dates[0], dates[dates.length - 1], timeZone, svc);
  const crew = await loadCrew(ex, svc, from, to);
  const minStart = new Date(q.at.getTime() + svc.minNoticeMinutes * 60_000);
  return {
    timeZone,
    days: dates.map((date) => ({ date, slots: crew.length ? slotsOn(svc, crew, date, timeZone, minStart) : [] })),
  };
}

function slotsOn(svc: ServiceForSlots, crew: CrewMember[], date: string, timeZone: string, minStart: Date): Slot[] {
  return generateSlots({
    date,
    displayTimeZone: timeZone,
    durationMinutes: svc.durationMinutes,
    bufferBeforeMinutes: svc.bufferBeforeMinutes,
    bufferAfterMinutes: svc.bufferAfterMinutes,
    stepMinutes: SLOT_STEP_MINUTES,
    crew,
    crewSize: svc.crewSize,
    minStart,
  });
}

/** Instants covering every window that starts on [firstDate, lastDate] in `timeZone`. */
function rangeOf(firstDate: string, lastDate: string, timeZone: string, svc: ServiceForSlots): { from: Date; to: Date } {
  const start = zonedTimeToInstant(firstDate, '00:00', timeZone) ?? new Date(Date.parse(`${firstDate}T00:00:00Z`) - DAY);
  const end = zonedTimeToInstant(addDays(lastDate, 1), '00:00', timeZone) ?? new Date(Date.parse(`${lastDate}T00:00:00Z`) + 2 * DAY);
  return {
    from: new Date(start.getTime() - (svc.bufferBeforeMinutes + 180) * 60_000),
    to: new Date(end.getTime() + (svc.durationMinutes + svc.bufferAfterMinutes + 180) * 60_000),
  };
}

/**
 * A crew for an exact window (the booking orchestrator, inside its transaction): `crewSize`
 * eligible people free for [startsAt − bufferBefore, endsAt + bufferAfter), lead first. Read only;
 * the caller locks the returned rows and re-checks. `exclude` skips people found taken after
 * locking. Minimum notice is the caller's rule, not checked here (manual assignment may be late).
 */
export async function pickCrew(tx: Tx | Executor, q: { serviceId: string; startsAt: Date; endsAt: Date; at: Date; exclude?: string[] }): Promise<{ leadId: string; supportIds: string[] } | null> {
  if (q.endsAt.getTime() <= q.startsAt.getTime()) return null;
  const svc = await loadServiceForSlots(tx, q.serviceId);
  if (!svc) throw notFound('That service');
  const window = { start: new Date(q.startsAt.getTime() - svc.bufferBeforeMinutes * 60_000), end: new Date(q.endsAt.getTime() + svc.bufferAfterMinutes * 60_000) };
  const crew = await loadCrew(tx, svc, window.start, window.end, q.exclude ?? []);
  const ids = chooseCrew(freeForWindow(crew, window), svc.crewSize);
  return ids ? { leadId: ids[0], supportIds: ids.slice(1) } : null;
}

/**
 * The next bookable slots after `near` (a taken slot's start), up to `limit` (5), looking at most
 * two weeks ahead, in `timeZone` (provider's home zone by default). What a 409 points to.
 */
export async function alternativeSlots(ex: Executor, q: { serviceId: string; near: Date; at: Date; limit?: number; timeZone?: string }): Promise<Slot[]> {
  const limit = Math.min(Math.max(q.limit ?? 5, 1), 20);
  if (q.timeZone !== undefined && !isValidTimeZone(q.timeZone)) throw validation({ timeZone: ['must be an IANA time zone such as Europe/London'] });
  const svc = await loadServiceForSlots(ex, q.serviceId);
  if (!svc || svc.status !== 'active') throw notFound('That service');
  const timeZone = q.timeZone ?? svc.providerTimeZone;
  const minStart = new Date(Math.max(q.at.getTime() + svc.minNoticeMinutes * 60_000, q.near.getTime() + 1));
  const first = localDate(minStart, timeZone);
  const dates = Array.from({ length: MAX_SLOT_DAYS }, (_, i) => addDays(first, i));
  const { from, to } = rangeOf(dates[0], dates[dates.length - 1], timeZone, svc);
  const crew = await loadCrew(ex, svc, from, to);
  if (!crew.length) return [];
  const out: Slot[] = [];
  for (const date of dates) {
    for (const slot of slotsOn(svc, crew, date, timeZone, minStart)) {
      out.push(slot);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

