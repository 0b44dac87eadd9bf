/**
 * ISO 4217 currencies and their minor-unit exponents — client-safe (no zod), shared by
 * lib/core/money.ts (all arithmetic) and display formatters in client components.
 *
 * ISO 4217 minor-unit exponents. We use ISO (not CLDR display digits): e.g. HUF/CZK are 2 in
 * ISO even though CLDR shows 0, and a stored amount must mean the same thing everywhere.
 */
export const EXPONENTS = {
  // Exponent 2
  GBP: 2, EUR: 2, USD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2,
  CAD: 2, AUD: 2, NZD: 2, INR: 2, AED: 2, SAR: 2, ZAR: 2, SGD: 2, HKD: 2, CNY: 2,
  MXN: 2, BRL: 2, TRY: 2, ILS: 2, THB: 2, MYR: 2, PHP: 2, IDR: 2, RON: 2, EGP: 2,
  NGN: 2, KES: 2, MAD: 2, QAR: 2, TWD: 2,
  // Exponent 0
  JPY: 0, KRW: 0, ISK: 0, CLP: 0, VND: 0, UGX: 0, XOF: 0, XAF: 0, PYG: 0, RWF: 0,
  // Exponent 3
  KWD: 3, BHD: 3, OMR: 3, TND: 3, JOD: 3, IQD: 3, LYD: 3,
} as const satisfies Record<string, 0 | 2 | 3>;

export type CurrencyCode = keyof typeof EXPONENTS;

/** Sorted list, e.g. for select inputs and z.enum. */
export const CURRENCY_CODES = Object.freeze(Object.keys(EXPONENTS).sort()) as readonly CurrencyCode[];

/** `Object.hasOwn` so inherited keys like "toString" are never mistaken for currencies. */
export function isCurrency(code: unknown): code is CurrencyCode {
  return typeof code === 'string' && Object.hasOwn(EXPONENTS, code);
}

