import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBasisPoints, MoneyError, parseRate, taxFromInclusive } from '@/lib/core/money';
import { formatBp, formatRateText, parseRateText, quote, releaseShares, type QuoteInput } from './quote';

const ONE = parseRate('1');

const base: QuoteInput = {
  providerPriceMinor: 10_000n,
  providerCurrency: 'GBP',
  taxInclusive: false,
  bookingCurrency: 'GBP',
  fxRate: ONE,
  serviceFeeBp: 250,
  serviceFeeMinimumMinor: null,
  taxRateBp: 2000,
  providerCommissionBp: 0,
};

/** Sum of the lines that make up the total (an inclusive tax line is informational). */
const addends = (q: ReturnType<typeof quote>) => q.lines.filter((l) => l.key !== 'total' && !l.included).reduce((a, l) => a + l.amountMinor, 0n);

describe('quote (examples)', () => {
  it('tax-exclusive GBP: 100.00 + 2.5 % fee + 20 % VAT per line', () => {
    const q = quote(base);
    expect(q.priceMinor).toBe(10_000n);
    expect(q.serviceFeeMinor).toBe(250n);
    expect(q.taxMinor).toBe(2000n + 50n);
    expect(q.totalMinor).toBe(12_300n);
    expect(q.providerNetMinor).toBe(10_000n);
    expect(q.fxRate).toBe('1');
    expect(q.lines.map((l) => l.key)).toEqual(['price', 'service_fee', 'tax', 'total']);
    expect(q.lines[2].label).toBe('Tax (20%)');
  });

  it('tax-inclusive: the tax is backed out per line and the total is price + fee', () => {
    const q = quote({ ...base, taxInclusive: true, providerPriceMinor: 12_000n });
    expect(q.serviceFeeMinor).toBe(300n);
    expect(q.taxMinor).toBe(2000n + 50n);
    expect(q.totalMinor).toBe(12_300n);
    expect(q.lines[2]).toMatchObject({ key: 'tax', included: true, label: 'Includes tax (20%)' });
    expect(q.providerNetMinor).toBe(10_000n);
  });

  it('rounds each tax line half-up once (0.5 goes up)', () => {
    // fee = 2.5 % of 1 010 = 25.25 → 25; tax on price 202, tax on fee 5 (25 × 0.2 = 5.0)
    const q = quote({ ...base, providerPriceMinor: 1010n });
    expect(q.serviceFeeMinor).toBe(25n);
    expect(q.taxMinor).toBe(202n + 5n);
    // 2.5 % of 20 = 0.5 → 1 (half-up)
    expect(quote({ ...base, providerPriceMinor: 20n }).serviceFeeMinor).toBe(1n);
  });

  it('applies the minimum fee when the rate gives less, and never to a free service', () => {
    expect(quote({ ...base, providerPriceMinor: 1000n, serviceFeeMinimumMinor: 100n }).serviceFeeMinor).toBe(100n);
    expect(quote({ ...base, providerPriceMinor: 100_000n, serviceFeeMinimumMinor: 100n }).serviceFeeMinor).toBe(2500n);
    expect(quote({ ...base, providerPriceMinor: 0n, serviceFeeMinimumMinor: 100n }).totalMinor).toBe(0n);
  });

  it('converts GBP → EUR at the snapshotted rate, half-up once', () => {
    const q = quote({ ...base, bookingCurrency: 'EUR', fxRate: parseRate('1.17'), providerPriceMinor: 4999n });
    expect(q.priceMinor).toBe(5849n); // 58.4883 → 58.49
    expect(q.currency).toBe('EUR');
    expect(q.providerCurrency).toBe('GBP');
    expect(q.fxRate).toBe('1.17');
  });

  it('JPY (exponent 0) and KWD (exponent 3)', () => {
    const jpy = quote({ ...base, providerCurrency: 'GBP', bookingCurrency: 'JPY', fxRate: parseRate('191.5'), providerPriceMinor: 1234n });
    expect(jpy.priceMinor).toBe(2363n); // 12.34 × 191.5 = 2363.11 yen
    expect(jpy.serviceFeeMinor).toBe(59n); // 59.075
    const kwd = quote({ ...base, providerCurrency: 'KWD', bookingCurrency: 'KWD', providerPriceMinor: 12_345n });
    expect(kwd.serviceFeeMinor).toBe(309n); // 308.625 → 309
    expect(kwd.taxMinor).toBe(2469n + 62n);
  });

  it('deducts commission from the provider share, capped at the price net of its tax', () => {
    const q = quote({ ...base, providerCommissionBp: 1500 });
    expect(q.providerCommissionMinor).toBe(1500n);
    expect(q.providerNetMinor).toBe(8500n);
    const capped = quote({ ...base, taxInclusive: true, providerPriceMinor: 12_000n, providerCommissionBp: 10_000 });
    expect(capped.providerCommissionMinor).toBe(10_000n);
    expect(capped.providerNetMinor).toBe(0n);
  });

  it('refuses a same-currency quote with a rate other than 1, bad rates and negative prices', () => {
    expect(() => quote({ ...base, fxRate: parseRate('1.1') })).toThrow(MoneyError);
    expect(() => quote({ ...base, serviceFeeBp: -1 })).toThrow(/basis points/);
    expect(() => quote({ ...base, taxRateBp: 10_001 })).toThrow(/basis points/);
    expect(() => quote({ ...base, providerPriceMinor: -1n })).toThrow(/non-negative/);
    expect(() => quote({ ...base, bookingCurrency: 'XXX' })).toThrow(/Unknown/);
  });

  it('formats rates for labels and snapshots exactly', () => {
    expect(formatBp(2000)).toBe('20%');
    expect(formatBp(250)).toBe('2.5%');
    expect(formatBp(1225)).toBe('12.25%');
    expect(formatBp(5)).toBe('0.05%');
    const inverse = { numerator: 100n, denominator: 117n };
    expect(formatRateText(inverse)).toBe('100/117');
    expect(parseRateText('100/117')).toEqual(inverse);
    expect(parseRateText('1.17')).toEqual(parseRate('1.17'));
    expect(() => parseRateText('0/5')).toThrow();
  });
});

const currencies = ['GBP', 'EUR', 'USD', 'JPY', 'KWD'] as const;
const inputArb = fc
  .record({
    price: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    from: fc.constantFrom(...currencies),
    to: fc.constantFrom(...currencies),
    rateNum: fc.bigInt({ min: 1n, max: 10n ** 6n }),
    rateScale: fc.integer({ min: 0, max: 6 }),
    inclusive: fc.boolean(),
    feeBp: fc.integer({ min: 0, max: 10_000 }),
    minimum: fc.option(fc.bigInt({ min: 0n, max: 10n ** 6n }), { nil: null }),
    taxBp: fc.integer({ min: 0, max: 10_000 }),
    commissionBp: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(
    (r): QuoteInput => ({
      providerPriceMinor: r.price,
      providerCurrency: r.from,
      bookingCurrency: r.to,
      fxRate: r.from === r.to ? ONE : { numerator: r.rateNum, denominator: 10n ** BigInt(r.rateScale) },
      taxInclusive: r.inclusive,
      serviceFeeBp: r.feeBp,
      serviceFeeMinimumMinor: r.minimum,
      taxRateBp: r.taxBp,
      providerCommissionBp: r.commissionBp,
    }),
  );

describe('quote (properties)', () => {
  it('lines sum to the total exactly; the total line is the total', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote(input);
        expect(addends(q)).toBe(q.totalMinor);
        expect(q.lines.find((l) => l.key === 'total')?.amountMinor).toBe(q.totalMinor);
        expect(q.totalMinor).toBe(q.priceMinor + q.serviceFeeMinor + (q.taxInclusive ? 0n : q.taxMinor));
      }),
      { numRuns: 500 },
    );
  });

  it('no lost minor unit: the release split adds back to the total, all parts non-negative', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote(input);
        const s = releaseShares(q);
        expect(s.providerNetMinor + s.platformMinor + s.taxMinor).toBe(q.totalMinor);
        expect(s.providerNetMinor).toBe(q.providerNetMinor);
        expect(s.providerNetMinor >= 0n && s.platformMinor >= 0n && s.taxMinor >= 0n).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('commission never exceeds the price; the provider net is never negative', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote(input);
        expect(q.providerCommissionMinor <= q.priceMinor).toBe(true);
        expect(q.providerNetMinor >= 0n).toBe(true);
      }),
    );
  });

  it('tax is the sum of per-line rounded taxes (inclusive backs out, exclusive adds)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote(input);
        const line = (x: bigint) => (q.taxInclusive ? taxFromInclusive(x, q.taxRateBp) : applyBasisPoints(x, q.taxRateBp));
        expect(q.taxMinor).toBe(line(q.priceMinor) + line(q.serviceFeeMinor));
        if (q.taxInclusive) expect(q.taxMinor <= q.totalMinor).toBe(true);
      }),
    );
  });

  it('the fee respects the minimum whenever the price is positive', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote(input);
        if (input.serviceFeeMinimumMinor !== null && q.priceMinor > 0n) expect(q.serviceFeeMinor >= input.serviceFeeMinimumMinor).toBe(true);
        expect(q.serviceFeeMinor >= applyBasisPoints(q.priceMinor, input.serviceFeeBp)).toBe(true);
      }),
    );
  });

  it('FX identity: the same currency at rate 1 keeps the price', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = quote({ ...input, bookingCurrency: input.providerCurrency, fxRate: ONE });
        expect(q.priceMinor).toBe(input.providerPriceMinor);
        expect(q.fxRate).toBe('1');
      }),
    );
  });

  it('exclusive and inclusive agree when the inclusive price is the exclusive price grossed up exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 5000 }), (net, taxBp) => {
        // net × (1 + r) is exact when net is a multiple of 10 000.
        const exclusivePrice = net * 10_000n;
        const inclusivePrice = exclusivePrice + applyBasisPoints(exclusivePrice, taxBp);
        const ex = quote({ ...base, serviceFeeBp: 0, taxRateBp: taxBp, providerPriceMinor: exclusivePrice });
        const inc = quote({ ...base, serviceFeeBp: 0, taxRateBp: taxBp, taxInclusive: true, providerPriceMinor: inclusivePrice });
        expect(inc.totalMinor).toBe(ex.totalMinor);
        expect(inc.taxMinor).toBe(ex.taxMinor);
      }),
    );
  });
});
