import { describe, expect, it } from 'vitest';
import { seriesTotalMinor, seriesVisits } from './series-preview';

describe('seriesVisits', () => {
  it('keeps the local wall-clock time across the clocks going back (BST → GMT)', () => {
    // Tue 20 Oct 2026 09:00 BST = 08:00Z; the clocks go back on Sun 25 Oct.
    const v = seriesVisits('2026-10-20T08:00:00.000Z', 'Europe/London', 'week', 3);
    expect(v).toEqual([
      { index: 1, startsAt: '2026-10-20T08:00:00.000Z', localDate: '2026-10-20' },
      { index: 2, startsAt: '2026-10-27T09:00:00.000Z', localDate: '2026-10-27' },
      { index: 3, startsAt: '2026-11-03T09:00:00.000Z', localDate: '2026-11-03' },
    ]);
  });

  it('steps a fortnight, uses the zone (not the browser) for the date, and caps at 12 visits', () => {
    // 23:30 in New York on 1 Jun is already 2 Jun in UTC: the local date stays 1 Jun.
    const v = seriesVisits('2026-06-02T03:30:00.000Z', 'America/New_York', 'fortnight', 2);
    expect(v.map((x) => x.localDate)).toEqual(['2026-06-01', '2026-06-15']);
    expect(seriesVisits('2026-06-02T03:30:00.000Z', 'Europe/London', 'week', 40)).toHaveLength(12);
    expect(seriesVisits('not a date', 'Europe/London', 'week', 3)).toEqual([]);
  });
});

describe('seriesTotalMinor', () => {
  it('multiplies in integers and refuses unsafe amounts', () => {
    expect(seriesTotalMinor(12_345, 4)).toBe(49_380);
    expect(seriesTotalMinor(0, 12)).toBe(0);
    expect(() => seriesTotalMinor(1.5, 2)).toThrow(RangeError);
    expect(() => seriesTotalMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });
});
