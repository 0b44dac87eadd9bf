import { describe, expect, it } from 'vitest';
import { stripeGateway } from './stripe';

type Call = { url: string; init: RequestInit };
function fakeFetch(responses: Array<{ status: number; body: unknown }>) {
  const calls: Call[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const r = responses.shift() ?? { status: 200, body: {} };
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fn, calls };
}
const form = (c: Call) => Object.fromEntries(new URLSearchParams(String(c.init.body)));
const header = (c: Call, name: string) => new Headers(c.init.headers).get(name);

describe('Stripe payouts (injected fetch, no network)', () => {
  it('registers a UK bank account as a connected account’s external account', async () => {
    const f = fakeFetch([{ status: 200, body: { id: 'acct_1', external_accounts: { data: [{ id: 'ba_1', last4: '6819' }] } } }]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://x', fetch: f.fn });
    const r = await g.createPayoutDestination({ accountHolder: 'A Ltd', country: 'GB', currency: 'GBP', ownerRef: 'org-1', idempotencyKey: 'dest-1', details: { kind: 'gb', sortCode: '601613', accountNumber: '31926819' } });
    expect(r).toEqual({ ok: true, ref: 'acct_1/ba_1', last4: '6819', bankIdentifier: '60-16-13' });
    expect(f.calls[0]!.url).toBe('https://api.stripe.com/v1/accounts');
    expect(header(f.calls[0]!, 'idempotency-key')).toBe('dest-1');
    expect(form(f.calls[0]!)).toMatchObject({ type: 'custom', 'external_account[routing_number]': '601613', 'external_account[account_number]': '31926819', 'external_account[currency]': 'gbp' });
  });

  it('maps a refused bank account onto the form field', async () => {
    const f = fakeFetch([{ status: 400, body: { error: { type: 'invalid_request_error', param: 'external_account[routing_number]', message: 'Invalid sort code' } } }]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://x', fetch: f.fn });
    expect(await g.createPayoutDestination({ accountHolder: 'A', country: 'GB', currency: 'GBP', ownerRef: 'o', idempotencyKey: 'k', details: { kind: 'gb', sortCode: '000000', accountNumber: '12345678' } })).toEqual({
      ok: false,
      field: 'sortCode',
      reason: 'Invalid sort code',
    });
  });

  it('transfers to the connected account, then pays out from it (pending until the webhook)', async () => {
    const f = fakeFetch([
      { status: 200, body: { id: 'tr_1' } },
      { status: 200, body: { id: 'po_1', status: 'pending' } },
    ]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://x', fetch: f.fn });
    expect(await g.transfer({ destinationRef: 'acct_1/ba_1', amountMinor: 12_345n, currency: 'GBP', idempotencyKey: 'payout:p1', description: 'd' })).toEqual({ ref: 'po_1', status: 'pending' });
    expect(f.calls[0]!.url).toBe('https://api.stripe.com/v1/transfers');
    expect(form(f.calls[0]!)).toMatchObject({ amount: '12345', currency: 'gbp', destination: 'acct_1' });
    expect(f.calls[1]!.url).toBe('https://api.stripe.com/v1/payouts');
    expect(header(f.calls[1]!, 'stripe-account')).toBe('acct_1');
    expect(header(f.calls[1]!, 'idempotency-key')).toBe('payout:p1:payout');
  });
});
