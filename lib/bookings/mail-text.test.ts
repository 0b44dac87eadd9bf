import { describe, expect, it } from 'vitest';
import { mailMoney, mailPriceLines, mailTime } from './mail-text';

describe('booking mail text', () => {
  it('formats money with the currency formatter, exactly, never as minor units', () => {
    expect(mailMoney(12345n, 'GBP')).toBe('£123.45');
    expect(mailMoney(12300n, 'GBP ')).toBe('£123'); // char(3) padding trimmed; whole amounts as on the pages
    expect(mailMoney(1500, 'JPY')).toBe('JP¥1,500');
    expect(mailMoney('1234', 'KWD').replace(/\s/g, ' ')).toBe('KWD 1.234');
  });

  it('shows instants in the booking zone with the zone named; a broken zone falls back to UTC', () => {
    const at = new Date('2026-06-02T10:00:00Z');
    expect(mailTime(at, 'Europe/London')).toBe('Tue, 2 Jun 2026, 11:00 BST');
    expect(mailTime(at, 'Europe/London', { timeOnly: true })).toBe('11:00 BST');
    expect(mailTime(new Date('2026-01-02T10:00:00Z'), 'Europe/London', { timeOnly: true })).toBe('10:00 GMT');
    expect(mailTime(at, 'Not/AZone', { timeOnly: true })).toBe('10:00 UTC');
  });

  it('lists the receipt lines', () => {
    expect(mailPriceLines({ priceMinor: 10000n, serviceFeeMinor: 250n, taxMinor: 2050n, totalMinor: 12300n, taxInclusive: false, currency: 'GBP' })).toBe(
      'Price: £100\nService fee: £2.50\nTax: £20.50\nTotal: £123',
    );
  });
});
