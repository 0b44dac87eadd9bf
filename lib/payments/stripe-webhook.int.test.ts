import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bookings, payments, webhookEvents } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { toMinor } from '@/lib/core/money';
import { accountBalances, reconcile } from '@/lib/finance/ledger';
import { makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { makeOrg, makeUser } from '@/test/factories';
import { handleStripeWebhook, signStripePayload, verifyStripeSignature } from './stripe-webhook';

const secret = 'whsec_test_secret_for_tests';
const now = new Date('2026-03-02T09:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

let customerId: string;
let providerOrgId: string;
let serviceId: string;
let zoneId: string;

beforeAll(async () => {
  customerId = (await makeUser(['customer'])).id;
  providerOrgId = (await makeOrg('provider')).id;
  const category = await makeCategory();
  serviceId = await makeService({ providerOrgId, categoryId: category.id });
  zoneId = (await makeZone({ ownerOrgId: (await makeOrg('platform')).id, box: [-0.2, 51.4, 0, 51.6] })).id;
});

/** A booking (total 123.00 GBP) with a Stripe payment in `status`, as the orchestrator leaves it. */
async function stripePayment(status: 'requires_action' | 'authorized') {
  const bookingId = newId();
  await db().insert(bookings).values({
    id: bookingId, reference: `FX-${bookingId.slice(-8)}`, customerId, providerOrgId, serviceId, zoneId, type: 'on_demand', durationMinutes: 60,
    location: JSON.stringify({ type: 'Point', coordinates: [-0.1, 51.5] }), addressLine: '1 Test Street', timeZone: 'Europe/London',
    currency: 'GBP', providerCurrency: 'GBP', providerPriceMinor: 10_000n, priceMinor: 10_000n, serviceFeeMinor: 250n, taxMinor: 2050n, taxRateBp: 2000, taxInclusive: false, totalMinor: 12_300n,
  });
  const ref = `pi_${newId().replace(/-/g, '')}`;
  const paymentId = newId();
  await db().insert(payments).values({ id: paymentId, bookingId, customerId, gateway: 'stripe', gatewayRef: ref, status, amountMinor: 12_300n, currency: 'GBP' });
  return { bookingId, ref, paymentId };
}

const event = (id: string, type: string, piId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, object: 'event', type, data: { object: { id: piId, object: 'payment_intent', ...extra } } });

const deliver = (body: string, opts: { at?: Date; header?: string | null } = {}) =>
  handleStripeWebhook({ rawBody: body, signature: opts.header === undefined ? signStripePayload(body, secret, ts) : opts.header, secret, now: opts.at ?? now, requestId: `test-${newId()}` });

async function statusOf(paymentId: string) {
  const [p] = await db().select().from(payments).where(eq(payments.id, paymentId));
  return { status: p.status, capturedMinor: toMinor(p.capturedMinor), failureReason: p.failureReason };
}

describe('signature verification', () => {
  const body = event('evt_sig', 'payment_intent.succeeded', 'pi_x');
  it('accepts a valid signature (also among several v1 values) and rejects the rest', () => {
    expect(verifyStripeSignature(body, signStripePayload(body, secret, ts), secret, now)).toEqual({ ok: true, timestamp: ts });
    const rotated = `t=${ts},v1=${'0'.repeat(64)},${signStripePayload(body, secret, ts).split(',')[1]}`;
    expect(verifyStripeSignature(body, rotated, secret, now).ok).toBe(true);
    expect(verifyStripeSignature(`${body} `, signStripePayload(body, secret, ts), secret, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyStripeSignature(body, signStripePayload(body, 'whsec_other_secret', ts), secret, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyStripeSignature(body, signStripePayload(body, secret, ts - 301), secret, now)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyStripeSignature(body, signStripePayload(body, secret, ts + 301), secret, now)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyStripeSignature(body, signStripePayload(body, secret, ts - 299), secret, now).ok).toBe(true);
    expect(verifyStripeSignature(body, null, secret, now)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyStripeSignature(body, 'v1=abc', secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyStripeSignature(body, `t=${ts},v0=${'a'.repeat(64)}`, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('a tampered or stale delivery is 400 and stores nothing', async () => {
    const { ref } = await stripePayment('authorized');
    const body2 = event('evt_tampered', 'payment_intent.canceled', ref);
    expect((await deliver(body2, { header: signStripePayload(body2.replace('canceled', 'succeeded'), secret, ts) })).status).toBe(400);
    expect((await deliver(body2, { at: new Date(now.getTime() + 301_000) })).status).toBe(400);
    expect((await deliver('not json', { header: signStripePayload('not json', secret, ts) })).status).toBe(400);
    expect(await db().select().from(webhookEvents).where(eq(webhookEvents.eventId, 'evt_tampered'))).toHaveLength(0);
  });
});

describe('processing', () => {
  it('a replayed event is answered 200 without reprocessing', async () => {
    const p = await stripePayment('requires_action');
    const body = event('evt_auth_1', 'payment_intent.amount_capturable_updated', p.ref);
    expect(await deliver(body)).toEqual({ status: 200, body: { received: true, applied: true } });
    expect((await statusOf(p.paymentId)).status).toBe('authorized');
    expect(await deliver(body)).toEqual({ status: 200, body: { received: true, duplicate: true } });
    const rows = await db().select().from(webhookEvents).where(eq(webhookEvents.eventId, 'evt_auth_1'));
    expect(rows).toHaveLength(1);
    expect(rows[0].processedAt).not.toBeNull();
  });

  it('out-of-order and repeated deliveries converge: one capture posting, never backwards', async () => {
    const p = await stripePayment('authorized');
    const succeeded = event('evt_s_1', 'payment_intent.succeeded', p.ref);
    const capturable = event('evt_c_1', 'payment_intent.amount_capturable_updated', p.ref);
    const canceled = event('evt_x_1', 'payment_intent.canceled', p.ref);
    for (const body of [succeeded, capturable, succeeded, canceled, capturable]) expect((await deliver(body)).status).toBe(200);
    expect(await statusOf(p.paymentId)).toMatchObject({ status: 'captured', capturedMinor: 12_300n });
    const balances = await accountBalances(db(), { bookingId: p.bookingId });
    expect(balances.filter((b) => b.balanceMinor !== 0n).map((b) => [b.kind, b.balanceMinor])).toEqual([
      ['gateway_clearing', 12_300n],
      ['escrow', -12_300n],
    ]);
    expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
  });

  it('a failed payment records the decline reason; unknown intents are acknowledged and ignored', async () => {
    const p = await stripePayment('requires_action');
    await deliver(event('evt_f_1', 'payment_intent.payment_failed', p.ref, { last_payment_error: { code: 'card_declined', decline_code: 'expired_card' } }));
    expect(await statusOf(p.paymentId)).toMatchObject({ status: 'failed', failureReason: 'expired_card' });
    // The pending booking whose payment failed for good is cancelled in the same transaction.
    const [b] = await db().select({ status: bookings.status }).from(bookings).where(eq(bookings.id, p.bookingId));
    expect(b.status).toBe('cancelled');
    expect(await deliver(event('evt_u_1', 'payment_intent.succeeded', 'pi_unknown'))).toEqual({ status: 200, body: { received: true, applied: false } });
    expect(await deliver(event('evt_o_1', 'charge.refunded', p.ref))).toEqual({ status: 200, body: { received: true, applied: false } });
  });
});
