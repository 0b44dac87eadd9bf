/**
 * The quote engine (DOMAIN.md "Money"): pure functions, no I/O. Order, as the domain states it:
 * FX-convert the provider price into the booking currency with the snapshotted rate → platform
 * service fee (rate, with an optional minimum) → tax on (price + fee) by the zone's tax region →
 * total. Every line is rounded half-up exactly once and the total is the sum of the rounded
 * lines, so the breakdown always adds up to the minor unit.
 */
import {
  applyBasisPoints,
  assertCurrency,
  convert,
  formatRate,
  money,
  MoneyError,
  parseRate,
  taxFromInclusive,
  type Rate,
} from '@/lib/core/money';

export interface QuoteInput {
  /** The service's price in the provider's currency (tax-inclusive or not, per `taxInclusive`). */
  providerPriceMinor: bigint;
  providerCurrency: string;
  taxInclusive: boolean;
  bookingCurrency: string;
  /** Provider currency → booking currency (lib/core/money parseRate); 1 when they are the same. */
  fxRate: Rate;
  serviceFeeBp: number;
  /** Minimum service fee, already in the BOOKING currency (rates.ts converts a foreign minimum). */
  serviceFeeMinimumMinor: bigint | null;
  taxRateBp: number;
  providerCommissionBp: number;
}

export type QuoteLineKey = 'price' | 'service_fee' | 'tax' | 'total';

export interface QuoteLine {
  key: QuoteLineKey;
  label: string;
  amountMinor: bigint;
  /** True for the tax line of a tax-inclusive quote: shown for information, already inside the other lines. */
  included?: boolean;
}

export interface Quote {
  currency: string;
  providerPriceMinor: bigint;
  providerCurrency: string;
  /** The rate snapshot as stored on the booking (see formatRateText). */
  fxRate: string;
  priceMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  taxRateBp: number;
  taxInclusive: boolean;
  totalMinor: bigint;
  providerCommissionMinor: bigint;
  /** What the provider receives on completion: price − commission − (inclusive ? tax on the price line : 0). */
  providerNetMinor: bigint;
  lines: QuoteLine[];
}

/** Integer basis points within [0, 10 000]; anything else is a configuration or caller bug. */
function assertBp(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000) {
    throw new MoneyError('INVALID_RATE', `${what} must be whole basis points between 0 and 10000, got ${String(value)}`);
  }
}

/** "20%", "2.5%", "12.25%" — a basis-point rate for labels, exact (no floats). */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}%` : `${whole}%`;
}

/**
 * Rates are stored as text on the booking. A rate read from fx_rates is a terminating decimal
 * ("1.17"); an inverse (1 / 1.17) is not, so it is kept exactly as a fraction "100/117".
 */
export function formatRateText(rate: Rate): string {
  try {
    return formatRate(rate);
  } catch {
    return `${rate.numerator}/${rate.denominator}`;
  }
}

/** Reads a stored rate snapshot: a plain decimal or an exact fraction "n/d". */
export function parseRateText(text: string): Rate {
  const fraction = /^(\d{1,40})\/(\d{1,40})$/.exec(text);
  if (!fraction) return parseRate(text);
  const numerator = BigInt(fraction[1]);
  const denominator = BigInt(fraction[2]);
  if (numerator <= 0n || denominator <= 0n) throw new MoneyError('INVALID_RATE', `FX rate must be positive, got ${JSON.stringify(text)}`);
  return Object.freeze({ numerator, denominator });
}

/** Tax on one line, rounded half-up once: backed out of an inclusive amount, or added on top. */
export function lineTax(amountMinor: bigint, taxRateBp: number, inclusive: boolean): bigint {
  return inclusive ? taxFromInclusive(amountMinor, taxRateBp) : applyBasisPoints(amountMinor, taxRateBp);
}

export function quote(input: QuoteInput): Quote {
  const bookingCurrency = assertCurrency(input.bookingCurrency);
  const providerCurrency = assertCurrency(input.providerCurrency);
  if (typeof input.providerPriceMinor !== 'bigint' || input.providerPriceMinor < 0n) {
    throw new MoneyError('INVALID_AMOUNT', 'The provider price must be a non-negative bigint of minor units');
  }
  assertBp(input.serviceFeeBp, 'Service fee rate');
  assertBp(input.taxRateBp, 'Tax rate');
  assertBp(input.providerCommissionBp, 'Provider commission rate');
  const minimum = input.serviceFeeMinimumMinor;
  if (minimum !== null && (typeof minimum !== 'bigint' || minimum < 0n)) {
    throw new MoneyError('INVALID_AMOUNT', 'The minimum service fee must be a non-negative bigint of minor units');
  }

  // 1. FX: one half-up rounding on conversion; convert() insists on rate 1 for the same currency.
  const price = convert(money(input.providerPriceMinor, providerCurrency), bookingCurrency, input.fxRate).amount;

  // 2. Service fee on the converted price, never below the minimum (a free service pays no fee).
  let serviceFee = applyBasisPoints(price, input.serviceFeeBp);
  if (minimum !== null && price > 0n && serviceFee < minimum) serviceFee = minimum;

  // 3. Tax per line, each rounded once, then summed — the per-line rule keeps receipts exact.
  const inclusive = input.taxInclusive;
  const taxOnPrice = lineTax(price, input.taxRateBp, inclusive);
  const taxOnFee = lineTax(serviceFee, input.taxRateBp, inclusive);
  const tax = taxOnPrice + taxOnFee;

  // 4. Total = sum of the rounded lines; an inclusive price already carries its tax.
  const total = price + serviceFee + (inclusive ? 0n : tax);

  // Commission comes out of the provider's share; it can never exceed what the provider would
  // otherwise keep (the price net of its own tax), so the provider's net is never negative.
  const providerGross = price - (inclusive ? taxOnPrice : 0n);
  let commission = applyBasisPoints(price, input.providerCommissionBp);
  if (commission > providerGross) commission = providerGross;
  const providerNet = providerGross - commission;

  const taxLabel = inclusive ? `Includes tax (${formatBp(input.taxRateBp)})` : `Tax (${formatBp(input.taxRateBp)})`;
  const lines: QuoteLine[] = [
    { key: 'price', label: 'Price', amountMinor: price },
    { key: 'service_fee', label: 'Service fee', amountMinor: serviceFee },
    inclusive ? { key: 'tax', label: taxLabel, amountMinor: tax, included: true } : { key: 'tax', label: taxLabel, amountMinor: tax },
    { key: 'total', label: 'Total', amountMinor: total },
  ];

  return {
    currency: bookingCurrency,
    providerPriceMinor: input.providerPriceMinor,
    providerCurrency,
    fxRate: formatRateText(input.fxRate),
    priceMinor: price,
    serviceFeeMinor: serviceFee,
    taxMinor: tax,
    taxRateBp: input.taxRateBp,
    taxInclusive: inclusive,
    totalMinor: total,
    providerCommissionMinor: commission,
    providerNetMinor: providerNet,
    lines,
  };
}

/** The fields of a booking's quote snapshot that decide how its money is split on release. */
export interface QuoteSnapshot {
  priceMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  taxRateBp: number;
  taxInclusive: boolean;
  totalMinor: bigint;
  providerCommissionMinor: bigint;
}

export interface ReleaseShares {
  providerNetMinor: bigint;
  platformMinor: bigint;
  taxMinor: bigint;
}

/**
 * How a booking's total divides on completion: the provider's net, the platform's revenue
 * (service fee + commission, net of the fee's own tax on an inclusive price) and tax. The
 * price line's tax is recomputed with the same rule as quote(); platform takes the remainder, so
 * the three always sum to the stored total exactly.
 */
export function releaseShares(s: QuoteSnapshot): ReleaseShares {
  let taxOnPrice = lineTax(s.priceMinor, s.taxRateBp, s.taxInclusive);
  if (taxOnPrice > s.taxMinor) taxOnPrice = s.taxMinor;
  let providerNet = s.priceMinor - s.providerCommissionMinor - (s.taxInclusive ? taxOnPrice : 0n);
  if (providerNet < 0n) providerNet = 0n;
  const tax = s.taxMinor;
  const platform = s.totalMinor - providerNet - tax;
  if (platform < 0n) throw new MoneyError('INVALID_AMOUNT', 'The quote snapshot does not add up: the platform share would be negative');
  return { providerNetMinor: providerNet, platformMinor: platform, taxMinor: tax };
}
