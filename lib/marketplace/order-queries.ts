/** Order reads: the customer's own orders, the seller's orders, the operations desk, with receipt lines. */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound, unauthenticated } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { parseInput } from '@/lib/core/validate';
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

const columns = sql`o.id, o.reference, o.listing_id, l.title as listing_title, org.name as seller_name, org.slug as seller_slug, u.name as customer_name,
         o.quantity, o.currency, o.fulfilment, o.delivery_address, o.status, o.subtotal_minor::text as subtotal_minor,
         o.delivery_fee_minor::text as delivery_fee_minor, o.service_fee_minor::text as service_fee_minor, o.tax_minor::text as tax_minor,
         o.total_minor::text as total_minor, o.paid_at, o.fulfilled_at, o.collected_at, o.refunded_at, o.refund_reason`;
const from = sql`from orders o join listings l on l.id = o.listing_id join organisations org on org.id = o.provider_org_id left join users u on u.id = o.customer_id`;
const select = sql`select ${columns} ${from}`;
// The operations desk also needs who bought (email, for support look-ups) and the unit price.
const opsSelect = sql`select ${columns}, u.email as customer_email, o.provider_org_id, o.unit_price_minor::text as unit_price_minor ${from}`;

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

/**
 * Which orders the actor may read: a seller (orders.manage) only its own organisation's, operations
 * (orders.read_all) every seller's. `prefer` decides for someone who holds both: the provider desk
 * shows the own shop, the operations desk the whole platform. Anyone else is FORBIDDEN.
 */
function orderScope(ctx: Ctx, prefer: 'seller' | 'platform'): SQL {
  const seller = can(ctx.actor, 'orders.manage');
  const platform = can(ctx.actor, 'orders.read_all');
  if (platform && (prefer === 'platform' || !seller)) return sql`true`;
  if (seller) return sql`o.provider_org_id = ${managedProviderOrgId(ctx.actor)}`;
  authorize(ctx.actor, 'orders.read_all');
  return sql`false`;
}

/** The seller's orders (orders.manage, own organisation), optionally by status; operations see all. */
export async function listProviderOrders(ctx: Ctx, status?: string): Promise<OrderView[]> {
  const scope = orderScope(ctx, 'seller');
  const byStatus = status && (orderStatuses as readonly string[]).includes(status) ? sql`and o.status = ${status}` : sql``;
  const rows = rowsOf<Record<string, unknown>>(await exec(ctx).execute(sql`${select} where ${scope} ${byStatus} order by o.created_at desc, o.id limit 200`));
  return rows.map(toView);
}

// --- operations desk ------------------------------------------------------------------------------

export const OPS_ORDERS_PAGE_SIZE = 50;

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-30.').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'That is not a calendar date.');

/** Filters of the operations orders desk; dates are calendar days in Europe/London (the marketplace's zone). */
export const orderSearchInput = z
  .object({
    status: z.enum(orderStatuses).optional(),
    /** Matches the order reference, the seller's name or the customer's email, case-insensitively. */
    q: z.string().trim().max(100).optional(),
    from: calendarDate.optional(),
    to: calendarDate.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The end date is before the start date.' });
export type OrderSearchInput = z.input<typeof orderSearchInput>;

export interface OpsOrderView extends OrderView {
  customerEmail: string | null;
  sellerOrgId: string;
  unitPriceMinor: number;
}

export interface OrderSearchResult {
  rows: OpsOrderView[];
  /** Orders matching the filters, across all pages. */
  total: number;
  page: number;
  pageSize: number;
}

function toOpsView(r: Record<string, unknown>): OpsOrderView {
  return { ...toView(r), customerEmail: (r.customer_email as string | null) ?? null, sellerOrgId: r.provider_org_id as string, unitPriceMinor: w(r.unit_price_minor) };
}

function likeEscape(s: string) {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * searchOrders(ctx, filters) — the operations desk: every seller's orders (orders.read_all), newest
 * first, a page at a time with the total. A seller calling it sees only its own organisation's
 * orders; a customer is FORBIDDEN.
 */
export async function searchOrders(ctx: Ctx, raw: unknown): Promise<OrderSearchResult> {
  const scope = orderScope(ctx, 'platform');
  const f = parseInput(orderSearchInput, raw);
  const where: SQL[] = [scope];
  if (f.status) where.push(sql`o.status = ${f.status}`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    where.push(sql`(o.reference ilike ${like} or org.name ilike ${like} or u.email ilike ${like})`);
  }
  if (f.from) where.push(sql`o.paid_at >= (${f.from}::date)::timestamp at time zone 'Europe/London'`);
  if (f.to) where.push(sql`o.paid_at < (${f.to}::date + 1)::timestamp at time zone 'Europe/London'`);
  const cond = sql.join(where, sql` and `);
  const offset = (f.page - 1) * OPS_ORDERS_PAGE_SIZE;
  const [rows, counted] = await Promise.all([
    exec(ctx).execute(sql`${opsSelect} where ${cond} order by o.paid_at desc, o.id desc limit ${OPS_ORDERS_PAGE_SIZE} offset ${offset}`),
    exec(ctx).execute(sql`select count(*)::int as n ${from} where ${cond}`),
  ]);
  return { rows: rowsOf<Record<string, unknown>>(rows).map(toOpsView), total: Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0), page: f.page, pageSize: OPS_ORDERS_PAGE_SIZE };
}

export interface OpsOrderDetail extends OpsOrderView {
  /** The purchase payment at the gateway; null only for data that predates payments. */
  payment: { status: string; gateway: string; capturedMinor: number; refundedMinor: number } | null;
  /** When the seller's share became payable (7 days after handover); refunds are refused from then on. */
  payableAt: string | null;
}

/** getOrderForOperations(ctx, orderId) — one order with its payment, in the same scope as searchOrders. */
export async function getOrderForOperations(ctx: Ctx, orderId: string): Promise<OpsOrderDetail> {
  const scope = orderScope(ctx, 'platform');
  if (!isUuid(orderId)) throw notFound('That order');
  const [r] = rowsOf<Record<string, unknown>>(await exec(ctx).execute(sql`${opsSelect} where o.id = ${orderId} and ${scope}`));
  if (!r) throw notFound('That order');
  const [p] = rowsOf<{ status: string; gateway: string; captured_minor: string; refunded_minor: string }>(
    await exec(ctx).execute(sql`select status, gateway, captured_minor::text as captured_minor, refunded_minor::text as refunded_minor from commerce_payments where order_id = ${orderId} and purpose = 'purchase'`),
  );
  const [t] = rowsOf<{ occurred_at: unknown }>(await exec(ctx).execute(sql`select occurred_at from ledger_transactions where business_key = ${`order:${orderId}:payable`}`));
  return {
    ...toOpsView(r),
    payment: p ? { status: p.status, gateway: p.gateway, capturedMinor: w(p.captured_minor), refundedMinor: w(p.refunded_minor) } : null,
    payableAt: iso(t?.occurred_at),
  };
}
