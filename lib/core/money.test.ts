import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_CODES,
  MoneyError,
  type CurrencyCode,
  type Money,
  type MoneyErrorCode,
  add,
  allocate,
  allocateEvenly,
  applyBasisPoints,
  assertCurrency,
  compare,
  convert,
  currencyExponent,
  currencySchema,
  divRoundHalfUp,
  equals,
  formatMajor,
  formatMoney,
  formatRate,
  isCurrency,
  isNegative,
  isPositive,
  isZero,
  minorUnitsSchema,
  money,
  moneyFromWireSchema,
  moneySchema,
  multiply,
  negate,
  parseMajor,
  parseRate,
  subtract,
  sum,
  taxFromInclusive,
  toMinor,
  toWire,
  toWireMoney,
  zero,
} from '@/lib/core/money';

function expectMoneyError(fn: () => unknown, code: MoneyErrorCode, message?: RegExp): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MoneyError);
    expect((error as MoneyError).code).toBe(code);
    if (message) expect((error as MoneyError).message).toMatch(message);
    return;
  }
  throw new Error(`expected MoneyError ${code}, nothing was thrown`);
}

const bigAmount = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n });
const safeAmount = fc.bigInt({ min: -BigInt(Number.MAX_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) });
const currencyArb = fc.constantFrom<CurrencyCode>(...CURRENCY_CODES);

describe('currencies', () => {
  it('knows the ISO 4217 exponents', () => {
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('HUF')).toBe(2);
    for (const c of ['JPY', 'KRW', 'ISK', 'CLP']) expect(currencyExponent(c)).toBe(0);
    for (const c of ['KWD', 'BHD', 'OMR', 'TND', 'JOD']) expect(currencyExponent(c)).toBe(3);
  });

  it('contains the required table', () => {
    const required =
      'GBP EUR USD JPY KWD BHD OMR CHF SEK NOK DKK PLN CZK HUF CAD AUD NZD INR AED SAR ZAR SGD HKD CNY KRW ISK CLP TND JOD'.split(' ');
    for (const c of required) expect(isCurrency(c)).toBe(true);
    expect([...CURRENCY_CODES]).toEqual([...CURRENCY_CODES].sort());
  });

  it('rejects unknown currencies instead of defaulting', () => {
    expect(isCurrency('XXX')).toBe(false);
    expect(isCurrency('gbp')).toBe(false);
    expect(isCurrency('toString')).toBe(false);
    expect(isCurrency(42)).toBe(false);
    expectMoneyError(() => currencyExponent('XXX'), 'UNKNOWN_CURRENCY', /XXX/);
    expectMoneyError(() => assertCurrency('constructor'), 'UNKNOWN_CURRENCY');
    expectMoneyError(() => money(1n, 'ABC'), 'UNKNOWN_CURRENCY');
  });
});

describe('toMinor / toWire', () => {
  it('accepts bigint, safe integers and integer strings (Postgres int8)', () => {
    expect(toMinor(5n)).toBe(5n);
    expect(toMinor(-12)).toBe(-12n);
    expect(toMinor(0)).toBe(0n);
    expect(toMinor('123456789012345678901')).toBe(123456789012345678901n);
    expect(toMinor('-42')).toBe(-42n);
    expect(toMinor(Number.MAX_SAFE_INTEGER)).toBe(9007199254740991n);
  });

  it('rejects non-integers', () => {
    expectMoneyError(() => toMinor(1.5), 'INVALID_AMOUNT');
    expectMoneyError(() => toMinor(Number.NaN), 'INVALID_AMOUNT');
    expectMoneyError(() => toMinor(Number.POSITIVE_INFINITY), 'INVALID_AMOUNT');
    expectMoneyError(() => toMinor(2 ** 60), 'UNSAFE_INTEGER');
    for (const s of ['', '1.0', '1e3', ' 1', '1 ', '+1', '0x10', 'abc', '-', '1,000']) {
      expectMoneyError(() => toMinor(s), 'INVALID_AMOUNT');
    }
    expectMoneyError(() => toMinor(null as unknown as string), 'INVALID_AMOUNT');
  });

  it('toWire refuses values beyond the safe integer range', () => {
    expect(toWire(9007199254740991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(toWire(-9007199254740991n)).toBe(-Number.MAX_SAFE_INTEGER);
    expectMoneyError(() => toWire(9007199254740992n), 'UNSAFE_INTEGER');
    expectMoneyError(() => toWire(-9007199254740992n), 'UNSAFE_INTEGER');
  });

  it('property: wire round trip is lossless within the safe range', () => {
    fc.assert(fc.property(safeAmount, (a) => toMinor(toWire(a)) === a && toMinor(a.toString()) === a));
  });
});

describe('Money arithmetic', () => {
  const gbp = (n: bigint) => money(n, 'GBP');

  it('money() validates and freezes', () => {
    const m = money('250', 'GBP');
    expect(m).toEqual({ amount: 250n, currency: 'GBP' });
    expect(Object.isFrozen(m)).toBe(true);
    expect(zero('JPY')).toEqual({ amount: 0n, currency: 'JPY' });
  });

  it('add / subtract / negate / multiply', () => {
    expect(add(gbp(150n), gbp(275n))).toEqual(gbp(425n));
    expect(subtract(gbp(150n), gbp(275n))).toEqual(gbp(-125n));
    expect(negate(gbp(150n))).toEqual(gbp(-150n));
    expect(negate(gbp(0n)).amount).toBe(0n);
    expect(multiply(gbp(199n), 3)).toEqual(gbp(597n));
    expectMoneyError(() => multiply(gbp(1n), 1.5), 'INVALID_INPUT');
  });

  it('predicates and comparison', () => {
    expect(isZero(gbp(0n))).toBe(true);
    expect(isZero(gbp(1n))).toBe(false);
    expect(isNegative(gbp(-1n))).toBe(true);
    expect(isPositive(gbp(1n))).toBe(true);
    expect(compare(gbp(1n), gbp(2n))).toBe(-1);
    expect(compare(gbp(2n), gbp(2n))).toBe(0);
    expect(compare(gbp(3n), gbp(2n))).toBe(1);
    expect([gbp(3n), gbp(-1n), gbp(2n)].sort(compare).map((m) => m.amount)).toEqual([-1n, 2n, 3n]);
    expect(equals(gbp(1n), gbp(1n))).toBe(true);
    expect(equals(gbp(1n), money(1n, 'EUR'))).toBe(false);
  });

  it('mixing currencies throws naming both currencies', () => {
    expectMoneyError(() => add(gbp(1n), money(1n, 'EUR')), 'CURRENCY_MISMATCH', /GBP.*EUR/);
    expectMoneyError(() => subtract(money(1n, 'JPY'), gbp(1n)), 'CURRENCY_MISMATCH', /JPY.*GBP/);
    expectMoneyError(() => compare(gbp(1n), money(1n, 'USD')), 'CURRENCY_MISMATCH', /GBP.*USD/);
    expectMoneyError(() => sum([gbp(1n), money(1n, 'EUR')], 'GBP'), 'CURRENCY_MISMATCH', /EUR.*GBP/);
  });

  it('sum of an empty list is zero in the given currency', () => {
    expect(sum([], 'KWD')).toEqual(money(0n, 'KWD'));
    expect(sum([gbp(1n), gbp(2n), gbp(-4n)], 'GBP')).toEqual(gbp(-1n));
    expectMoneyError(() => sum([], 'NOPE'), 'UNKNOWN_CURRENCY');
  });

  it('property: add and subtract are inverse', () => {
    fc.assert(
      fc.property(bigAmount, bigAmount, currencyArb, (a, b, c) => {
        const x = money(a, c);
        const y = money(b, c);
        return equals(subtract(add(x, y), y), x) && equals(add(subtract(x, y), y), x) && equals(add(x, negate(x)), zero(c));
      }),
    );
  });
});

describe('divRoundHalfUp', () => {
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(5n, -2n)).toBe(-3n);
    expect(divRoundHalfUp(-5n, -2n)).toBe(3n);
    expect(divRoundHalfUp(7n, 3n)).toBe(2n);
    expect(divRoundHalfUp(8n, 3n)).toBe(3n);
    expect(divRoundHalfUp(-7n, 3n)).toBe(-2n);
    expect(divRoundHalfUp(-8n, 3n)).toBe(-3n);
    expect(divRoundHalfUp(6n, 3n)).toBe(2n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
    expect(divRoundHalfUp(1n, 2n)).toBe(1n);
    expect(divRoundHalfUp(-1n, 2n)).toBe(-1n);
    expect(divRoundHalfUp(1n, 3n)).toBe(0n);
  });

  it('rejects division by zero', () => {
    expectMoneyError(() => divRoundHalfUp(1n, 0n), 'DIVISION_BY_ZERO');
  });

  it('property: symmetric around zero and consistent with sign of the denominator', () => {
    const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(bigAmount, nonZero, (n, d) => {
        const r = divRoundHalfUp(n, d);
        return divRoundHalfUp(-n, d) === -r && divRoundHalfUp(n, -d) === -r && divRoundHalfUp(-n, -d) === r;
      }),
    );
  });

  it('property: result is the nearest integer (error at most one half)', () => {
    const positive = fc.bigInt({ min: 1n, max: 10n ** 12n });
    fc.assert(
      fc.property(bigAmount, positive, (n, d) => {
        const r = divRoundHalfUp(n, d);
        const error = n - r * d; // scaled by d
        const absError = error < 0n ? -error : error;
        // |n/d - r| <= 1/2, and exactly-half cases move away from zero.
        if (absError * 2n > d) return false;
        if (absError * 2n === d && d !== 0n) return n >= 0n ? r * d > n : r * d < n;
        return true;
      }),
    );
  });
});

describe('applyBasisPoints / taxFromInclusive', () => {
  it('applies basis points with half-up rounding', () => {
    expect(applyBasisPoints(10_000n, 2_000)).toBe(2_000n); // 20 % of £100
    expect(applyBasisPoints(1_999n, 2_000n)).toBe(400n); // 399.8 -> 400
    expect(applyBasisPoints(25n, 2_000)).toBe(5n);
    expect(applyBasisPoints(5n, 1_000)).toBe(1n); // 0.5 -> 1
    expect(applyBasisPoints(-5n, 1_000)).toBe(-1n); // -0.5 -> -1
    expect(applyBasisPoints(12_345n, 0)).toBe(0n);
    expect(applyBasisPoints(12_345n, 1)).toBe(1n); // 1.2345 -> 1
    expect(applyBasisPoints(100n, -500)).toBe(-5n);
    expectMoneyError(() => applyBasisPoints(1n, 12.5), 'INVALID_INPUT');
  });

  it('backs tax out of an inclusive amount', () => {
    expect(taxFromInclusive(12_000n, 2_000)).toBe(2_000n); // £120 incl. 20 % VAT -> £20
    expect(taxFromInclusive(1_000n, 2_000)).toBe(167n); // 166.67 -> 167
    expect(taxFromInclusive(-1_000n, 2_000)).toBe(-167n);
    expect(taxFromInclusive(1_050n, 500)).toBe(50n);
    expect(taxFromInclusive(999n, 0)).toBe(0n);
    expectMoneyError(() => taxFromInclusive(100n, -1), 'INVALID_RATE');
  });

  it('property: applyBasisPoints(a, 10000) = a and (a, 0) = 0', () => {
    fc.assert(fc.property(bigAmount, (a) => applyBasisPoints(a, 10_000) === a && applyBasisPoints(a, 0n) === 0n));
  });

  it('property: symmetric around zero', () => {
    fc.assert(
      fc.property(bigAmount, fc.integer({ min: 0, max: 100_000 }), (a, bps) => {
        return applyBasisPoints(-a, bps) === -applyBasisPoints(a, bps) && taxFromInclusive(-a, bps) === -taxFromInclusive(a, bps);
      }),
    );
  });

  it('property: net + tax rebuilds the gross and tax never exceeds the gross', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 50_000 }), (gross, bps) => {
        const tax = taxFromInclusive(gross, bps);
        return tax >= 0n && tax <= gross;
      }),
    );
  });

  it('property: a breakdown rounded once per line sums exactly to its total', () => {
    const line = fc.record({
      unit: fc.bigInt({ min: 0n, max: 10n ** 9n }),
      qty: fc.integer({ min: 1, max: 1_000 }),
      taxBps: fc.constantFrom(0, 500, 1_250, 2_000, 2_100),
      discountBps: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
        const rows = lines.map((l) => {
          const gross = multiply(money(l.unit, 'GBP'), l.qty);
          const discount = money(applyBasisPoints(gross.amount, l.discountBps), 'GBP');
          const net = subtract(gross, discount);
          const tax = money(applyBasisPoints(net.amount, l.taxBps), 'GBP');
          return { net, tax, total: add(net, tax) };
        });
        const netTotal = sum(rows.map((r) => r.net), 'GBP');
        const taxTotal = sum(rows.map((r) => r.tax), 'GBP');
        const grandTotal = sum(rows.map((r) => r.total), 'GBP');
        return equals(add(netTotal, taxTotal), grandTotal);
      }),
    );
  });
});

describe('FX: parseRate / formatRate / convert', () => {
  it('parses decimal rates into reduced rationals', () => {
    expect(parseRate('1.27')).toEqual({ numerator: 127n, denominator: 100n });
    expect(parseRate('1.50')).toEqual({ numerator: 3n, denominator: 2n });
    expect(parseRate('190')).toEqual({ numerator: 190n, denominator: 1n });
    expect(parseRate('0.0025')).toEqual({ numerator: 1n, denominator: 400n });
  });

  it('rejects negative, zero and garbage rates', () => {
    for (const s of ['0', '0.000', '-1.2', '', '1.', '.5', 'abc', '1e3', '1,27', ' 1.2', 'NaN', 'Infinity']) {
      expectMoneyError(() => parseRate(s), 'INVALID_RATE');
    }
  });

  it('formatRate round-trips parseRate', () => {
    for (const s of ['1.27', '190', '0.0025', '1.5', '3.14159265358979']) expect(formatRate(parseRate(s))).toBe(s);
    expect(formatRate(parseRate('1.500'))).toBe('1.5');
    expectMoneyError(() => formatRate({ numerator: 1n, denominator: 3n }), 'INVALID_RATE');
  });

  it('converts between exponents (GBP->JPY, KWD->GBP, JPY->KWD)', () => {
    // £12.34 at 1 GBP = 190.5 JPY -> ¥2350.77 -> ¥2351
    expect(convert(money(1_234n, 'GBP'), 'JPY', '190.5')).toEqual(money(2_351n, 'JPY'));
    // 1.234 KWD at 1 KWD = 2.57 GBP -> £3.17138 -> £3.17
    expect(convert(money(1_234n, 'KWD'), 'GBP', '2.57')).toEqual(money(317n, 'GBP'));
    // ¥1000 at 1 JPY = 0.002 KWD -> 2.000 KWD
    expect(convert(money(1_000n, 'JPY'), 'KWD', '0.002')).toEqual(money(2_000n, 'KWD'));
    // £1.00 at 1.27 -> $1.27
    expect(convert(money(100n, 'GBP'), 'USD', parseRate('1.27'))).toEqual(money(127n, 'USD'));
  });

  it('rounds half-up once, symmetric for negatives', () => {
    // 1p at 1.5 -> 1.5 cents -> 2
    expect(convert(money(1n, 'GBP'), 'EUR', '1.5').amount).toBe(2n);
    expect(convert(money(-1n, 'GBP'), 'EUR', '1.5').amount).toBe(-2n);
    // ¥1 at 0.005 GBP -> 0.5p -> 1p
    expect(convert(money(1n, 'JPY'), 'GBP', '0.005').amount).toBe(1n);
  });

  it('validates rate and target currency', () => {
    expectMoneyError(() => convert(money(1n, 'GBP'), 'XYZ', '1'), 'UNKNOWN_CURRENCY');
    expectMoneyError(() => convert(money(1n, 'GBP'), 'EUR', { numerator: 0n, denominator: 1n }), 'INVALID_RATE');
    expectMoneyError(() => convert(money(1n, 'GBP'), 'EUR', { numerator: 1n, denominator: -1n }), 'INVALID_RATE');
    expectMoneyError(() => convert(money(1n, 'GBP'), 'GBP', '1.1'), 'INVALID_RATE');
    expect(convert(money(7n, 'GBP'), 'GBP', '1.000')).toEqual(money(7n, 'GBP'));
  });

  it('property: rate 1 between same-exponent currencies is identity', () => {
    const pairs = fc.constantFrom<[CurrencyCode, CurrencyCode]>(['GBP', 'EUR'], ['USD', 'CHF'], ['JPY', 'KRW'], ['KWD', 'BHD'], ['ISK', 'CLP']);
    fc.assert(
      fc.property(bigAmount, pairs, (a, [from, to]) => {
        const out = convert(money(a, from), to, '1');
        return out.amount === a && out.currency === to;
      }),
    );
  });

  it('property: exponent shift is exact with rate 1 when going to more decimals', () => {
    fc.assert(
      fc.property(bigAmount, (a) => {
        return convert(money(a, 'JPY'), 'KWD', '1').amount === a * 1_000n && convert(money(a, 'GBP'), 'KWD', '1').amount === a * 10n;
      }),
    );
  });
});

describe('allocate', () => {
  it('splits by weights with largest remainder and index tie-break', () => {
    expect(allocate(100n, [1, 1, 1])).toEqual([34n, 33n, 33n]);
    expect(allocate(5n, [3, 7])).toEqual([2n, 3n]); // 1.5 / 3.5: equal remainders, lower index wins
    expect(allocate(10n, [70, 20, 10])).toEqual([7n, 2n, 1n]);
    expect(allocate(1n, [1, 1, 1])).toEqual([1n, 0n, 0n]);
    expect(allocate(2n, [1, 2, 1])).toEqual([1n, 1n, 0n]); // 0.5/1/0.5 -> extra to index 0
    expect(allocate(0n, [1, 2])).toEqual([0n, 0n]);
    expect(allocate(100n, [0, 1])).toEqual([0n, 100n]);
    expect(allocate(7n, [1n, 0n, 1n])).toEqual([4n, 0n, 3n]);
  });

  it('mirrors negative amounts', () => {
    expect(allocate(-100n, [1, 1, 1])).toEqual([-34n, -33n, -33n]);
  });

  it('rejects empty, negative and all-zero weights', () => {
    expectMoneyError(() => allocate(10n, []), 'INVALID_WEIGHTS');
    expectMoneyError(() => allocate(10n, [1, -1]), 'INVALID_WEIGHTS');
    expectMoneyError(() => allocate(10n, [0, 0n]), 'INVALID_WEIGHTS');
    expectMoneyError(() => allocate(10n, [0.5, 1]), 'INVALID_INPUT');
  });

  it('allocateEvenly', () => {
    expect(allocateEvenly(10n, 3)).toEqual([4n, 3n, 3n]);
    expect(allocateEvenly(-10n, 4)).toEqual([-3n, -3n, -2n, -2n]);
    expect(allocateEvenly(2n, 5)).toEqual([1n, 1n, 0n, 0n, 0n]);
    expectMoneyError(() => allocateEvenly(10n, 0), 'INVALID_WEIGHTS');
    expectMoneyError(() => allocateEvenly(10n, 1.5), 'INVALID_WEIGHTS');
  });

  it('property: parts always sum to the amount; zero weights get zero; close to the exact share', () => {
    const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0n));
    fc.assert(
      fc.property(bigAmount, weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        const total = ws.reduce((a, w) => a + w, 0n);
        if (parts.length !== ws.length) return false;
        if (parts.reduce((a, p) => a + p, 0n) !== amount) return false;
        return parts.every((p, i) => {
          if (ws[i] === 0n) return p === 0n;
          // |p - amount*w/total| < 1  <=>  |p*total - amount*w| < total
          const diff = p * total - amount * ws[i];
          return (diff < 0n ? -diff : diff) < total;
        });
      }),
    );
  });

  it('property: even split sums exactly and parts differ by at most one unit', () => {
    fc.assert(
      fc.property(bigAmount, fc.integer({ min: 1, max: 200 }), (amount, n) => {
        const parts = allocateEvenly(amount, n);
        const max = parts.reduce((a, p) => (p > a ? p : a));
        const min = parts.reduce((a, p) => (p < a ? p : a));
        return parts.length === n && parts.reduce((a, p) => a + p, 0n) === amount && max - min <= 1n;
      }),
    );
  });

  it('property: allocate(-a) = -allocate(a)', () => {
    fc.assert(
      fc.property(bigAmount, fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }), (a, ws) => {
        const pos = allocate(a, ws);
        const neg = allocate(-a, ws);
        return pos.every((p, i) => neg[i] === -p);
      }),
    );
  });
});

describe('parseMajor / formatMajor', () => {
  it('parses user input into minor units', () => {
    expect(parseMajor('12.5', 'GBP')).toBe(1_250n);
    expect(parseMajor('12.50', 'GBP')).toBe(1_250n);
    expect(parseMajor('1,234.50', 'GBP')).toBe(123_450n);
    expect(parseMajor('1,234,567', 'GBP')).toBe(123_456_700n);
    expect(parseMajor('  7 ', 'GBP')).toBe(700n);
    expect(parseMajor('0.01', 'GBP')).toBe(1n);
    expect(parseMajor('-3.2', 'EUR')).toBe(-320n);
    expect(parseMajor('1500', 'JPY')).toBe(1_500n);
    expect(parseMajor('1.234', 'KWD')).toBe(1_234n);
    expect(parseMajor('1.2', 'KWD')).toBe(1_200n);
    expect(parseMajor('98765432109876543210.99', 'USD')).toBe(9_876_543_210_987_654_321_099n);
  });

  it('rejects more decimals than the currency allows, with a clear message', () => {
    expectMoneyError(() => parseMajor('1.5', 'JPY'), 'TOO_MANY_DECIMALS', /JPY amounts cannot have decimals/);
    expectMoneyError(() => parseMajor('1.0', 'JPY'), 'TOO_MANY_DECIMALS');
    expectMoneyError(() => parseMajor('1.2345', 'KWD'), 'TOO_MANY_DECIMALS', /KWD .*at most 3 decimal places/);
    expectMoneyError(() => parseMajor('1.555', 'GBP'), 'TOO_MANY_DECIMALS', /at most 2/);
  });

  it('rejects exponent notation, empty and non-numeric input', () => {
    for (const s of ['', '   ', '1e3', '1E3', 'abc', '£12', '12£', '1.2.3', '.5', '5.', '+5', '--5', '1,5', '12,34', ',123', '1,,234', '1 234', 'NaN', 'Infinity', '0x10', '١٢']) {
      expect(() => parseMajor(s, 'GBP'), s).toThrow(MoneyError);
    }
    expectMoneyError(() => parseMajor('', 'GBP'), 'INVALID_INPUT', /empty/);
    expectMoneyError(() => parseMajor('1', 'XXX'), 'UNKNOWN_CURRENCY');
  });

  it('formats exact plain decimals', () => {
    expect(formatMajor(123_450n, 'GBP')).toBe('1234.50');
    expect(formatMajor(-5n, 'GBP')).toBe('-0.05');
    expect(formatMajor(0n, 'KWD')).toBe('0.000');
    expect(formatMajor(1_500n, 'JPY')).toBe('1500');
    expect(formatMajor(-1_234n, 'KWD')).toBe('-1.234');
  });

  it('property: parseMajor ∘ formatMajor round trip for GBP/JPY/KWD (and all currencies)', () => {
    fc.assert(
      fc.property(bigAmount, fc.constantFrom<CurrencyCode>('GBP', 'JPY', 'KWD'), (a, c) => parseMajor(formatMajor(a, c), c) === a),
    );
    fc.assert(fc.property(bigAmount, currencyArb, (a, c) => parseMajor(formatMajor(a, c), c) === a));
  });
});

describe('formatMoney', () => {
  it('formats with the currency exponent in en-GB by default', () => {
    expect(formatMoney(money(123_450n, 'GBP'))).toBe('£1,234.50');
    expect(formatMoney(money(-5n, 'GBP'))).toBe('-£0.05');
    expect(formatMoney(money(1_500n, 'JPY'))).toBe('JP¥1,500');
    expect(formatMoney(money(1_234n, 'KWD'))).toBe('KWD\u00a01.234');
    expect(formatMoney(money(100n, 'USD'), 'en-US')).toBe('$1.00');
    expect(formatMoney(money(123_456n, 'EUR'), 'de-DE')).toBe('1.234,56\u00a0€');
  });

  it('uses ISO digits even where CLDR display digits differ (HUF)', () => {
    expect(formatMoney(money(12_345n, 'HUF'), 'en-GB')).toMatch(/123\.45/);
  });

  it('formats huge bigints exactly (beyond 2^53)', () => {
    expect(formatMoney(money(123_456_789_012_345_678_901_234_567n, 'GBP'))).toBe('£1,234,567,890,123,456,789,012,345.67');
    expect(formatMoney(money(9_007_199_254_740_993n, 'JPY'))).toBe('JP¥9,007,199,254,740,993');
  });

  it('property: parseMajor round trip through the en-GB display (grouping and sign stripped of the symbol)', () => {
    const symbol: Record<'GBP' | 'JPY' | 'KWD', RegExp> = { GBP: /£/, JPY: /JP¥/, KWD: /KWD\s/ };
    fc.assert(
      fc.property(bigAmount, fc.constantFrom<'GBP' | 'JPY' | 'KWD'>('GBP', 'JPY', 'KWD'), (a, c) => {
        const shown = formatMoney(money(a, c)).replace(symbol[c], '');
        return parseMajor(shown, c) === a;
      }),
    );
  });
});

describe('zod schemas', () => {
  it('minorUnitsSchema accepts safe integers only', () => {
    expect(minorUnitsSchema.parse(1_250)).toBe(1_250);
    expect(minorUnitsSchema.parse(-Number.MAX_SAFE_INTEGER)).toBe(-Number.MAX_SAFE_INTEGER);
    expect(minorUnitsSchema.safeParse(12.5).success).toBe(false);
    expect(minorUnitsSchema.safeParse(2 ** 53).success).toBe(false);
    expect(minorUnitsSchema.safeParse('12').success).toBe(false);
    expect(minorUnitsSchema.safeParse(Number.NaN).success).toBe(false);
    expect(minorUnitsSchema.safeParse(12.5).error?.issues[0].message).toMatch(/whole number of minor units/);
  });

  it('currencySchema explains why a value is rejected', () => {
    expect(currencySchema.parse('GBP')).toBe('GBP');
    expect(currencySchema.safeParse('gbp').error?.issues[0].message).toMatch(/upper-case/);
    expect(currencySchema.safeParse('GB').error?.issues[0].message).toMatch(/3 upper-case letters/);
    expect(currencySchema.safeParse('XYZ').error?.issues[0].message).toMatch(/XYZ is not supported/);
    expect(currencySchema.safeParse(12).success).toBe(false);
  });

  it('moneySchema validates the wire shape; moneyFromWireSchema yields bigint Money', () => {
    expect(moneySchema.parse({ amount: 500, currency: 'EUR' })).toEqual({ amount: 500, currency: 'EUR' });
    expect(moneySchema.safeParse({ amount: 5.5, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 5, currency: 'EURO' }).success).toBe(false);
    const m: Money = moneyFromWireSchema.parse({ amount: 500, currency: 'JPY' });
    expect(m).toEqual(money(500n, 'JPY'));
  });

  it('toWireMoney is the inverse of moneyFromWireSchema', () => {
    fc.assert(
      fc.property(safeAmount, currencyArb, (a, c) => equals(moneyFromWireSchema.parse(toWireMoney(money(a, c))), money(a, c))),
    );
    expectMoneyError(() => toWireMoney(money(2n ** 60n, 'GBP')), 'UNSAFE_INTEGER');
  });
});
