import { describe, expect, it } from 'vitest';
import { parseRate } from '@/lib/core/money';
import { quote } from '@/lib/finance/quote';
import { creditLines, invoiceLines } from './lines';
import { normalisePostcode, normaliseVatNumber, vatNumberProblem } from './schemas';

const q = (price: bigint, currency: string, taxInclusive: boolean, feeBp = 250, taxRateBp = 2000) =>
  quote({ providerPriceMinor: price, providerCurrency: currency, taxInclusive, bookingCurrency: currency, fxRate: parseRate('1'), serviceFeeBp: feeBp, serviceFeeMinimumMinor: null, taxRateBp, providerCommissionBp: 0 });

describe('invoiceLines', () => {
  it('adds up exactly to the stored total for many prices, currencies and both tax modes', () => {
    for (const currency of ['GBP', 'JPY', 'KWD']) {
      for (const inclusive of [false, true]) {
        for (let price = 1n; price < 5_000n; price += 37n) {
          const s = q(price, currency, inclusive, 333, 1750);
          const t = invoiceLines(s, 'Job', 'Fixnado');
          expect(t.totalMinor).toBe(s.totalMinor);
          expect(t.taxMinor).toBe(s.taxMinor);
          expect(t.lines.reduce((a, l) => a + BigInt(l.grossMinor), 0n)).toBe(s.totalMinor);
          for (const l of t.lines) expect(l.netMinor + l.taxMinor).toBe(l.grossMinor);
        }
      }
    }
  });

  it('splits a credit note over net and VAT to the minor unit', () => {
    const t = invoiceLines(q(9_999n, 'GBP', false), 'Job', 'Fixnado');
    for (const amount of [1n, 7n, 1_001n, t.totalMinor]) {
      const c = creditLines(t.lines, amount);
      expect(c.totalMinor).toBe(-amount);
      expect(c.lines.reduce((a, l) => a + BigInt(l.grossMinor), 0n)).toBe(-amount);
    }
  });
});

describe('business details', () => {
  it('checks VAT numbers and normalises postcodes', () => {
    expect(vatNumberProblem(normaliseVatNumber('gb 123 4567 89'))).toBeNull();
    expect(vatNumberProblem('GB123456789012')).toBeNull();
    expect(vatNumberProblem('GB1234567890')).toMatch(/9 or 12 digits/);
    expect(vatNumberProblem('DE123456789')).toBeNull();
    expect(vatNumberProblem('1234')).toMatch(/two-letter/);
    expect(normalisePostcode('sw1a1aa', 'GB')).toBe('SW1A 1AA');
    expect(normalisePostcode(' 75001 ', 'FR')).toBe('75001');
  });
});
