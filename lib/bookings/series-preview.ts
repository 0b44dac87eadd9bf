/**
 * Client-safe preview of a weekly / fortnightly series: the start of each visit and the series
 * total. Used by the quote preview (server) and the booking wizard (browser) so both show the
 * same dates. The dates follow createBooking's rule: every visit keeps the local wall-clock time
 * of the first in the zone's time zone (DST-safe); a time that does not exist that day (spring
 * forward) moves an hour later.
 */
import { addDays, localDate, localTime, zonedTimeToInstant } from '@/lib/core/zoned-time';

export type SeriesEvery = 'week' | 'fortnight';
export const SERIES_MIN_VISITS = 2;
export const SERIES_MAX_VISITS = 12;

const DAY_MS = 86_400_000;

export interface SeriesVisit {
  /** 1-based position in the series. */
  index: number;
  startsAt: string;
  /** YYYY-MM-DD in the zone's time zone. */
  localDate: string;
}

export function seriesVisits(firstIso: string, timeZone: string, every: SeriesEvery, count: number): SeriesVisit[] {
  const first = new Date(firstIso);
  if (Number.isNaN(first.getTime())) return [];
  const n = Math.max(1, Math.min(SERIES_MAX_VISITS, Math.trunc(count)));
  const step = every === 'week' ? 7 : 14;
  const date = localDate(first, timeZone);
  const time = localTime(first, timeZone);
  const out: SeriesVisit[] = [];
  for (let k = 0; k < n; k++) {
    const at = k === 0 ? first : (zonedTimeToInstant(addDays(date, k * step), time, timeZone) ?? new Date(first.getTime() + k * step * DAY_MS + 3_600_000));
    out.push({ index: k + 1, startsAt: at.toISOString(), localDate: localDate(at, timeZone) });
  }
  return out;
}

/**
 * Per-visit total × visits, in integer minor units (bigint arithmetic; never a float). Returned as a
 * number for the wire, like every other amount: a series total beyond 2^53 minor units is refused.
 */
export function seriesTotalMinor(perVisitMinor: number, visits: number): number {
  if (!Number.isSafeInteger(perVisitMinor) || !Number.isSafeInteger(visits) || visits < 0) throw new RangeError('minor units and visits must be safe integers');
  const total = BigInt(perVisitMinor) * BigInt(visits);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('series total exceeds the safe integer range');
  return Number(total);
}
