/**
 * Slot generation: pure, no database, no clock (the caller passes `minStart`).
 *
 * Candidate starts are wall-clock times of one calendar date in the DISPLAY zone (the zone of the
 * job location), every `stepMinutes` from local midnight, each converted to an instant for that
 * date (a local time in a spring-forward gap is skipped; one that happens twice takes the earlier
 * instant). A crew member is free for a slot when [start − bufferBefore, end + bufferAfter) lies
 * inside one of his working intervals — built per calendar date in HIS own zone from his weekly
 * hours and that date's exceptions — and touches none of his time off or busy intervals. A slot
 * needs `crewSize` free members, at least one of whom can lead; the lead comes first, the rest in
 * a stable order by id, so the same data always proposes the same crew.
 */
import { addDays, boundaryInstant, isoWeekday, localDate, parseTimeOfDay, spanWithoutRepeatedTime, zonedTimeToInstant, formatTimeOfDay } from '@/lib/core/zoned-time';

const MINUTE = 60_000;

export interface WeeklyHours {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 'HH:MM' local wall clock (seconds accepted and ignored). */
  startsAt: string;
  /** 'HH:MM', '24:00' = the end of the day. */
  endsAt: string;
}

export interface DateException {
  /** Calendar date in the serviceman's own zone. */
  date: string;
  kind: 'unavailable' | 'extra_hours';
  /** Null (with endsAt null) on 'unavailable' = the whole day. */
  startsAt: string | null;
  endsAt: string | null;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface CrewMember {
  servicemanId: string;
  timeZone: string;
  canLead: boolean;
  hours: WeeklyHours[];
  exceptions: DateException[];
  /** Time off (instants). Kept apart from `busy` for clarity; both block the member. */
  timeOff?: Interval[];
  /** Existing assignments, windows already including their buffers. */
  busy: Interval[];
}

export interface Slot {
  /** ISO instants (UTC). */
  startsAt: string;
  endsAt: string;
  /** The crew proposed for the slot; the first one is the lead. */
  servicemanIds: string[];
}

export interface GenerateSlotsOptions {
  /** 'YYYY-MM-DD' in the display zone. */
  date: string;
  displayTimeZone: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  stepMinutes: number;
  crew: CrewMember[];
  crewSize: number;
  /** No slot starts before this instant (now + minimum notice). */
  minStart: Date;
}

type Span = [number, number];

/** Sorted, merged union; touching spans join, so a shift running past midnight stays one span. */
function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** `spans` minus `cuts` (both merged). */
function subtract(spans: Span[], cuts: Span[]): Span[] {
  if (!cuts.length) return spans;
  const out: Span[] = [];
  for (const [a0, b] of spans) {
    let a = a0;
    for (const [c, d] of cuts) {
      if (d <= a || c >= b) continue;
      if (c > a) out.push([a, c]);
      a = Math.max(a, d);
      if (a >= b) break;
    }
    if (a < b) out.push([a, b]);
  }
  return out;
}

/**
 * [start, end) of wall-clock times on `date` in `tz` as instant spans; end '24:00' or ≤ start never
 * occurs (validated). Usually one span; two when the clocks go back inside it (the repeated stretch
 * before `start` is not working time).
 */
function localSpans(date: string, startsAt: string, endsAt: string, tz: string): Span[] {
  const [from, to] = blockedSpan(date, startsAt, endsAt, tz);
  return spanWithoutRepeatedTime(from, to, Date.parse(`${date}T00:00:00Z`) + parseTimeOfDay(startsAt) * 60_000, tz);
}

/** Time off by wall clock blocks the whole stretch between its boundaries, repeated hour included. */
function blockedSpan(date: string, startsAt: string, endsAt: string, tz: string): Span {
  const s = parseTimeOfDay(startsAt);
  const e = parseTimeOfDay(endsAt);
  return [boundaryInstant(date, formatTimeOfDay(s), tz).getTime(), boundaryInstant(date, formatTimeOfDay(e), tz).getTime()];
}

/**
 * The member's free time as instant spans, for every calendar date (in his zone) that the range
 * [from, to) touches: weekly hours of that date, minus whole-day and timed 'unavailable'
 * exceptions, plus 'extra_hours', minus time off and busy intervals.
 */
export function freeSpans(member: CrewMember, from: number, to: number): Span[] {
  const tz = member.timeZone;
  // One day of margin either side: a shift of the previous date can run past midnight.
  const first = addDays(localDate(from, tz), -1);
  const last = addDays(localDate(to, tz), 1);
  const byDate = new Map<string, DateException[]>();
  for (const ex of member.exceptions) {
    if (ex.date < first || ex.date > last) continue;
    const list = byDate.get(ex.date) ?? [];
    list.push(ex);
    byDate.set(ex.date, list);
  }
  const working: Span[] = [];
  const blocked: Span[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    const exceptions = byDate.get(date) ?? [];
    const dayOff = exceptions.some((e) => e.kind === 'unavailable' && e.startsAt === null);
    if (!dayOff) {
      const weekday = isoWeekday(date);
      for (const h of member.hours) if (h.weekday === weekday) working.push(...localSpans(date, h.startsAt, h.endsAt, tz));
    }
    for (const e of exceptions) {
      if (e.startsAt === null || e.endsAt === null) continue;
      // Extra hours count even on a day off; a timed 'unavailable' wins over both.
      if (e.kind === 'extra_hours') working.push(...localSpans(date, e.startsAt, e.endsAt, tz));
      else blocked.push(blockedSpan(date, e.startsAt, e.endsAt, tz));
    }
  }
  for (const i of member.timeOff ?? []) blocked.push([i.start.getTime(), i.end.getTime()]);
  for (const i of member.busy) blocked.push([i.start.getTime(), i.end.getTime()]);
  return subtract(merge(working), merge(blocked));
}

function covers(spans: Span[], a: number, b: number): boolean {
  for (const [s, e] of spans) {
    if (s <= a && b <= e) return true;
    if (s > a) return false;
  }
  return false;
}

/**
 * Picks a crew among the members free for the window: `crewSize` people with a lead. Stable:
 * members in id order, the first who can lead leads, the next ones in id order support.
 */
export function chooseCrew(free: Array<{ servicemanId: string; canLead: boolean }>, crewSize: number): string[] | null {
  if (crewSize < 1 || free.length < crewSize) return null;
  const sorted = [...free].sort((x, y) => (x.servicemanId < y.servicemanId ? -1 : x.servicemanId > y.servicemanId ? 1 : 0));
  const lead = sorted.find((m) => m.canLead);
  if (!lead) return null;
  const support = sorted.filter((m) => m !== lead).slice(0, crewSize - 1);
  return [lead.servicemanId, ...support.map((m) => m.servicemanId)];
}

/** The window a booking occupies for its crew: the job plus its buffers. */
export function occupiedWindow(start: Date, durationMinutes: number, bufferBeforeMinutes: number, bufferAfterMinutes: number): Interval {
  return {
    start: new Date(start.getTime() - bufferBeforeMinutes * MINUTE),
    end: new Date(start.getTime() + (durationMinutes + bufferAfterMinutes) * MINUTE),
  };
}

function assertOptions(o: GenerateSlotsOptions): void {
  if (!Number.isInteger(o.durationMinutes) || o.durationMinutes <= 0) throw new RangeError('durationMinutes must be a positive integer');
  if (!Number.isInteger(o.stepMinutes) || o.stepMinutes <= 0 || o.stepMinutes > 1440) throw new RangeError('stepMinutes must be 1–1440');
  if (o.bufferBeforeMinutes < 0 || o.bufferAfterMinutes < 0) throw new RangeError('buffers must not be negative');
  if (!Number.isInteger(o.crewSize) || o.crewSize < 1) throw new RangeError('crewSize must be at least 1');
}

/** The slots of one display-zone calendar date, ascending by start. */
export function generateSlots(opts: GenerateSlotsOptions): Slot[] {
  assertOptions(opts);
  const tz = opts.displayTimeZone;
  const dayStart = zonedTimeToInstant(opts.date, '00:00', tz) ?? zonedTimeToInstant(opts.date, '01:00', tz);
  const dayEnd = zonedTimeToInstant(addDays(opts.date, 1), '00:00', tz) ?? zonedTimeToInstant(addDays(opts.date, 1), '01:00', tz);
  if (!dayStart || !dayEnd || opts.crew.length < opts.crewSize) return [];
  const before = opts.bufferBeforeMinutes * MINUTE;
  const after = (opts.durationMinutes + opts.bufferAfterMinutes) * MINUTE;
  // Every window of the day lies in [first start − before, last start + after).
  const rangeFrom = dayStart.getTime() - before - 2 * 3_600_000;
  const rangeTo = dayEnd.getTime() + after + 2 * 3_600_000;
  const members = opts.crew.map((m) => ({ servicemanId: m.servicemanId, canLead: m.canLead, spans: freeSpans(m, rangeFrom, rangeTo) }));
  if (!members.some((m) => m.canLead && m.spans.length)) return [];

  const minStart = opts.minStart.getTime();
  const slots: Slot[] = [];
  for (let minute = 0; minute < 1440; minute += opts.stepMinutes) {
    const start = zonedTimeToInstant(opts.date, formatTimeOfDay(minute), tz);
    if (!start) continue; // spring-forward gap: this wall-clock time does not exist today
    const s = start.getTime();
    if (s < minStart) continue;
    const a = s - before;
    const b = s + after;
    const free = members.filter((m) => covers(m.spans, a, b));
    const crew = chooseCrew(free, opts.crewSize);
    if (!crew) continue;
    slots.push({ startsAt: start.toISOString(), endsAt: new Date(s + opts.durationMinutes * MINUTE).toISOString(), servicemanIds: crew });
  }
  return slots;
}

/** Members free for the whole window [a, b) (instants, buffers already applied). */
export function freeForWindow(crew: CrewMember[], window: Interval): Array<{ servicemanId: string; canLead: boolean }> {
  const a = window.start.getTime();
  const b = window.end.getTime();
  return crew.filter((m) => covers(freeSpans(m, a, b), a, b)).map((m) => ({ servicemanId: m.servicemanId, canLead: m.canLead }));
}
