import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { notify } from '@/lib/notifications/notify';
import { conflictTransition } from './internal';
import { lockOrder, toOrderDto, type OrderDto } from './order-internal';
import { orderTransitions } from './policy';
import { orderIdInput } from './schemas';

async function advance(ctx: Ctx, raw: unknown, action: 'fulfil' | 'collect'): Promise<OrderDto> {
  authorize(ctx.actor, 'orders.manage');
  const { orderId } = parseInput(orderIdInput, raw);
  const orgId = managedProviderOrgId(ctx.actor);
  const { from, to } = orderTransitions[action];
  return withTx(ctx, async (c) => {
    const o = await lockOrder(c.tx, orderId, orgId);
    if (!from.includes(o.status)) throw conflictTransition('order', o.status, to);
    const needs = action === 'fulfil' ? 'delivery' : 'pickup';
    if (o.fulfilment !== needs) {
      throw new AppError('CONFLICT', action === 'fulfil' ? 'This order is collected by the customer: mark it collected instead.' : 'This order is delivered: mark it delivered instead.', { from: o.status, to });
    }
    const [row] = await c.tx
      .update(orders)
      .set({ status: to, ...(to === 'fulfilled' ? { fulfilledAt: c.now } : { collectedAt: c.now }), updatedAt: c.now })
      .where(eq(orders.id, o.id))
      .returning();
    await recordAudit(c, { action: `orders.${action}`, entityType: 'order', entityId: o.id, tenantId: o.providerOrgId, data: { from: o.status, to } });
    await emitEvent(c, 'order.status_changed', { orderId: o.id, providerOrgId: o.providerOrgId, fromStatus: o.status, toStatus: to }, o.providerOrgId);
    await notify(c.tx, [o.customerId], {
      kind: `order.${to}`,
      title: `Order ${o.reference} ${to === 'fulfilled' ? 'was delivered' : 'was collected'}`,
      href: `/account/orders/${o.id}`,
      businessKey: `order:${o.id}:${to}`,
    });
    return toOrderDto(row!);
  });
}

/** fulfilOrder(ctx, {orderId}) — the seller marks a paid delivery order delivered: paid → fulfilled. */
export const fulfilOrder = (ctx: Ctx, raw: unknown) => advance(ctx, raw, 'fulfil');
/** collectOrder(ctx, {orderId}) — the seller marks a paid pickup order collected: paid → collected. */
export const collectOrder = (ctx: Ctx, raw: unknown) => advance(ctx, raw, 'collect');
