/**
 * The payment gateway interface (DOMAIN.md "Money"): a hold (authorization), then capture, void
 * or refund. Amounts are bigint minor units. Every call carries an idempotency key derived from
 * the business step, so a retried step (after a crash or a rolled-back transaction) reaches the
 * gateway as the same request and never charges twice.
 */
import { env } from '@/lib/core/env';
import type { BankDetails } from './bank-details';
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
  /** Registers a provider's bank account for payouts; the full number stays with the gateway. */
  createPayoutDestination(req: PayoutDestinationRequest): Promise<PayoutDestinationResult>;
  /** Sends money from the platform to a registered destination. */
  transfer(req: TransferRequest): Promise<TransferResult>;
}

// --- payouts (DOMAIN.md "Money": providers are paid out from their payable balance) -------------

export interface PayoutDestinationRequest {
  accountHolder: string;
  /** ISO 3166 alpha-2 of the bank account. */
  country: string;
  currency: string;
  details: BankDetails;
  /** Who the destination belongs to (the provider organisation), for the gateway's records. */
  ownerRef: string;
  idempotencyKey: string;
}

export type PayoutDestinationResult =
  | { ok: true; ref: string; last4: string; bankIdentifier: string }
  /** The gateway refused the details (e.g. unknown sort code); `field` names the form field. */
  | { ok: false; field: 'sortCode' | 'accountNumber' | 'iban' | 'country'; reason: string };

export interface TransferRequest {
  destinationRef: string;
  amountMinor: bigint;
  currency: string;
  idempotencyKey: string;
  description: string;
}

/** `pending`: accepted, the bank's answer comes later (a webhook settles it). */
export type TransferResult = { ref: string; status: 'paid' | 'pending' } | { ref: string; status: 'failed'; failureReason: string };

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
