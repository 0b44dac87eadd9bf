/**
 * The built-in test gateway: deterministic and offline, with Stripe's well-known test cards. It
 * keeps no state of its own — the payments table is the state — so it behaves the same across
 * processes and restarts. The reference is derived from the idempotency key, so a retried
 * authorization yields the same reference, as a real gateway's idempotency would.
 */
import { createHash } from 'node:crypto';
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway } from './gateway';
import { GatewayError } from './gateway';

export const TEST_CARDS = {
  success: ['pm_card_visa', 'pm_card_mastercard', '4242424242424242', '5555555555554444'],
  declined: ['pm_card_chargeDeclined', '4000000000000002'],
  requiresAction: ['pm_card_authenticationRequired', '4000002760003184'],
} as const;

type Outcome = 'success' | 'declined' | 'requiresAction' | 'unknown';

export function testCardOutcome(paymentMethod: string): Outcome {
  const pm = paymentMethod.replace(/[\s-]/g, '');
  for (const [outcome, cards] of Object.entries(TEST_CARDS) as Array<[Exclude<Outcome, 'unknown'>, readonly string[]]>) {
    if (cards.includes(pm)) return outcome;
  }
  return 'unknown';
}

export function testPaymentRef(idempotencyKey: string): string {
  return `test_pi_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

/** The page where a requires_action payment is completed (app/api/v1/payments/test/confirm). */
export function testConfirmUrl(appUrl: string, ref: string): string {
  return `${appUrl.replace(/\/$/, '')}/api/v1/payments/test/confirm?ref=${encodeURIComponent(ref)}`;
}

export function testGateway(opts: { appUrl: string }): PaymentGateway {
  const positive = (amount: bigint, what: string) => {
    if (typeof amount !== 'bigint' || amount <= 0n) throw new GatewayError(`${what} amount must be a positive number of minor units`, 'test');
  };
  const known = (ref: string) => {
    if (!/^test_pi_[0-9a-f]{24}$/.test(ref)) throw new GatewayError(`unknown test payment ${ref}`, 'test');
  };
  return {
    name: 'test',
    async authorize(req: AuthorizeRequest): Promise<AuthorizeResult> {
      positive(req.amountMinor, 'Authorization');
      const ref = testPaymentRef(req.idempotencyKey);
      switch (testCardOutcome(req.paymentMethod)) {
        case 'success':
          return { ref, status: 'authorized' };
        case 'declined':
          return { ref, status: 'failed', failureReason: 'card_declined' };
        case 'requiresAction':
          return { ref, status: 'requires_action', nextActionUrl: testConfirmUrl(opts.appUrl, ref) };
        default:
          return { ref, status: 'failed', failureReason: 'unknown_test_payment_method' };
      }
    },
    async capture(ref, amountMinor) {
      known(ref);
      positive(amountMinor, 'Capture');
    },
    async void(ref) {
      known(ref);
    },
    async refund(ref, amountMinor) {
      known(ref);
      positive(amountMinor, 'Refund');
    },
  };
}
