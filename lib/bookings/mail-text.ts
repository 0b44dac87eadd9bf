/**
 * Text for booking emails, as a customer reads it: money through the shared currency formatter
 * ("£123.00", never minor units) and instants in the booking's own time zone with the zone named
 * ("Tue, 2 Jun 2026, 11:00 BST"), because a mail is read later, anywhere. Server-safe (no React, no
 * browser APIs); the same formatters the booking pages use, so a mail and its page agree.
 */
import { formatMinor } from '@/components/explorer/format';
import { toMinor, toWire } from '@/lib/core/money';

/** Minor units (bigint from the database, or a number) → "£123.45". */
export function mailMoney(amountMinor: bigint | number | string, currency: string): string {
  return formatMinor(toWire(toMinor(amountMinor)), currency.trim());
}

/** An instant in the booking's zone: "Tue, 2 Jun 2026, 11:00 BST"; `timeOnly` → "11:00 BST". */
export function mailTime(at: Date | string, timeZone: string, opts: { timeOnly?: boolean } = {}): string {
  const zone = timeZone || 'Europe/London';
  const fields: Intl.DateTimeFormatOptions = opts.timeOnly
    ? { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }
    : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...fields }).format(new Date(at));
  } catch {
    // A zone id edited outside the app must not stop a mail: fall back to UTC, named as such.
    return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...fields }).format(new Date(at));
  }
}

/** The receipt's price lines, one per line, e.g. "Price: £100.00". */
export function mailPriceLines(b: { priceMinor: bigint | number | string; serviceFeeMinor: bigint | number | string; taxMinor: bigint | number | string; totalMinor: bigint | number | string; taxInclusive: boolean; currency: string }): string {
  return [
    `Price: ${mailMoney(b.priceMinor, b.currency)}`,
    `Service fee: ${mailMoney(b.serviceFeeMinor, b.currency)}`,
    `Tax: ${mailMoney(b.taxMinor, b.currency)}${b.taxInclusive ? ' (included)' : ''}`,
    `Total: ${mailMoney(b.totalMinor, b.currency)}`,
  ].join('\n');
}
