/** Shared pieces of the order verbs: the row lock in scope, the DTO, the reference. */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { orders } from '@/db/schema';
import { notFound } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';
import type { OrderForMoney } from '@/lib/finance/order-money';
import type { OrderStatus } from './policy';

export type OrderRow = typeof orders.$inferSelect;

export interface OrderDto {
  id: string;
  reference: string;
  listingId: string;
  providerOrgId: string;
  customerId: string;
  quantity: number;
  unitPriceMinor: number;
  subtotalMinor: number;
  deliveryFeeMinor: number;
  serviceFeeMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
  fulfilment: 'pickup' | 'delivery';
  deliveryAddress: string | null;
  status: OrderStatus;
  paidAt: string;
  fulfilledAt: string | null;
  collectedAt: string | null;
  refundedAt: string | null;
  refundReason: string | null;
}

export function toOrderDto(o: OrderRow): OrderDto {
  const w = (v: bigint | string | number) => toWire(toMinor(v));
  return {
    id: o.id,
    reference: o.reference,
    listingId: o.listingId,
    providerOrgId: o.providerOrgId,
    customerId: o.customerId,
    quantity: o.quantity,
    unitPriceMinor: w(o.unitPriceMinor),
    subtotalMinor: w(o.subtotalMinor),
    deliveryFeeMinor: w(o.deliveryFeeMinor),
    serviceFeeMinor: w(o.serviceFeeMinor),
    taxMinor: w(o.taxMinor),
    totalMinor: w(o.totalMinor),
    currency: o.currency.trim(),
    fulfilment: o.fulfilment,
    deliveryAddress: o.deliveryAddress,
    status: o.status,
    paidAt: o.paidAt.toISOString(),
    fulfilledAt: o.fulfilledAt?.toISOString() ?? null,
    collectedAt: o.collectedAt?.toISOString() ?? null,
    refundedAt: o.refundedAt?.toISOString() ?? null,
    refundReason: o.refundReason,
  };
}

export function forMoney(o: OrderRow): OrderForMoney {
  return {
    id: o.id,
    reference: o.reference,
    customerId: o.customerId,
    providerOrgId: o.providerOrgId,
    currency: o.currency.trim(),
    subtotalMinor: toMinor(o.subtotalMinor),
    deliveryFeeMinor: toMinor(o.deliveryFeeMinor),
    serviceFeeMinor: toMinor(o.serviceFeeMinor),
    taxMinor: toMinor(o.taxMinor),
    totalMinor: toMinor(o.totalMinor),
  };
}

/** Locks an order FOR UPDATE within a seller's scope (or any order with `orgId` null); else NOT_FOUND. */
export async function lockOrder(tx: Tx, orderId: string, orgId: string | null): Promise<OrderRow> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(orgId ? and(eq(orders.id, orderId), eq(orders.providerOrgId, orgId)) : eq(orders.id, orderId))
    .for('update');
  if (!row) throw notFound('That order');
  return row;
}

export function newOrderReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (const b of randomBytes(8)) out += alphabet[b & 31];
  return `OR-${out}`;
}
