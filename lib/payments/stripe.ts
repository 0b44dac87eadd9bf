/**
 * Stripe adapter over PaymentIntents, spoken over fetch with form encoding (no SDK): holds are
 * `capture_method=manual` intents confirmed at once; capture, cancel and refunds follow. Every
 * request carries an Idempotency-Key, so a retried business step never creates a second charge.
 * Amounts go to Stripe in minor units, exactly as stored (zero-decimal currencies such as JPY
 * are already whole units).
 */
import { createHash } from 'node:crypto';
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway } from './gateway';
import { GatewayError } from './gateway';

export interface StripeOptions {
  secretKey: string;
  /** Where Stripe sends the customer back after a 3-D Secure step. */
  returnUrl: string;
  fetch?: typeof fetch;
  apiBase?: string;
}

interface StripeIntent {
  id: string;
  object: 'payment_intent';
  status: string;
  next_action?: { type?: string; redirect_to_url?: { url?: string } } | null;
  last_payment_error?: { code?: string; decline_code?: string } | null;
  cancellation_reason?: string | null;
}

interface StripeErrorBody {
  error?: { type?: string; code?: string; decline_code?: string; message?: string; payment_intent?: StripeIntent };
}

/** Maps an intent's status onto our three authorization outcomes. */
export function intentOutcome(pi: StripeIntent): Omit<AuthorizeResult, 'ref'> {
  switch (pi.status) {
    case 'requires_capture':
    case 'succeeded':
      return { status: 'authorized' };
    case 'requires_action':
    case 'requires_confirmation':
    case 'processing':
      return { status: 'requires_action', ...(pi.next_action?.redirect_to_url?.url ? { nextActionUrl: pi.next_action.redirect_to_url.url } : {}) };
    case 'canceled':
      return { status: 'failed', failureReason: pi.cancellation_reason ?? 'canceled' };
    default:
      return { status: 'failed', failureReason: pi.last_payment_error?.decline_code ?? pi.last_payment_error?.code ?? 'payment_failed' };
  }
}

export function stripeGateway(opts: StripeOptions): PaymentGateway {
  const doFetch = opts.fetch ?? fetch;
  const base = (opts.apiBase ?? 'https://api.stripe.com').replace(/\/$/, '');

  async function call(path: string, form: Record<string, string>, idempotencyKey: string): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${opts.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': idempotencyKey,
          'stripe-version': '2024-06-20',
        },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(20_000),
      });
    } catch (err) {
      throw new GatewayError('Stripe did not respond', 'stripe', err instanceof Error ? err.message : String(err));
    }
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      throw new GatewayError(`Stripe answered ${res.status} without JSON`, 'stripe');
    }
    return { status: res.status, body };
  }

  const fail = (what: string, r: { status: number; body: unknown }): never => {
    const e = (r.body as StripeErrorBody)?.error;
    throw new GatewayError(`Stripe ${what} failed (${r.status}${e?.code ? ` ${e.code}` : ''})`, 'stripe', { status: r.status, type: e?.type, code: e?.code });
  };

  return {
    name: 'stripe',
    async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
      const r = await call(
        '/v1/payment_intents',
        {
          amount: req.amountMinor.toString(),
          currency: req.currency.toLowerCase(),
          capture_method: 'manual',
          confirm: 'true',
          payment_method: req.paymentMethod,
          'payment_method_types[]': 'card',
          description: req.description,
          return_url: opts.returnUrl,
        },
        req.idempotencyKey,
      );
      if (r.status >= 200 && r.status < 300) {
        const pi = r.body as StripeIntent;
        return { ref: pi.id, ...intentOutcome(pi) };
      }
      // A declined card is an answer, not an outage: Stripe returns 402 with the intent attached.
      const e = (r.body as StripeErrorBody)?.error;
      if (e?.type === 'card_error') {
        const ref = e.payment_intent?.id ?? `stripe_declined_${createHash('sha256').update(req.idempotencyKey).digest('hex').slice(0, 24)}`;
        return { ref, status: 'failed', failureReason: e.decline_code ?? e.code ?? 'card_declined' };
      }
      return fail('authorization', r);
    },
    async capture(ref, amountMinor, idempotencyKey) {
      const r = await call(`/v1/payment_intents/${encodeURIComponent(ref)}/capture`, { amount_to_capture: amountMinor.toString() }, idempotencyKey ?? `${ref}:capture`);
      if (r.status >= 300) fail('capture', r);
    },
    async void(ref, idempotencyKey) {
      const r = await call(`/v1/payment_intents/${encodeURIComponent(ref)}/cancel`, {}, idempotencyKey ?? `${ref}:cancel`);
      if (r.status >= 300) fail('cancel', r);
    },
    async refund(ref, amountMinor, idempotencyKey) {
      const r = await call('/v1/refunds', { payment_intent: ref, amount: amountMinor.toString() }, idempotencyKey ?? `${ref}:refund:${amountMinor}`);
      if (r.status >= 300) fail('refund', r);
    },
  };
}
