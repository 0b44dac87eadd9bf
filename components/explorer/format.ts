/**
 * Small client-safe formatters. lib/core/money.ts pulls zod into the bundle, so the explorer
 * keeps its own display-only conversion: minor units → major with the ISO exponent (JPY 0,
 * KWD 3, most others 2), then Intl.NumberFormat with the currency.
 */

const EXPONENT_0 = new Set(['JPY', 'KRW', 'ISK', 'CLP', 'VND', 'UGX', 'XOF', 'XAF', 'PYG', 'RWF']);
const EXPONENT_3 = new Set(['KWD', 'BHD', 'OMR', 'TND', 'JOD', 'IQD', 'LYD']);

export function currencyExponent(currency: string): number {
  if (EXPONENT_0.has(currency)) return 0;
  if (EXPONENT_3.has(currency)) return 3;
  return 2;
}

export function formatMinor(amountMinor: number, currency: string, locale = 'en-GB'): string {
  const exp = currencyExponent(currency);
  const major = amountMinor / 10 ** exp;
  const whole = amountMinor % 10 ** exp === 0;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : exp,
      maximumFractionDigits: exp,
    }).format(major);
  } catch {
    return `${major.toFixed(exp)} ${currency}`;
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
  return minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2);
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
