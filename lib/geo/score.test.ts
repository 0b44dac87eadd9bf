import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreKeys, type ScoreKey } from './types';
import {
  availabilityFromHours,
  combine,
  coverageValue,
  demandValue,
  distanceValue,
  ratingValue,
  scoreProvider,
  scoreWeights,
} from './score';

const notes = Object.fromEntries(scoreKeys.map((k) => [k, k])) as Record<ScoreKey, string>;
const value = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
const values = fc.record(Object.fromEntries(scoreKeys.map((k) => [k, value])) as Record<ScoreKey, typeof value>);

describe('score', () => {
  it('weights add up to 1', () => {
    expect(Object.values(scoreWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('is always in [0, 1] and the contributions add up to it', () => {
    fc.assert(
      fc.property(values, (v) => {
        const r = combine(v, notes);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        const sum = r.components.reduce((a, c) => a + c.contribution, 0);
        expect(Math.abs(sum - r.score)).toBeLessThan(0.001);
      }),
    );
  });

  it('is monotone in each component (others fixed)', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...scoreKeys), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (v, key, a, b) => {
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        const sLo = combine({ ...v, [key]: lo }, notes).score;
        const sHi = combine({ ...v, [key]: hi }, notes).score;
        expect(sHi).toBeGreaterThanOrEqual(sLo);
      }),
    );
  });

  it('renormalises unknown components away', () => {
    const all = combine({ demand: 1, coverage: 1, distance: 1, availability: 1, rating: null }, notes);
    expect(all.score).toBe(1);
    const rating = all.components.find((c) => c.key === 'rating')!;
    expect(rating).toMatchObject({ value: null, weight: 0, contribution: 0 });
    const weights = all.components.reduce((a, c) => a + c.weight, 0);
    expect(weights).toBeCloseTo(1, 3);
    // Same known values, one more unknown: the score does not move.
    const half = { demand: 0.5, coverage: 0.5, distance: 0.5, availability: 0.5 };
    expect(combine({ ...half, rating: null }, notes).score).toBe(0.5);
    expect(combine({ demand: null, coverage: null, distance: null, availability: null, rating: null }, notes).score).toBe(0);
  });

  it('maps each component as documented', () => {
    expect([demandValue('high'), demandValue('medium'), demandValue('low'), demandValue(null)]).toEqual([1, 0.6, 0.3, null]);
    expect([1, 2, 3, 4, 5].map((p) => coverageValue(p))).toEqual([1, 0.8, 0.6, 0.4, 0.2]);
    expect(coverageValue(1, true)).toBe(0.5);
    expect(coverageValue(null)).toBeNull();
    expect(distanceValue(0, 5000)).toBe(1);
    expect(distanceValue(2500, 5000)).toBe(0.5);
    expect(distanceValue(9000, 5000)).toBe(0);
    expect(ratingValue(5, 0)).toBeNull();
    // One 5★ review is shrunk towards 3.5: (5 + 17.5) / 6 = 3.75 → 0.6875.
    expect(ratingValue(5, 1)).toBeCloseTo(0.6875, 6);
    // Fifty 4.8★ reviews beat one 5★ review.
    expect(ratingValue(4.8, 50)!).toBeGreaterThan(ratingValue(5, 1)!);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5, noNaN: true }), fc.integer({ min: 1, max: 100_000 }), (avg, n) => {
        const v = ratingValue(avg, n)!;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('explains each component in words', () => {
    const r = scoreProvider({
      demandLevel: 'high',
      coveragePriority: 1,
      viaFallbackOnly: false,
      distanceM: 1234,
      radiusM: 5000,
      availability: availabilityFromHours({ hasHours: true, openNow: true, closesAt: '18:00:00', timeZone: 'Europe/London' }),
      rating: null,
    });
    const note = (k: ScoreKey) => r.components.find((c) => c.key === k)!.note;
    expect(note('availability')).toBe('Open now until 18:00 (Europe/London)');
    expect(note('distance')).toBe('1.2 km from the crew base');
    expect(note('coverage')).toBe('Primary coverage (priority 1)');
    expect(note('rating')).toBe('No reviews yet — not counted');
    expect(note('demand')).toBe('High-demand zone');
    expect(availabilityFromHours({ hasHours: false, openNow: false, closesAt: null, timeZone: 'Europe/London' }).value).toBeNull();
  });
});
