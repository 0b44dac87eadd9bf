import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, getClock, manualClock, now, setClock, systemClock, withClock } from '@/lib/core/clock';

afterEach(() => setClock());

describe('clock', () => {
  it('systemClock follows real time', () => {
    const before = Date.now();
    const t = systemClock.now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('fixedClock always returns the same instant as a fresh Date', () => {
    const clock = fixedClock('2030-01-02T03:04:05.000Z');
    const a = clock.now();
    a.setFullYear(1999); // mutating a returned Date must not leak back into the clock
    expect(clock.now().toISOString()).toBe('2030-01-02T03:04:05.000Z');
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('manualClock advances and can be set', () => {
    const clock = manualClock(new Date('2030-01-01T00:00:00Z'));
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2030-01-01T00:01:30.000Z');
    clock.set('2029-12-31T23:00:00Z');
    expect(clock.now().toISOString()).toBe('2029-12-31T23:00:00.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });

  it('getClock/setClock swap the process-wide default', () => {
    expect(getClock()).toBe(systemClock);
    const clock = fixedClock(0);
    setClock(clock);
    expect(getClock()).toBe(clock);
    expect(now().getTime()).toBe(0);
    setClock();
    expect(getClock()).toBe(systemClock);
  });

  it('withClock restores the previous clock after sync, throwing and async callbacks', async () => {
    const clock = fixedClock(1_000);
    expect(withClock(clock, () => now().getTime())).toBe(1_000);
    expect(getClock()).toBe(systemClock);

    expect(() =>
      withClock(clock, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(getClock()).toBe(systemClock);

    const result = await withClock(clock, async () => {
      await Promise.resolve();
      return now().getTime();
    });
    expect(result).toBe(1_000);
    expect(getClock()).toBe(systemClock);

    await expect(withClock(clock, () => Promise.reject(new Error('async boom')))).rejects.toThrow('async boom');
    expect(getClock()).toBe(systemClock);
  });
});
