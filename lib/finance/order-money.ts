/**
 * The money of a marketplace purchase (DOMAIN.md "Money"), called by the order verbs INSIDE their
 * transaction after they have authorised the caller and checked stock. Goods are paid in full at
 * checkout (authorize + capture at once, purpose 'purchase' in commerce_payments), so there is no
 * escrow step: the capture posts straight to the seller's pending balance, platform fees and tax.
 *
 *   order:<id>:capture  Dr gateway_clearing  total
 *                       Cr provider_pending  goods + delivery   (the seller's share)
 *                       Cr platform_fees     service fee
 *                       Cr tax_payable       tax
 *   order:<id>:refund   the exact reverse, the customer's money to `refunds`:
 *                       Dr provider_pending / platform_fees / tax_payable, Cr refunds  total
 *
 * The VAT invoice is issued with the capture and the credit note with the refund, in the same
 * transaction (lib/billing, idempotent by `invoice:order:<id>` / `credit-note:order:<id>:refund`).
 *
 * Gateway calls carry idempotency keys derived from the order, and the ledger posts under unique
 * business keys, so a repeated step has its effect once.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { commercePayments } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { AppError, conflict, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor } from '@/lib/core/money';
import { issueOrderInvoice } from '@/lib/billing/issue-commerce-invoice';
import { issueCreditNote } from '@/lib/billing/issue-credit-note';
import { GatewayError, paymentGateway } from '@/lib/payments/gateway';
import { findTransaction, postTransaction, type AccountRef } from './ledger';

export type OrderMoneyCtx = Ctx & { tx: Tx };

export interface OrderForMoney {
  id: string;
  reference: string;
  customerId: string;
  providerOrgId: string;
  currency: string;
  subtotalMinor: bigint;
  deliveryFeeMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

export const orderBusinessKeys = {
  capture: (id: string) => `order:${id}:capture`,
  refund: (id: string) => `order:${id}:refund`,
  payable: (id: string) => `order:${id}:payable`,
};

const acct = {
  clearing: (ccy: string): AccountRef => ({ kind: 'gateway_clearing', currency: ccy }),
  pending: (org: string, ccy: string): AccountRef => ({ kind: 'provider_pending', ownerOrgId: org, currency: ccy }),
  platform: (ccy: string): AccountRef => ({ kind: 'platform_fees', currency: ccy }),
  tax: (ccy: string): AccountRef => ({ kind: 'tax_payable', currency: ccy }),
  refunds: (ccy: string): AccountRef => ({ kind: 'refunds', currency: ccy }),
};

async function atGateway<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof GatewayError) throw new AppError('INTERNAL', 'The payment provider did not complete the request. Please try again in a moment.', { gateway: err.gateway });
    throw err;
  }
}

/** The seller's share: the goods and the delivery fee (the platform keeps only the service fee). */
export const sellerShare = (o: Pick<OrderForMoney, 'subtotalMinor' | 'deliveryFeeMinor'>) => o.subtotalMinor + o.deliveryFeeMinor;

/**
 * Takes the customer's payment for an order (the order row must already exist in this
 * transaction): authorize, then capture in full. A declined card or one needing a bank step is a
 * VALIDATION error on `paymentMethod` and the caller's transaction rolls back, creating nothing.
 */
export async function captureOrderPayment(c: OrderMoneyCtx, o: OrderForMoney, paymentMethod: string): Promise<{ paymentId: string; transactionId: string }> {
  const total = o.totalMinor;
  if (total <= 0n) throw validation({ quantity: ['the order total must be more than zero'] });
  const gateway = paymentGateway();
  const auth = await atGateway(() =>
    gateway.authorize({ amountMinor: total, currency: o.currency, paymentMethod, idempotencyKey: `order:${o.id}:authorize`, description: `Fixnado order ${o.reference}` }),
  );
  if (auth.status === 'failed') throw validation({ paymentMethod: [auth.failureReason ? `was declined: ${auth.failureReason}` : 'was declined'] }, 'The card was declined. Try another card.');
  if (auth.status === 'requires_action') {
    // Purchases are paid in one step; a card needing a bank confirmation is released, not kept.
    await atGateway(() => gateway.void(auth.ref, `order:${o.id}:void`));
    throw validation({ paymentMethod: ['needs a confirmation with your bank, which purchases do not support yet: use another card'] });
  }
  await atGateway(() => gateway.capture(auth.ref, total, orderBusinessKeys.capture(o.id)));
  const paymentId = newId();
  await c.tx.insert(commercePayments).values({
    id: paymentId,
    orderId: o.id,
    purpose: 'purchase',
    customerId: o.customerId,
    gateway: gateway.name,
    gatewayRef: auth.ref,
    status: 'captured',
    amountMinor: total,
    capturedMinor: total,
    currency: o.currency,
    createdAt: c.now,
    updatedAt: c.now,
  });
  const ccy = o.currency;
  const posted = await postTransaction(c.tx, {
    businessKey: orderBusinessKeys.capture(o.id),
    kind: 'order_capture',
    memo: `Order ${o.reference} paid: seller share pending, platform fee and tax`,
    occurredAt: c.now,
    lines: [
      { account: acct.clearing(ccy), amountMinor: total },
      { account: acct.pending(o.providerOrgId, ccy), amountMinor: -sellerShare(o) },
      { account: acct.platform(ccy), amountMinor: -o.serviceFeeMinor },
      { account: acct.tax(ccy), amountMinor: -o.taxMinor },
    ],
  });
  await issueOrderInvoice(c, o.id);
  return { paymentId, transactionId: posted.transactionId };
}

/** Refunds an order in full: gateway refund, payment row → refunded, the capture's exact reverse. */
export async function refundOrderPayment(c: OrderMoneyCtx, o: OrderForMoney, reason: string): Promise<{ transactionId: string; created: boolean }> {
  const existing = await findTransaction(c.tx, orderBusinessKeys.refund(o.id));
  if (existing) return { transactionId: existing.id, created: false };
  // Once the seller's share became payable (7 days after handover) it may already be paid out.
  if (await findTransaction(c.tx, orderBusinessKeys.payable(o.id))) {
    throw conflict('The refund window for this order has closed (the seller’s share is payable); open a dispute instead.', { orderId: o.id });
  }
  const [p] = await c.tx
    .select()
    .from(commercePayments)
    .where(and(eq(commercePayments.orderId, o.id), eq(commercePayments.purpose, 'purchase')))
    .for('update');
  if (!p || p.status !== 'captured') throw conflict('This order has no captured payment to refund.', { orderId: o.id, paymentStatus: p?.status ?? null });
  const gateway = paymentGateway();
  if (gateway.name !== p.gateway) throw new AppError('PRECONDITION_FAILED', `This payment was made through the ${p.gateway} gateway, which is not configured now.`);
  const amount = toMinor(p.capturedMinor) - toMinor(p.refundedMinor);
  await atGateway(() => gateway.refund(p.gatewayRef!, amount, orderBusinessKeys.refund(o.id)));
  await c.tx.update(commercePayments).set({ status: 'refunded', refundedMinor: toMinor(p.capturedMinor), updatedAt: c.now }).where(eq(commercePayments.id, p.id));
  const ccy = o.currency;
  const posted = await postTransaction(c.tx, {
    businessKey: orderBusinessKeys.refund(o.id),
    kind: 'order_refund',
    memo: `Order ${o.reference} refunded: ${reason.slice(0, 200)}`,
    occurredAt: c.now,
    lines: [
      { account: acct.pending(o.providerOrgId, ccy), amountMinor: sellerShare(o) },
      { account: acct.platform(ccy), amountMinor: o.serviceFeeMinor },
      { account: acct.tax(ccy), amountMinor: o.taxMinor },
      { account: acct.refunds(ccy), amountMinor: -amount },
    ],
  });
  await issueCreditNote(c, { kind: 'order', id: o.id }, amount, orderBusinessKeys.refund(o.id));
  return posted;
}
