/**
 * Stripe adapter over PaymentIntents, spoken over fetch with form encoding (no SDK): holds are
 * `capture_method=manual` intents confirmed at once; capture, cancel and refunds follow. Every
 * request carries an Idempotency-Key, so a retried business step never creates a second charge.
 * Amounts go to Stripe in minor units, exactly as stored (zero-decimal currencies such as JPY
 * are already whole units).
 */
import { createHash } from 'node:crypto';
import { bankIdentifier } from './bank-details';
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway, PayoutDestinationRequest, PayoutDestinationResult, TransferRequest, TransferResult } from './gateway';
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

  /** `account`: act on a connected account (Stripe-Account header), e.g. its payouts. */
  async function call(path: string, form: Record<string, string>, idempotencyKey: string, account?: string): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${opts.secretKey}`,
          'content-type': 'application/x-www-form-urlencoded',
          'idempotency-key': idempotencyKey,
          'stripe-version': '2024-06-20',
          ...(account ? { 'stripe-account': account } : {}),
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
    /**
     * A provider is a Custom connected account whose external bank account is the destination;
     * the reference keeps both ids (`acct_…/ba_…`). Stripe's invalid-details errors name a param,
     * which is mapped back onto the form field.
     */
    async createPayoutDestination(req: PayoutDestinationRequest): Promise<PayoutDestinationResult> {
      const d = req.details;
      const r = await call(
        '/v1/accounts',
        {
          type: 'custom',
          country: req.country,
          'capabilities[transfers][requested]': 'true',
          'metadata[provider_org_id]': req.ownerRef,
          'external_account[object]': 'bank_account',
          'external_account[country]': req.country,
          'external_account[currency]': req.currency.toLowerCase(),
          'external_account[account_holder_name]': req.accountHolder,
          'external_account[account_number]': d.kind === 'gb' ? d.accountNumber : d.iban,
          ...(d.kind === 'gb' ? { 'external_account[routing_number]': d.sortCode } : {}),
        },
        req.idempotencyKey,
      );
      if (r.status >= 200 && r.status < 300) {
        const acct = r.body as { id: string; external_accounts?: { data?: Array<{ id: string; last4?: string }> } };
        const ba = acct.external_accounts?.data?.[0];
        if (!ba?.last4) throw new GatewayError('Stripe created the account without a bank account', 'stripe');
        return { ok: true, ref: `${acct.id}/${ba.id}`, last4: ba.last4, bankIdentifier: bankIdentifier(d) };
      }
      const e = (r.body as StripeErrorBody & { error?: { param?: string } })?.error;
      if (r.status === 400 && e?.type === 'invalid_request_error' && e.param?.startsWith('external_account')) {
        const field = e.param.includes('routing_number') ? 'sortCode' : d.kind === 'iban' ? 'iban' : 'accountNumber';
        return { ok: false, field, reason: e.message ?? 'was refused by the bank' };
      }
      return fail('payout destination', r);
    },
    /** Platform → connected account transfer, then a payout to its bank; the bank's answer arrives by webhook. */
    async transfer(req: TransferRequest): Promise<TransferResult> {
      const [account] = req.destinationRef.split('/');
      if (!account?.startsWith('acct_')) throw new GatewayError(`not a Stripe payout destination: ${req.destinationRef}`, 'stripe');
      const t = await call('/v1/transfers', { amount: req.amountMinor.toString(), currency: req.currency.toLowerCase(), destination: account, description: req.description }, `${req.idempotencyKey}:transfer`);
      if (t.status >= 300) fail('transfer', t);
      const p = await call('/v1/payouts', { amount: req.amountMinor.toString(), currency: req.currency.toLowerCase(), description: req.description }, `${req.idempotencyKey}:payout`, account);
      if (p.status >= 300) fail('payout', p);
      const payout = p.body as { id: string; status: string; failure_code?: string | null; failure_message?: string | null };
      if (payout.status === 'paid') return { ref: payout.id, status: 'paid' };
      if (payout.status === 'failed' || payout.status === 'canceled') return { ref: payout.id, status: 'failed', failureReason: payout.failure_message ?? payout.failure_code ?? payout.status };
      return { ref: payout.id, status: 'pending' };
    },
  };
}
