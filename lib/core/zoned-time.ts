/**
 * Wall-clock ↔ instant conversion for one IANA zone, per calendar date, with Intl only (no date
 * library). Availability is stored as local wall-clock times; every conversion here is made for
 * the date in question, never with today's offset, so DST changes never shift working hours.
 *
 * The written rules (docs/availability.md):
 * - a local time that does not exist on a date (spring-forward gap) has NO instant: slots are
 *   never offered there (`zonedTimeToInstant` returns null);
 * - a local time that exists twice (fall-back overlap) means the EARLIER instant;
 * - a working-hours boundary that falls into a gap is moved to the moment the clocks change
 *   (`boundaryInstant`), so a shift around the change keeps its real length.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const ZONE_SHAPE = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;

/**
 * True for an IANA zone id (Area/Location such as Europe/London, or UTC) this runtime knows.
 * Checked by constructing a formatter rather than against Intl.supportedValuesOf, which lists only
 * ICU's canonical names (Node 20 lists Asia/Calcutta but not Asia/Kolkata). Abbreviations such
 * as EST and odd spellings such as "utc" are refused so stored ids stay canonical-looking.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length > 64 || !ZONE_SHAPE.test(timeZone)) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at instant `at`. */
export function localParts(at: Date | number, timeZone: string): LocalParts {
  const parts = formatter(timeZone).formatToParts(new Date(at));
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of parts) {
    if (p.type in out) out[p.type as keyof LocalParts] = Number(p.value);
  }
  return out;
}

/** Offset of `timeZone` from UTC at instant `at` in ms (local wall clock − UTC). */
export function zoneOffsetMs(at: number, timeZone: string): number {
  const p = localParts(at, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** 'YYYY-MM-DD' of instant `at` in `timeZone`. */
export function localDate(at: Date | number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'HH:MM' of instant `at` in `timeZone`. */
export function localTime(at: Date | number, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)(?::([0-5]\d))?$/;

/** A calendar date as ms at UTC midnight (date arithmetic only; never an instant of a zone). */
export function parseDate(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Invalid date ${JSON.stringify(date)}; expected YYYY-MM-DD`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() + 1 !== Number(m[2]) || back.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}`);
  }
  return ms;
}

export function isValidDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

/** Minutes since midnight of 'HH:MM' (or 'HH:MM:SS' as PostgreSQL returns `time`); '24:00' = 1440. */
export function parseTimeOfDay(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`Invalid time ${JSON.stringify(time)}; expected HH:MM`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440 || (minutes === 1440 && m[3] && m[3] !== '00')) throw new RangeError(`Invalid time ${JSON.stringify(time)}`);
  return minutes;
}

/** 'HH:MM' for minutes since midnight (1440 → '24:00'). */
export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `date` + `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(parseDate(date) + days * DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(parseDate(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The instants a wall-clock minute of `date` maps to: 0 (gap), 1, or 2 (overlap), ascending. */
function candidates(wall: number, timeZone: string): number[] {
  // Offsets a day either side cover every real transition (none are closer than a day apart).
  const offsets = new Set([zoneOffsetMs(wall - DAY, timeZone), zoneOffsetMs(wall, timeZone), zoneOffsetMs(wall + DAY, timeZone)]);
  const out: number[] = [];
  for (const o of offsets) {
    const t = wall - o;
    if (zoneOffsetMs(t, timeZone) === o) out.push(t);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

// Per zone and date: the one offset of a day with no clock change near it, or null. Pure data, so
// a bounded memo is safe; it turns a week of slots from thousands of Intl calls into a few dozen.
const uniformDays = new Map<string, number | null>();

function uniformOffset(dateMs: number, timeZone: string): number | null {
  const key = `${timeZone}|${dateMs}`;
  const hit = uniformDays.get(key);
  if (hit !== undefined) return hit;
  const before = zoneOffsetMs(dateMs - DAY, timeZone);
  const after = zoneOffsetMs(dateMs + 2 * DAY, timeZone);
  const value = before === after ? before : null;
  if (uniformDays.size > 20_000) uniformDays.clear();
  uniformDays.set(key, value);
  return value;
}

function instantsOf(date: string, time: string, timeZone: string): { wall: number; found: number[] } {
  const dateMs = parseDate(date);
  const wall = dateMs + parseTimeOfDay(time) * MINUTE;
  const uniform = uniformOffset(dateMs, timeZone);
  return { wall, found: uniform === null ? candidates(wall, timeZone) : [wall - uniform] };
}

/**
 * The instant of wall-clock `time` ('HH:MM', '24:00' = the next date's midnight) on `date` in
 * `timeZone`: null when that local time does not exist (gap), the EARLIER instant when it exists
 * twice (overlap).
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date | null {
  const { found } = instantsOf(date, time, timeZone);
  return found.length ? new Date(found[0]) : null;
}

/**
 * Like zonedTimeToInstant, but a time inside a gap becomes the moment the clocks changed (the
 * first instant whose wall clock is later than `time`). Used for working-hours boundaries.
 */
export function boundaryInstant(date: string, time: string, timeZone: string): Date {
  const { wall, found } = instantsOf(date, time, timeZone);
  if (found.length) return new Date(found[0]);
  // In a gap: the transition lies between (wall − later offset) and (wall − earlier offset).
  const before = zoneOffsetMs(wall - DAY, timeZone);
  const after = zoneOffsetMs(wall + DAY, timeZone);
  let lo = wall - Math.max(before, after);
  let hi = wall - Math.min(before, after);
  // Binary search to the second for the first instant whose local wall clock passed `wall`.
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (mid + zoneOffsetMs(mid, timeZone) > wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * The instants of [from, to) whose wall clock in `timeZone` reads at least `startWall` (ms of the
 * local date at 00:00 UTC + minutes): when the clocks go back inside the span, the repeated stretch
 * before `startWall` is cut out, so a shift of 01:30–02:00 on a fall-back night is its two real
 * half-hours, never the hour in between. Spans without a transition come back whole.
 */
export function spanWithoutRepeatedTime(from: number, to: number, startWall: number, timeZone: string): Array<[number, number]> {
  if (to <= from) return [];
  const before = zoneOffsetMs(from, timeZone);
  const after = zoneOffsetMs(to - 1, timeZone);
  if (after >= before) return [[from, to]];
  // Find the transition to the second, then where the wall clock after it reaches startWall again.
  let lo = from;
  let hi = to - 1;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  const transition = hi;
  const resume = startWall - after;
  if (resume <= transition) return [[from, to]];
  const out: Array<[number, number]> = [[from, transition]];
  if (resume < to) out.push([resume, to]);
  return out;
}
