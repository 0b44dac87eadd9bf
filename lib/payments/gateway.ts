/**
 * The payment gateway interface (DOMAIN.md "Money"): a hold (authorization), then capture, void
 * or refund. Amounts are bigint minor units. Every call carries an idempotency key derived from
 * the business step, so a retried step (after a crash or a rolled-back transaction) reaches the
 * gateway as the same request and never charges twice.
 */
import { env } from '@/lib/core/env';
import { stripeGateway } from './stripe';
import { testGateway } from './test-gateway';

export type AuthorizationStatus = 'authorized' | 'requires_action' | 'failed';

export interface AuthorizeRequest {
  amountMinor: bigint;
  currency: string;
  /** A payment method token ('pm_…') or, on the test gateway, a test card number. */
  paymentMethod: string;
  idempotencyKey: string;
  description: string;
}

export interface AuthorizeResult {
  ref: string;
  status: AuthorizationStatus;
  failureReason?: string;
  /** Where the customer completes an extra step (3-D Secure) when status is requires_action. */
  nextActionUrl?: string;
}

export interface PaymentGateway {
  readonly name: 'test' | 'stripe';
  authorize(req: AuthorizeRequest): Promise<AuthorizeResult>;
  /** Captures `amountMinor` (≤ the hold); any remainder of the hold is released. */
  capture(ref: string, amountMinor: bigint, idempotencyKey?: string): Promise<void>;
  /** Releases a hold that was never captured. */
  void(ref: string, idempotencyKey?: string): Promise<void>;
  refund(ref: string, amountMinor: bigint, idempotencyKey?: string): Promise<void>;
}

/** Raised for gateway outages and unexpected answers (not for declines, which are a status). */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly gateway: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

let override: PaymentGateway | undefined;

/** STRIPE_SECRET_KEY set → Stripe; otherwise the built-in offline test gateway. */
export function paymentGateway(): PaymentGateway {
  if (override) return override;
  const e = env();
  if (e.STRIPE_SECRET_KEY) return stripeGateway({ secretKey: e.STRIPE_SECRET_KEY, returnUrl: `${e.APP_URL}/account/bookings` });
  return testGateway({ appUrl: e.APP_URL });
}

/** Tests swap the gateway (e.g. a Stripe adapter over a fake fetch); pass nothing to restore. */
export function setPaymentGatewayForTests(gateway?: PaymentGateway): void {
  override = gateway;
}
