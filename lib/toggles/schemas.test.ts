import { describe, expect, it } from 'vitest';
import { setToggleInput } from './schemas';

const base = { key: 'bookings.instant', description: 'Instant booking', rolloutPercent: '50' };

describe('setToggleInput', () => {
  it('reads a ticked checkbox ("on") as enabled and an absent one as disabled', () => {
    expect(setToggleInput.parse({ ...base, enabled: 'on' }).enabled).toBe(true);
    expect(setToggleInput.parse({ ...base, enabled: 'true' }).enabled).toBe(true);
    expect(setToggleInput.parse(base).enabled).toBe(false);
    expect(setToggleInput.parse({ ...base, enabled: false }).enabled).toBe(false);
  });

  it('is stable when the verb re-validates already-parsed input', () => {
    const once = setToggleInput.parse({ ...base, enabled: 'on' });
    expect(setToggleInput.parse(once)).toEqual(once);
  });

  it('coerces the percentage and refuses out-of-range, fractional or empty values', () => {
    expect(setToggleInput.parse(base).rolloutPercent).toBe(50);
    for (const rolloutPercent of ['101', '-1', '12.5', '', 'abc']) {
      const r = setToggleInput.safeParse({ ...base, rolloutPercent });
      expect(r.success, rolloutPercent).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toMatch(/0 to 100/);
    }
  });

  it('explains what a valid key looks like', () => {
    for (const key of ['Bookings', '1abc', 'a', 'has space', 'x'.repeat(65)]) {
      const r = setToggleInput.safeParse({ ...base, key });
      expect(r.success, key).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toMatch(/lowercase letter/);
    }
    expect(setToggleInput.parse({ ...base, key: '  ai.assist ' }).key).toBe('ai.assist');
  });

  it('limits the description to 300 characters and leaves it undefined when absent', () => {
    expect(setToggleInput.safeParse({ ...base, description: 'x'.repeat(301) }).success).toBe(false);
    expect(setToggleInput.parse({ key: 'ai.assist', rolloutPercent: 0 }).description).toBeUndefined();
    expect(setToggleInput.parse({ ...base, description: '  ' }).description).toBe('');
  });
});
