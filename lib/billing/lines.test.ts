import { describe, expect, it } from 'vitest';
import { parseRate } from '@/lib/core/money';
import { lineTax, quote } from '@/lib/finance/quote';
import { creditLines, invoiceLines, serviceFeeLine, supplyLines } from './lines';
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

describe('supplyLines (orders and rentals)', () => {
  it('an order: goods + delivery rounded as one price and split, the fee taking the rest; exact for many prices', () => {
    for (let goods = 1n; goods < 4_000n; goods += 53n) {
      for (const delivery of [0n, 499n, 501n]) {
        const s = q(goods + delivery, 'GBP', false, 250, 2000);
        const seller = [
          { key: 'goods' as const, description: 'Grout', suppliedBy: 'provider' as const, amountMinor: goods },
          ...(delivery ? [{ key: 'delivery' as const, description: 'Delivery', suppliedBy: 'provider' as const, amountMinor: delivery }] : []),
        ];
        const t = supplyLines([{ taxRateBp: 2000, lines: seller }, { taxRateBp: 2000, lines: [serviceFeeLine(s.serviceFeeMinor, 'Fixnado')] }], s);
        expect(t.totalMinor).toBe(s.totalMinor);
        expect(t.taxMinor).toBe(s.taxMinor);
        // The seller's lines carry the quote's one rounding on goods + delivery, the fee line its own.
        expect(t.lines.slice(0, -1).reduce((a, l) => a + BigInt(l.taxMinor), 0n)).toBe(lineTax(goods + delivery, 2000, false));
        expect(BigInt(t.lines.at(-1)!.taxMinor)).toBe(lineTax(s.serviceFeeMinor, 2000, false));
        for (const l of t.lines) expect(l.netMinor + l.taxMinor).toBe(l.grossMinor);
      }
    }
  });

  it('a rental: settlement charges are 0 % lines with their note; a credit note corrects only the chosen lines', () => {
    const s = q(7_500n, 'GBP', false, 250, 2000);
    const t = supplyLines(
      [
        { taxRateBp: 2000, lines: [{ key: 'rental', description: 'Drill', suppliedBy: 'provider', amountMinor: 7_500n }] },
        { taxRateBp: 2000, lines: [serviceFeeLine(s.serviceFeeMinor, 'Fixnado')] },
        { taxRateBp: 0, lines: [{ key: 'charge', description: 'Late return', note: 'no VAT', suppliedBy: 'provider', amountMinor: 1_853n }] },
      ],
      { taxMinor: s.taxMinor, taxInclusive: false, totalMinor: s.totalMinor + 1_853n },
    );
    expect(t.lines[2]).toMatchObject({ key: 'charge', taxMinor: 0, netMinor: 1853, grossMinor: 1853, taxRateBp: 0, note: 'no VAT' });
    expect(t.taxMinor).toBe(s.taxMinor);
    const c = creditLines(t.lines, 2_000n, (l) => l.key !== 'charge');
    expect(c.totalMinor).toBe(-2_000n);
    expect(c.lines.map((l) => l.key)).toEqual(['rental', 'service_fee']);
  });

  it('refuses lines that do not add up to the stored total', () => {
    expect(() => supplyLines([{ taxRateBp: 0, lines: [{ key: 'charge', description: 'x', suppliedBy: 'provider', amountMinor: 5n }] }], { taxMinor: 1n, taxInclusive: false, totalMinor: 6n })).toThrow(/add up/);
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
