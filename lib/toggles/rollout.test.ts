import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inRollout, rolloutBucket } from './rollout';

const users = Array.from({ length: 10_000 }, (_, i) => `user-${i.toString(36)}-${(i * 7919) % 10007}`);

describe('rolloutBucket', () => {
  it('is deterministic and within 0..99', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, userId) => {
        const bucket = rolloutBucket(key, userId);
        expect(bucket).toBe(rolloutBucket(key, userId));
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 100).toBe(true);
      }),
    );
  });

  it('pins known values, so a change to the hashing (which would reshuffle every rollout) is noticed', () => {
    // sha256("bookings.instant:user-1") begins 2804ee36 → 671411766, and 671411766 mod 100 = 66.
    expect(rolloutBucket('bookings.instant', 'user-1')).toBe(66);
  });

  it('gives each toggle its own slice of users', () => {
    const inA = users.filter((u) => rolloutBucket('feature.a', u) < 10);
    const inBoth = inA.filter((u) => rolloutBucket('feature.b', u) < 10);
    // Independent 10 % slices overlap on about 1 % of users, not on all of the first 10 %.
    expect(inBoth.length / users.length).toBeLessThan(0.02);
  });
});

describe('inRollout', () => {
  it('gives the same user the same answer every time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.string({ minLength: 1 }), fc.uuid(), (percent, key, userId) => {
        expect(inRollout(percent, key, userId)).toBe(inRollout(percent, key, userId));
      }),
    );
  });

  it.each([1, 5, 10, 25, 50, 75, 90, 99])('lets in about %i %% of 10 000 users (±2 points)', (percent) => {
    const share = users.filter((u) => inRollout(percent, 'bookings.instant', u)).length / users.length;
    expect(Math.abs(share * 100 - percent)).toBeLessThanOrEqual(2);
  });

  it('is monotonic: a user in at p % stays in at every q > p', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.string({ minLength: 1 }),
        fc.uuid(),
        (a, b, key, userId) => {
          const [p, q] = a <= b ? [a, b] : [b, a];
          if (inRollout(p, key, userId)) expect(inRollout(q, key, userId)).toBe(true);
        },
      ),
    );
  });

  it('lets nobody in at 0 % and everybody in at 100 %', () => {
    for (const u of users.slice(0, 1000)) {
      expect(inRollout(0, 'ai.assist', u)).toBe(false);
      expect(inRollout(100, 'ai.assist', u)).toBe(true);
    }
  });

  it('clamps out-of-range percentages instead of misbehaving', () => {
    expect(inRollout(-5, 'k', 'u')).toBe(false);
    expect(inRollout(150, 'k', 'u')).toBe(true);
  });

  it('shows anonymous visitors a feature only at 100 %', () => {
    for (const percent of [1, 50, 99]) {
      expect(inRollout(percent, 'explorer.clusters', null)).toBe(false);
      expect(inRollout(percent, 'explorer.clusters', undefined)).toBe(false);
      expect(inRollout(percent, 'explorer.clusters', '')).toBe(false);
    }
    expect(inRollout(100, 'explorer.clusters', null)).toBe(true);
  });
});
