/**
 * When a provider's scheduled payout is due. Schedules are read in the provider's home time zone
 * (organisations.timeZone): a weekly Monday payout is due on the provider's Monday, whatever the
 * server's clock says. Each due day names its period (`daily:2026-11-30`, `weekly:2026-W49`,
 * `monthly:2026-11`), the key that makes a rerun of the job a no-op for a period already paid.
 * Pure functions: no database, no clock.
 */

export type PayoutSchedule = 'daily' | 'weekly' | 'monthly' | 'manual';

export interface ScheduleSettings {
  schedule: PayoutSchedule;
  /** ISO weekday 1 (Monday) … 7. */
  weeklyDay: number;
  /** 1 … 28. */
  monthlyDay: number;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  isoWeekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar date at `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), isoWeekday: WEEKDAYS[get('weekday')] ?? 1 };
}

export function ymd(d: Pick<LocalDate, 'year' | 'month' | 'day'>): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** ISO 8601 week-numbering year and week of a calendar date. */
export function isoWeek(d: Pick<LocalDate, 'year' | 'month' | 'day'>): { year: number; week: number } {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of this week decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return { year: t.getUTCFullYear(), week: Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7) };
}

/** The period a local date belongs to under a schedule (manual has none). */
export function periodKeyFor(s: ScheduleSettings, d: LocalDate): string | null {
  switch (s.schedule) {
    case 'daily':
      return `daily:${ymd(d)}`;
    case 'weekly': {
      const w = isoWeek(d);
      return `weekly:${w.year}-W${pad(w.week)}`;
    }
    case 'monthly':
      return `monthly:${d.year}-${pad(d.month)}`;
    default:
      return null;
  }
}

/** True when the schedule pays out on this local date. */
export function isPayoutDay(s: ScheduleSettings, d: LocalDate): boolean {
  if (s.schedule === 'daily') return true;
  if (s.schedule === 'weekly') return d.isoWeekday === s.weeklyDay;
  if (s.schedule === 'monthly') return d.day === s.monthlyDay;
  return false;
}

/**
 * The period key when a payout is due at `at` in `timeZone`, else null. Due all day on the
 * scheduled local date; the hourly job has the whole day to succeed, and the key stops a second
 * payout in the same period.
 */
export function duePeriodKey(s: ScheduleSettings, at: Date, timeZone: string): string | null {
  const d = localDate(at, timeZone);
  return isPayoutDay(s, d) ? periodKeyFor(s, d) : null;
}

/**
 * The next local date (yyyy-mm-dd) on which the schedule pays out, from today on; today is
 * skipped when its period has already been paid (`paidPeriodKeys`). Null for manual payouts.
 */
export function nextPayoutDate(s: ScheduleSettings, at: Date, timeZone: string, paidPeriodKeys: ReadonlySet<string> = new Set()): string | null {
  if (s.schedule === 'manual') return null;
  const today = localDate(at, timeZone);
  const base = Date.UTC(today.year, today.month - 1, today.day);
  for (let i = 0; i < 62; i++) {
    const t = new Date(base + i * 86_400_000);
    const d: LocalDate = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), isoWeekday: t.getUTCDay() || 7 };
    if (!isPayoutDay(s, d)) continue;
    const key = periodKeyFor(s, d);
    if (key && paidPeriodKeys.has(key)) continue;
    return ymd(d);
  }
  return null;
}

/** "Every Monday", "Daily", "On the 1st of each month", "Only when you ask". */
export function describeSchedule(s: ScheduleSettings): string {
  if (s.schedule === 'daily') return 'Daily';
  if (s.schedule === 'weekly') return `Every ${WEEKDAY_NAMES[s.weeklyDay - 1] ?? 'Monday'}`;
  if (s.schedule === 'monthly') return `On day ${s.monthlyDay} of each month`;
  return 'Only when you ask';
}
