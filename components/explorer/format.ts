/**
 * Small client-safe formatters. lib/core/money.ts pulls zod into the bundle, so display code uses
 * the shared exponent table in lib/core/currency.ts and converts minor units to a decimal STRING
 * with integer arithmetic (no float division), which Intl.NumberFormat formats exactly.
 */
import { EXPONENTS, isCurrency } from '@/lib/core/currency';

export function currencyExponent(currency: string): number {
  return isCurrency(currency) ? EXPONENTS[currency] : 2;
}

/** Integer minor units → exact decimal string in major units, e.g. (12345, 2) → "123.45". */
export function minorToDecimal(amountMinor: number, exponent: number): string {
  const negative = amountMinor < 0;
  const digits = Math.abs(Math.trunc(amountMinor)).toString().padStart(exponent + 1, '0');
  const whole = exponent ? digits.slice(0, -exponent) : digits;
  const fraction = exponent ? digits.slice(-exponent) : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function formatMinor(amountMinor: number, currency: string, locale = 'en-GB'): string {
  const exp = currencyExponent(currency);
  const decimal = minorToDecimal(amountMinor, exp);
  const whole = amountMinor % 10 ** exp === 0;
  try {
    const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : exp, maximumFractionDigits: exp });
    // A decimal string is formatted exactly (Intl.NumberFormat v3), never through a float.
    return formatter.format(decimal as `${number}`);
  } catch {
    return `${decimal} ${currency}`;
  }
}

/** Pounds typed into a price box → whole pence; blank or nonsense → null (no bound). */
export function poundsToMinor(text: string): number | null {
  const t = text.trim().replace(/^£/, '');
  if (!/^\d{1,13}(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ''] = t.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function minorToPounds(minor: number | null): string {
  if (minor === null) return '';
  return minor % 100 === 0 ? String(minor / 100) : minorToDecimal(minor, 2);
}

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function relativeAge(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** Absolute time in the marketplace's zone, with the zone abbreviation (GMT/BST). */
export function londonDateTime(iso: string): string {
  return londonTime.format(new Date(iso));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
