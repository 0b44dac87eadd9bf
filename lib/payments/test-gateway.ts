/**
 * The built-in test gateway: deterministic and offline, with Stripe's well-known test cards. It
 * keeps no state of its own — the payments table is the state — so it behaves the same across
 * processes and restarts. The reference is derived from the idempotency key, so a retried
 * authorization yields the same reference, as a real gateway's idempotency would.
 */
import { createHash } from 'node:crypto';
import { bankIdentifier, bankLast4, normaliseIban, normaliseSortCode, type BankDetails } from './bank-details';
import type { AuthorizeRequest, AuthorizeResult, PaymentGateway, PayoutDestinationRequest, PayoutDestinationResult, TransferRequest, TransferResult } from './gateway';
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

/**
 * Test bank accounts: any valid GB or IBAN account is accepted; one whose number ends in 0002
 * is "closed", so a transfer to it fails (the failure path of payouts can be exercised).
 */
export const TEST_CLOSED_ACCOUNT_SUFFIX = '0002';

/**
 * A destination reference carries the account's last four digits, so transfers can be decided
 * without any gateway-side state (the payout_accounts row is the state).
 */
export function testDestinationRef(details: BankDetails, ownerRef: string): string {
  const account = details.kind === 'gb' ? `${details.sortCode}${details.accountNumber}` : details.iban;
  return `test_ba_${createHash('sha256').update(`${ownerRef}|${account}`).digest('hex').slice(0, 20)}_${bankLast4(details)}`;
}

export function testTransferRef(idempotencyKey: string): string {
  return `test_tr_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)}`;
}

export function testCreatePayoutDestination(req: PayoutDestinationRequest): PayoutDestinationResult {
  // Re-validated here as a real gateway would; the verbs validate first to name the field.
  if (req.details.kind === 'gb') {
    if (req.country !== 'GB') return { ok: false, field: 'country', reason: 'sort code and account number are for GB accounts; use an IBAN' };
    if (!normaliseSortCode(req.details.sortCode)) return { ok: false, field: 'sortCode', reason: 'must be 6 digits' };
    if (!/^\d{8}$/.test(req.details.accountNumber)) return { ok: false, field: 'accountNumber', reason: 'must be 8 digits' };
  } else {
    if (!normaliseIban(req.details.iban)) return { ok: false, field: 'iban', reason: 'is not a valid IBAN' };
    if (req.details.iban.slice(0, 2) !== req.country) return { ok: false, field: 'country', reason: `must match the IBAN's country (${req.details.iban.slice(0, 2)})` };
  }
  return { ok: true, ref: testDestinationRef(req.details, req.ownerRef), last4: bankLast4(req.details), bankIdentifier: bankIdentifier(req.details) };
}

export function testTransfer(req: TransferRequest): TransferResult {
  if (typeof req.amountMinor !== 'bigint' || req.amountMinor <= 0n) throw new GatewayError('Transfer amount must be a positive number of minor units', 'test');
  const m = /^test_ba_[0-9a-f]{20}_(\d{4})$/.exec(req.destinationRef);
  if (!m) throw new GatewayError(`unknown test payout destination ${req.destinationRef}`, 'test');
  const ref = testTransferRef(req.idempotencyKey);
  if (m[1] === TEST_CLOSED_ACCOUNT_SUFFIX) return { ref, status: 'failed', failureReason: 'account closed' };
  return { ref, status: 'paid' };
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
    async createPayoutDestination(req) {
      return testCreatePayoutDestination(req);
    },
    async transfer(req) {
      return testTransfer(req);
    },
  };
}
