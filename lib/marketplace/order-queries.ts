/** Order reads: the customer's own orders, the seller's orders, with receipt lines. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound, unauthenticated } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { orderStatuses, type OrderStatus } from './policy';

export interface OrderView {
  id: string;
  reference: string;
  listingId: string;
  listingTitle: string;
  sellerName: string;
  sellerSlug: string;
  customerName: string;
  quantity: number;
  currency: string;
  fulfilment: 'pickup' | 'delivery';
  deliveryAddress: string | null;
  status: OrderStatus;
  totalMinor: number;
  paidAt: string;
  fulfilledAt: string | null;
  collectedAt: string | null;
  refundedAt: string | null;
  refundReason: string | null;
  /** Receipt lines; they add up to the total exactly. */
  lines: Array<{ label: string; amountMinor: number }>;
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const w = (v: unknown) => toWire(toMinor(v as string));

function toView(r: Record<string, unknown>): OrderView {
  const qty = Number(r.quantity);
  const lines = [
    { label: `${qty} × ${r.listing_title as string}`, amountMinor: w(r.subtotal_minor) },
    ...(r.fulfilment === 'delivery' ? [{ label: 'Delivery', amountMinor: w(r.delivery_fee_minor) }] : []),
    { label: 'Service fee', amountMinor: w(r.service_fee_minor) },
    { label: 'Tax', amountMinor: w(r.tax_minor) },
  ];
  return {
    id: r.id as string,
    reference: r.reference as string,
    listingId: r.listing_id as string,
    listingTitle: r.listing_title as string,
    sellerName: r.seller_name as string,
    sellerSlug: r.seller_slug as string,
    customerName: (r.customer_name as string | null) ?? 'Customer',
    quantity: qty,
    currency: String(r.currency).trim(),
    fulfilment: r.fulfilment as 'pickup' | 'delivery',
    deliveryAddress: (r.delivery_address as string | null) ?? null,
    status: r.status as OrderStatus,
    totalMinor: w(r.total_minor),
    paidAt: iso(r.paid_at)!,
    fulfilledAt: iso(r.fulfilled_at),
    collectedAt: iso(r.collected_at),
    refundedAt: iso(r.refunded_at),
    refundReason: (r.refund_reason as string | null) ?? null,
    lines,
  };
}

const select = sql`
  select o.id, o.reference, o.listing_id, l.title as listing_title, org.name as seller_name, org.slug as seller_slug, u.name as customer_name,
         o.quantity, o.currency, o.fulfilment, o.delivery_address, o.status, o.subtotal_minor::text as subtotal_minor,
         o.delivery_fee_minor::text as delivery_fee_minor, o.service_fee_minor::text as service_fee_minor, o.tax_minor::text as tax_minor,
         o.total_minor::text as total_minor, o.paid_at, o.fulfilled_at, o.collected_at, o.refunded_at, o.refund_reason
  from orders o join listings l on l.id = o.listing_id join organisations org on org.id = o.provider_org_id left join users u on u.id = o.customer_id`;

function customerId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  return ctx.actor.userId;
}

export async function listMyOrders(ctx: Ctx): Promise<OrderView[]> {
  const me = customerId(ctx);
  const rows = rowsOf<Record<string, unknown>>(await exec(ctx).execute(sql`${select} where o.customer_id = ${me} order by o.created_at desc, o.id limit 200`));
  return rows.map(toView);
}

export async function getMyOrder(ctx: Ctx, orderId: string): Promise<OrderView> {
  const me = customerId(ctx);
  if (!isUuid(orderId)) throw notFound('That order');
  const [r] = rowsOf<Record<string, unknown>>(await exec(ctx).execute(sql`${select} where o.id = ${orderId} and o.customer_id = ${me}`));
  if (!r) throw notFound('That order');
  return toView(r);
}

/** The seller's orders (orders.manage, own organisation), optionally by status; operations see all. */
export async function listProviderOrders(ctx: Ctx, status?: string): Promise<OrderView[]> {
  const asSeller = can(ctx.actor, 'orders.manage');
  if (!asSeller) authorize(ctx.actor, 'orders.read_all');
  const scope = asSeller ? sql`o.provider_org_id = ${managedProviderOrgId(ctx.actor)}` : sql`true`;
  const byStatus = status && (orderStatuses as readonly string[]).includes(status) ? sql`and o.status = ${status}` : sql``;
  const rows = rowsOf<Record<string, unknown>>(await exec(ctx).execute(sql`${select} where ${scope} ${byStatus} order by o.created_at desc, o.id limit 200`));
  return rows.map(toView);
}
