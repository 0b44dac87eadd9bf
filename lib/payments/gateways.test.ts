import { describe, expect, it } from 'vitest';
import { GatewayError } from './gateway';
import { intentOutcome, stripeGateway } from './stripe';
import { testCardOutcome, testGateway, testPaymentRef } from './test-gateway';

const req = { amountMinor: 12_300n, currency: 'GBP', idempotencyKey: 'booking:b1:authorize:1', description: 'Fixnado booking b1' };

describe('test gateway', () => {
  const g = testGateway({ appUrl: 'http://localhost:3000/' });

  it('maps the well-known test cards and tokens', async () => {
    expect(await g.authorize({ ...req, paymentMethod: 'pm_card_visa' })).toEqual({ ref: testPaymentRef(req.idempotencyKey), status: 'authorized' });
    expect(await g.authorize({ ...req, paymentMethod: '4242 4242 4242 4242' })).toMatchObject({ status: 'authorized' });
    expect(await g.authorize({ ...req, paymentMethod: 'pm_card_chargeDeclined' })).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    expect(await g.authorize({ ...req, paymentMethod: '4000000000000002' })).toMatchObject({ status: 'failed', failureReason: 'card_declined' });
    const action = await g.authorize({ ...req, paymentMethod: '4000002760003184' });
    expect(action.status).toBe('requires_action');
    expect(action.nextActionUrl).toBe(`http://localhost:3000/api/v1/payments/test/confirm?ref=${action.ref}`);
    expect(await g.authorize({ ...req, paymentMethod: 'pm_card_unknown' })).toMatchObject({ status: 'failed', failureReason: 'unknown_test_payment_method' });
    expect(testCardOutcome('pm_card_authenticationRequired')).toBe('requiresAction');
  });

  it('is deterministic by idempotency key and keeps no state', async () => {
    const a = await g.authorize({ ...req, paymentMethod: 'pm_card_visa' });
    const b = await testGateway({ appUrl: 'http://x' }).authorize({ ...req, paymentMethod: 'pm_card_visa' });
    expect(a.ref).toBe(b.ref);
    expect((await g.authorize({ ...req, idempotencyKey: 'other', paymentMethod: 'pm_card_visa' })).ref).not.toBe(a.ref);
  });

  it('refuses non-positive amounts and unknown references', async () => {
    await expect(g.authorize({ ...req, amountMinor: 0n, paymentMethod: 'pm_card_visa' })).rejects.toThrow(GatewayError);
    await expect(g.capture('pi_other', 10n)).rejects.toThrow(GatewayError);
    await expect(g.refund(testPaymentRef('k'), 0n)).rejects.toThrow(GatewayError);
    await expect(g.capture(testPaymentRef('k'), 10n)).resolves.toBeUndefined();
    await expect(g.void(testPaymentRef('k'))).resolves.toBeUndefined();
  });
});

describe('Stripe adapter (injected fetch, no network)', () => {
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

  it('creates a manual-capture PaymentIntent, form-encoded, with the Idempotency-Key', async () => {
    const f = fakeFetch([{ status: 200, body: { id: 'pi_1', object: 'payment_intent', status: 'requires_capture' } }]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://localhost:3000/account/bookings', fetch: f.fn });
    expect(await g.authorize({ ...req, amountMinor: 1234n, currency: 'JPY', paymentMethod: 'pm_card_visa' })).toEqual({ ref: 'pi_1', status: 'authorized' });
    const [c] = f.calls;
    expect(c.url).toBe('https://api.stripe.com/v1/payment_intents');
    expect(c.init.method).toBe('POST');
    expect(header(c, 'authorization')).toBe('Bearer sk_test_123');
    expect(header(c, 'content-type')).toBe('application/x-www-form-urlencoded');
    expect(header(c, 'idempotency-key')).toBe(req.idempotencyKey);
    expect(form(c)).toMatchObject({ amount: '1234', currency: 'jpy', capture_method: 'manual', confirm: 'true', payment_method: 'pm_card_visa', 'payment_method_types[]': 'card' });
  });

  it('maps requires_action with its redirect, and a 402 card error to a failed status', async () => {
    const f = fakeFetch([
      { status: 200, body: { id: 'pi_2', object: 'payment_intent', status: 'requires_action', next_action: { type: 'redirect_to_url', redirect_to_url: { url: 'https://hooks.stripe.com/3ds' } } } },
      { status: 402, body: { error: { type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', payment_intent: { id: 'pi_3', object: 'payment_intent', status: 'requires_payment_method' } } } },
      { status: 500, body: { error: { type: 'api_error' } } },
    ]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://x', fetch: f.fn });
    expect(await g.authorize({ ...req, paymentMethod: 'pm_card_authenticationRequired' })).toEqual({ ref: 'pi_2', status: 'requires_action', nextActionUrl: 'https://hooks.stripe.com/3ds' });
    expect(await g.authorize({ ...req, paymentMethod: 'pm_card_chargeDeclined' })).toEqual({ ref: 'pi_3', status: 'failed', failureReason: 'insufficient_funds' });
    await expect(g.authorize({ ...req, paymentMethod: 'pm_card_visa' })).rejects.toThrow(GatewayError);
  });

  it('capture, cancel and refund hit the right endpoints with idempotency keys', async () => {
    const f = fakeFetch([
      { status: 200, body: {} },
      { status: 200, body: {} },
      { status: 200, body: {} },
      { status: 400, body: { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state' } } },
    ]);
    const g = stripeGateway({ secretKey: 'sk_test_123', returnUrl: 'http://x', fetch: f.fn });
    await g.capture('pi_1', 500n, 'booking:b1:capture');
    await g.void('pi_1', 'booking:b1:void');
    await g.refund('pi_1', 200n, 'booking:b1:refund:goodwill');
    expect(f.calls.map((c) => c.url)).toEqual([
      'https://api.stripe.com/v1/payment_intents/pi_1/capture',
      'https://api.stripe.com/v1/payment_intents/pi_1/cancel',
      'https://api.stripe.com/v1/refunds',
    ]);
    expect(form(f.calls[0])).toEqual({ amount_to_capture: '500' });
    expect(form(f.calls[2])).toEqual({ payment_intent: 'pi_1', amount: '200' });
    expect(f.calls.map((c) => header(c, 'idempotency-key'))).toEqual(['booking:b1:capture', 'booking:b1:void', 'booking:b1:refund:goodwill']);
    await expect(g.capture('pi_1', 500n)).rejects.toThrow(/capture failed \(400 payment_intent_unexpected_state\)/);
  });

  it('a network failure is a GatewayError, not a crash', async () => {
    const g = stripeGateway({ secretKey: 'sk', returnUrl: 'http://x', fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    await expect(g.void('pi_1')).rejects.toThrow(GatewayError);
  });

  it('intent statuses map onto the three outcomes', () => {
    expect(intentOutcome({ id: 'p', object: 'payment_intent', status: 'succeeded' }).status).toBe('authorized');
    expect(intentOutcome({ id: 'p', object: 'payment_intent', status: 'canceled', cancellation_reason: 'abandoned' })).toEqual({ status: 'failed', failureReason: 'abandoned' });
    expect(intentOutcome({ id: 'p', object: 'payment_intent', status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } })).toEqual({ status: 'failed', failureReason: 'card_declined' });
  });
});
