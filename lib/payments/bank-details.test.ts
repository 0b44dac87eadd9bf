import { describe, expect, it } from 'vitest';
import { bankIdentifier, bankLast4, normaliseIban, parseBankDetails } from './bank-details';
import { testCreatePayoutDestination, testTransfer } from './test-gateway';

describe('bank details', () => {
  it('checks IBANs with mod-97', () => {
    expect(normaliseIban('GB82 WEST 1234 5698 7654 32')).toBe('GB82WEST12345698765432');
    expect(normaliseIban('DE89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
    expect(normaliseIban('DE89 3704 0044 0532 0130 01')).toBeNull();
    expect(normaliseIban('not an iban')).toBeNull();
  });

  it('parses UK details and names each wrong field', () => {
    expect(parseBankDetails({ sortCode: '12-34-56', accountNumber: '1234 5678' })).toEqual({ ok: true, details: { kind: 'gb', sortCode: '123456', accountNumber: '12345678' } });
    expect(parseBankDetails({ sortCode: '1234', accountNumber: '123' })).toMatchObject({ ok: false, errors: { sortCode: [expect.any(String)], accountNumber: [expect.any(String)] } });
    expect(parseBankDetails({ iban: 'GB82WEST12345698765432', sortCode: '123456' })).toMatchObject({ ok: false, errors: { iban: [expect.any(String)] } });
    const d = { kind: 'gb' as const, sortCode: '123456', accountNumber: '12345678' };
    expect(bankLast4(d)).toBe('5678');
    expect(bankIdentifier(d)).toBe('12-34-56');
  });

  it('test gateway: tokenises, and a transfer to an account ending 0002 fails', () => {
    const ok = testCreatePayoutDestination({ accountHolder: 'A', country: 'GB', currency: 'GBP', ownerRef: 'org', idempotencyKey: 'k', details: { kind: 'gb', sortCode: '123456', accountNumber: '12340002' } });
    expect(ok).toMatchObject({ ok: true, last4: '0002' });
    if (!ok.ok) throw new Error('unreachable');
    expect(ok.ref).not.toContain('12340002');
    expect(testTransfer({ destinationRef: ok.ref, amountMinor: 100n, currency: 'GBP', idempotencyKey: 'p1', description: 'x' })).toMatchObject({ status: 'failed', failureReason: 'account closed' });
    const good = testCreatePayoutDestination({ accountHolder: 'A', country: 'GB', currency: 'GBP', ownerRef: 'org', idempotencyKey: 'k', details: { kind: 'gb', sortCode: '123456', accountNumber: '12345678' } });
    if (!good.ok) throw new Error('unreachable');
    expect(testTransfer({ destinationRef: good.ref, amountMinor: 100n, currency: 'GBP', idempotencyKey: 'p1', description: 'x' })).toMatchObject({ status: 'paid' });
    expect(testCreatePayoutDestination({ accountHolder: 'A', country: 'FR', currency: 'EUR', ownerRef: 'org', idempotencyKey: 'k', details: { kind: 'gb', sortCode: '123456', accountNumber: '12345678' } })).toMatchObject({ ok: false, field: 'country' });
  });
});
