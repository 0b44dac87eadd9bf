import { describe, expect, it } from 'vitest';
import { formatMinor, minorToDecimal, minorToPounds, poundsToMinor, relativeAge } from './format';

describe('explorer formatters', () => {
  it('formats minor units with the currency exponent', () => {
    expect(formatMinor(4500, 'GBP')).toBe('£45');
    expect(formatMinor(4550, 'GBP')).toBe('£45.50');
    expect(formatMinor(1200, 'JPY')).toBe('JP¥1,200');
    expect(formatMinor(1234, 'KWD')).toMatch(/1\.234/);
  });

  it('turns typed pounds into whole pence and back', () => {
    expect(poundsToMinor('45')).toBe(4500);
    expect(poundsToMinor('£12.5')).toBe(1250);
    expect(poundsToMinor('0.07')).toBe(7);
    expect(poundsToMinor('')).toBeNull();
    expect(poundsToMinor('-3')).toBeNull();
    expect(poundsToMinor('1.234')).toBeNull();
    expect(poundsToMinor('abc')).toBeNull();
    expect(minorToPounds(4500)).toBe('45');
    expect(minorToPounds(1250)).toBe('12.50');
    expect(minorToPounds(null)).toBe('');
  });

  it('says how old a snapshot is', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(relativeAge('2026-03-01T11:59:40Z', now)).toBe('just now');
    expect(relativeAge('2026-03-01T11:59:00Z', now)).toBe('1 minute ago');
    expect(relativeAge('2026-03-01T11:35:00Z', now)).toBe('25 minutes ago');
    expect(relativeAge('2026-03-01T09:00:00Z', now)).toBe('3 hours ago');
    expect(relativeAge('2026-02-25T12:00:00Z', now)).toBe('4 days ago');
  });
});

describe('minorToDecimal', () => {
  it('converts minor units exactly for every exponent', () => {
    expect(minorToDecimal(12345, 2)).toBe('123.45');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 3)).toBe('-0.005');
    expect(minorToDecimal(700, 0)).toBe('700');
    // Beyond float precision of a division by 100: still exact.
    expect(formatMinor(9007199254740991, 'GBP')).toBe('£90,071,992,547,409.91');
    expect(formatMinor(1005, 'KWD').replace(/\s/g, ' ')).toBe('KWD 1.005');
  });
});
