/**
 * Money: integer minor units + ISO 4217 currency. Pure, dependency-free apart from zod.
 *
 * Invariants (product spec):
 * - Amounts are `bigint` minor units inside this module; floats never touch money math.
 * - JSON carries safe-integer numbers, Postgres int8 arrives as a string: `toMinor`/`toWire`
 *   are the ONE place where those representations are converted.
 * - Rates are integer basis points (1 bp = 0.01 %).
 * - Rounding is half-up = half AWAY FROM ZERO, to the minor unit, once per line; totals are
 *   sums of rounded lines so a breakdown always adds up exactly.
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export type MoneyErrorCode =
  | 'UNKNOWN_CURRENCY'
  | 'CURRENCY_MISMATCH'
  | 'INVALID_AMOUNT'
  | 'UNSAFE_INTEGER'
  | 'DIVISION_BY_ZERO'
  | 'INVALID_RATE'
  | 'INVALID_WEIGHTS'
  | 'INVALID_INPUT'
  | 'TOO_MANY_DECIMALS';

/** Self-contained so lib/core/errors.ts can map it by `code` without this module importing it. */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode;

  constructor(code: MoneyErrorCode, message: string) {
    super(message);
    this.name = 'MoneyError';
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------------
// Currencies
// ---------------------------------------------------------------------------------------------

// The exponent table lives in ./currency (no zod) so client components format with the same one.
import { CURRENCY_CODES, EXPONENTS, isCurrency, type CurrencyCode } from './currency';

export { CURRENCY_CODES, isCurrency, type CurrencyCode };

/** Narrows a string to CurrencyCode or throws — an unknown currency is never silently defaulted. */
export function assertCurrency(code: string): CurrencyCode {
  if (!isCurrency(code)) {
    throw new MoneyError('UNKNOWN_CURRENCY', `Unknown or unsupported currency: ${JSON.stringify(code)}`);
  }
  return code;
}

export function currencyExponent(code: string): number {
  return EXPONENTS[assertCurrency(code)];
}

/** 10^exponent as bigint, i.e. how many minor units make one major unit. */
function minorPerMajor(code: CurrencyCode): bigint {
  return 10n ** BigInt(EXPONENTS[code]);
}

// ---------------------------------------------------------------------------------------------
// Boundary conversion (the ONE place wire/DB representations become bigint and back)
// ---------------------------------------------------------------------------------------------

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INTEGER_STRING = /^-?\d+$/;

/**
 * Accepts bigint, a safe-integer number (JSON) or an integer string (Postgres int8).
 * Unsafe-range numbers are rejected because they may already have lost precision.
 */
export function toMinor(value: bigint | number | string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw new MoneyError('INVALID_AMOUNT', `Minor units must be an integer, got ${String(value)}`);
    }
    if (!Number.isSafeInteger(value)) {
      throw new MoneyError('UNSAFE_INTEGER', `Minor units ${String(value)} are outside the safe integer range`);
    }
    return BigInt(value);
  }
  if (typeof value === 'string') {
    if (!INTEGER_STRING.test(value)) {
      throw new MoneyError('INVALID_AMOUNT', `Minor units must be an integer string, got ${JSON.stringify(value)}`);
    }
    return BigInt(value);
  }
  // Reachable from untyped callers (e.g. a raw DB row); keep the failure explicit.
  throw new MoneyError('INVALID_AMOUNT', `Minor units must be a bigint, number or string, got ${typeof value}`);
}

/** JSON cannot carry bigint; refuse rather than silently lose precision beyond 2^53. */
export function toWire(amount: bigint): number {
  if (amount > MAX_SAFE || amount < -MAX_SAFE) {
    throw new MoneyError('UNSAFE_INTEGER', `Amount ${amount} exceeds the safe integer range for JSON`);
  }
  return Number(amount);
}

function toInteger(value: bigint | number, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new MoneyError('INVALID_INPUT', `${what} must be a safe integer, got ${String(value)}`);
  }
  return BigInt(value);
}

// ---------------------------------------------------------------------------------------------
// Money value
// ---------------------------------------------------------------------------------------------

export type Money = { readonly amount: bigint; readonly currency: CurrencyCode };

/** Validates both parts so a Money value is always well-formed; frozen so it can be shared. */
export function money(amount: bigint | number | string, currency: string): Money {
  return Object.freeze({ amount: toMinor(amount), currency: assertCurrency(currency) });
}

export function zero(currency: string): Money {
  return money(0n, currency);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('CURRENCY_MISMATCH', `Currency mismatch: cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function negate(a: Money): Money {
  return money(-a.amount, a.currency);
}

/** Integer multiplication only (e.g. unit price × quantity); fractional factors must go through bps. */
export function multiply(a: Money, factor: bigint | number): Money {
  return money(a.amount * toInteger(factor, 'Factor'), a.currency);
}

export function isZero(a: Money): boolean {
  return a.amount === 0n;
}

export function isNegative(a: Money): boolean {
  return a.amount < 0n;
}

export function isPositive(a: Money): boolean {
  return a.amount > 0n;
}

/** -1 / 0 / 1, usable directly as an Array.prototype.sort comparator. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount === b.amount;
}

/** Currency is explicit so an empty list still has a well-defined (zero) total. */
export function sum(list: readonly Money[], currency: string): Money {
  const code = assertCurrency(currency);
  let total = 0n;
  for (const item of list) {
    if (item.currency !== code) {
      throw new MoneyError('CURRENCY_MISMATCH', `Currency mismatch: cannot sum ${item.currency} into a ${code} total`);
    }
    total += item.amount;
  }
  return money(total, code);
}

// ---------------------------------------------------------------------------------------------
// Rounding and rates
// ---------------------------------------------------------------------------------------------

/** Integer division rounded half away from zero; symmetric so refunds mirror charges exactly. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError('DIVISION_BY_ZERO', 'Division by zero');
  // Normalise to a positive denominator so only the numerator carries the sign.
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator; // same sign as numerator
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n >= denominator) {
    return numerator < 0n ? quotient - 1n : quotient + 1n;
  }
  return quotient;
}

const BPS_SCALE = 10_000n;

/** amount × bps / 10 000, rounded half-up once. Negative bps are allowed (e.g. adjustments). */
export function applyBasisPoints(amount: bigint, bps: bigint | number): bigint {
  return divRoundHalfUp(amount * toInteger(bps, 'Basis points'), BPS_SCALE);
}

/** Tax contained in a tax-inclusive amount: gross × r / (10 000 + r), half-up once. */
export function taxFromInclusive(gross: bigint, rateBps: bigint | number): bigint {
  const rate = toInteger(rateBps, 'Tax rate (bps)');
  if (rate < 0n) throw new MoneyError('INVALID_RATE', `Tax rate must not be negative, got ${rate} bps`);
  return divRoundHalfUp(gross * rate, BPS_SCALE + rate);
}

// ---------------------------------------------------------------------------------------------
// FX conversion
// ---------------------------------------------------------------------------------------------

/** Exact FX rate: 1 major unit of FROM = numerator / denominator major units of TO. */
export type Rate = { readonly numerator: bigint; readonly denominator: bigint };

const RATE_STRING = /^\d+(?:\.\d+)?$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function assertValidRate(rate: Rate): void {
  if (typeof rate.numerator !== 'bigint' || typeof rate.denominator !== 'bigint' || rate.numerator <= 0n || rate.denominator <= 0n) {
    throw new MoneyError('INVALID_RATE', 'FX rate must have a positive bigint numerator and denominator');
  }
}

/** Parses a snapshotted decimal rate ("1.27") into an exact, reduced rational. */
export function parseRate(decimal: string): Rate {
  if (typeof decimal !== 'string' || decimal.length > 64 || !RATE_STRING.test(decimal)) {
    throw new MoneyError('INVALID_RATE', `FX rate must be a plain positive decimal like "1.27", got ${JSON.stringify(decimal)}`);
  }
  const [whole, fraction = ''] = decimal.split('.');
  let numerator = BigInt(whole + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  if (numerator === 0n) throw new MoneyError('INVALID_RATE', 'FX rate must be greater than zero');
  const divisor = gcd(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  return Object.freeze({ numerator, denominator });
}

/**
 * Inverse of parseRate for storing a snapshot. Exact only for terminating decimals (denominator
 * of the form 2^a·5^b), which every parseRate result is; anything else throws instead of rounding.
 */
export function formatRate(rate: Rate): string {
  assertValidRate(rate);
  let { numerator, denominator } = rate;
  let scale = 0;
  // Multiply up by 10 until the denominator divides a power of ten.
  while ((10n ** BigInt(scale)) % denominator !== 0n) {
    scale += 1;
    if (scale > 64) throw new MoneyError('INVALID_RATE', 'FX rate is not a terminating decimal');
  }
  numerator *= 10n ** BigInt(scale) / denominator;
  denominator = 10n ** BigInt(scale);
  const digits = numerator.toString().padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const fraction = digits.slice(-scale).replace(/0+$/, '');
  const whole = digits.slice(0, -scale);
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * Converts with an exact snapshotted rate, shifting between the two exponents (GBP→JPY,
 * KWD→GBP…) and rounding half-up exactly once at the end.
 * Same-currency conversion demands rate 1: anything else signals a wrong snapshot.
 */
export function convert(amount: Money, to: string, rate: Rate | string): Money {
  const target = assertCurrency(to);
  const r = typeof rate === 'string' ? parseRate(rate) : rate;
  assertValidRate(r);
  if (amount.currency === target) {
    if (r.numerator !== r.denominator) {
      throw new MoneyError('INVALID_RATE', `Converting ${target} to itself requires rate 1`);
    }
    return amount;
  }
  const shift = EXPONENTS[target] - EXPONENTS[amount.currency];
  // Put the exponent shift on whichever side keeps everything integral.
  const numerator = amount.amount * r.numerator * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = r.denominator * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return money(divRoundHalfUp(numerator, denominator), target);
}

// ---------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------

/**
 * Splits `amount` proportionally to `weights` using the largest-remainder method so that the
 * parts always sum to exactly `amount`. Ties go to the lower index (deterministic). Negative
 * amounts are allocated as the mirror image of the positive amount.
 */
export function allocate(amount: bigint, weights: readonly (bigint | number)[]): bigint[] {
  if (weights.length === 0) throw new MoneyError('INVALID_WEIGHTS', 'Cannot allocate across zero weights');
  const ws = weights.map((w) => toInteger(w, 'Weight'));
  if (ws.some((w) => w < 0n)) throw new MoneyError('INVALID_WEIGHTS', 'Allocation weights must not be negative');
  const total = ws.reduce((acc, w) => acc + w, 0n);
  if (total === 0n) throw new MoneyError('INVALID_WEIGHTS', 'Allocation weights must not all be zero');

  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const parts = ws.map((w) => (abs * w) / total);
  const remainders = ws.map((w) => (abs * w) % total);
  let leftover = abs - parts.reduce((acc, p) => acc + p, 0n);

  // leftover < number of non-zero remainders, so zero-weight parts never receive a unit.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let i = 0; leftover > 0n; i += 1, leftover -= 1n) {
    parts[order[i].index] += 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}

/** n near-equal parts differing by at most one minor unit; earlier parts take the extra units. */
export function allocateEvenly(amount: bigint, n: number): bigint[] {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new MoneyError('INVALID_WEIGHTS', `Number of parts must be a positive integer, got ${String(n)}`);
  }
  return allocate(amount, new Array<number>(n).fill(1));
}

// ---------------------------------------------------------------------------------------------
// Parsing and formatting
// ---------------------------------------------------------------------------------------------

// Integer part: plain digits, or comma grouping in strict threes. Strict grouping means a
// European decimal comma ("1,5") is rejected instead of being misread as fifteen.
const MAJOR_INPUT = /^(-)?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/** Parses user-typed "12.5" / "1,234.50" / "-3" into minor units without ever using floats. */
export function parseMajor(input: string, currency: string): bigint {
  const code = assertCurrency(currency);
  if (typeof input !== 'string') throw new MoneyError('INVALID_INPUT', 'Amount must be text');
  const trimmed = input.trim();
  if (trimmed === '') throw new MoneyError('INVALID_INPUT', 'Amount is empty');
  if (trimmed.length > 64) throw new MoneyError('INVALID_INPUT', 'Amount is too long');
  const match = MAJOR_INPUT.exec(trimmed);
  if (!match) {
    throw new MoneyError('INVALID_INPUT', `"${trimmed}" is not a valid amount; use digits with an optional "." decimal point, e.g. 1234.50`);
  }
  const [, sign, wholeRaw, fraction = ''] = match;
  const exponent = EXPONENTS[code];
  if (fraction.length > exponent) {
    throw new MoneyError(
      'TOO_MANY_DECIMALS',
      exponent === 0
        ? `${code} amounts cannot have decimals`
        : `${code} amounts allow at most ${exponent} decimal places`,
    );
  }
  const minor = BigInt(wholeRaw.replaceAll(',', '') + fraction.padEnd(exponent, '0'));
  return sign ? -minor : minor;
}

/** Exact plain decimal ("-1234.50", no grouping/symbol) — for inputs and the Intl formatter. */
export function formatMajor(amount: bigint, currency: string): string {
  const code = assertCurrency(currency);
  const exponent = EXPONENTS[code];
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = minorPerMajor(code);
  const whole = (abs / unit).toString();
  const fraction = exponent === 0 ? '' : `.${(abs % unit).toString().padStart(exponent, '0')}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

// Intl.NumberFormat construction is comparatively expensive; formatters are reused per key.
const formatterCache = new Map<string, Intl.NumberFormat>();

function currencyFormatter(locale: string, currency: CurrencyCode): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    const digits = EXPONENTS[currency];
    // Force ISO digits: CLDR display digits differ for some currencies (e.g. HUF).
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/**
 * Locale-aware currency display. The value is handed to Intl as an exact decimal string
 * (Intl.NumberFormat v3), so amounts beyond 2^53 format exactly — no Number conversion.
 */
export function formatMoney(m: Money, locale = 'en-GB'): string {
  const decimal = formatMajor(m.amount, m.currency) as `${number}`;
  return currencyFormatter(locale, m.currency).format(decimal);
}

// ---------------------------------------------------------------------------------------------
// Zod schemas (wire format)
// ---------------------------------------------------------------------------------------------

export const minorUnitsSchema = z
  .number({ error: 'Amount must be a number of minor units (e.g. pence)' })
  .int({ error: 'Amount must be a whole number of minor units' })
  .min(-Number.MAX_SAFE_INTEGER, { error: 'Amount is below the safe integer range' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'Amount is above the safe integer range' });

export const currencySchema = z
  .string({ error: 'Currency must be a 3-letter ISO 4217 code' })
  .regex(/^[A-Z]{3}$/, { error: 'Currency must be 3 upper-case letters (ISO 4217, e.g. GBP)' })
  .pipe(
    z.enum(CURRENCY_CODES as [CurrencyCode, ...CurrencyCode[]], {
      error: (issue) => `Currency ${String(issue.input)} is not supported`,
    }),
  );

/** Wire shape: { amount: safe-integer minor units, currency }. */
export const moneySchema = z.object({ amount: minorUnitsSchema, currency: currencySchema });

export type WireMoney = z.infer<typeof moneySchema>;

/** Same validation as moneySchema, but yields a bigint `Money` for use in domain code. */
export const moneyFromWireSchema = moneySchema.transform((w): Money => money(w.amount, w.currency));

export function toWireMoney(m: Money): WireMoney {
  return { amount: toWire(m.amount), currency: m.currency };
}
