import { describe, expect, it } from 'vitest';
import { describeSchedule, duePeriodKey, isoWeek, localDate, nextPayoutDate } from './payout-schedule';

const weekly = { schedule: 'weekly' as const, weeklyDay: 1, monthlyDay: 1 };

describe('payout schedule', () => {
  it('reads the date in the provider’s zone', () => {
    const at = new Date('2026-11-30T23:30:00Z');
    expect(localDate(at, 'Europe/London')).toMatchObject({ year: 2026, month: 11, day: 30, isoWeekday: 1 });
    expect(localDate(at, 'Pacific/Auckland')).toMatchObject({ year: 2026, month: 12, day: 1, isoWeekday: 2 });
    expect(duePeriodKey(weekly, at, 'Europe/London')).toBe('weekly:2026-W49');
    expect(duePeriodKey(weekly, at, 'Pacific/Auckland')).toBeNull();
  });

  it('names ISO weeks across the year end', () => {
    expect(isoWeek({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeek({ year: 2027, month: 1, day: 4 })).toEqual({ year: 2027, week: 1 });
    expect(isoWeek({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
  });

  it('daily, monthly and manual keys', () => {
    const at = new Date('2026-12-02T10:00:00Z');
    expect(duePeriodKey({ ...weekly, schedule: 'daily' }, at, 'Europe/London')).toBe('daily:2026-12-02');
    expect(duePeriodKey({ ...weekly, schedule: 'monthly', monthlyDay: 2 }, at, 'Europe/London')).toBe('monthly:2026-12');
    expect(duePeriodKey({ ...weekly, schedule: 'monthly', monthlyDay: 3 }, at, 'Europe/London')).toBeNull();
    expect(duePeriodKey({ ...weekly, schedule: 'manual' }, at, 'Europe/London')).toBeNull();
  });

  it('finds the next payout date, skipping a period already paid', () => {
    const at = new Date('2026-11-30T10:00:00Z'); // a Monday
    expect(nextPayoutDate(weekly, at, 'Europe/London')).toBe('2026-11-30');
    expect(nextPayoutDate(weekly, at, 'Europe/London', new Set(['weekly:2026-W49']))).toBe('2026-12-07');
    expect(nextPayoutDate({ ...weekly, weeklyDay: 5 }, at, 'Europe/London')).toBe('2026-12-04');
    expect(nextPayoutDate({ ...weekly, schedule: 'monthly', monthlyDay: 1 }, at, 'Europe/London')).toBe('2026-12-01');
    expect(nextPayoutDate({ ...weekly, schedule: 'manual' }, at, 'Europe/London')).toBeNull();
    expect(describeSchedule({ ...weekly, weeklyDay: 3 })).toBe('Every Wednesday');
  });
});
