import { eq } from 'drizzle-orm';
import { orders } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize, can } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { refundOrderPayment } from '@/lib/finance/order-money';
import { applyMove } from '@/lib/inventory/apply-move';
import { restockSoldUnits } from '@/lib/inventory/units-internal';
import { notify } from '@/lib/notifications/notify';
import { conflictTransition } from './internal';
import { forMoney, lockOrder, toOrderDto, type OrderDto } from './order-internal';
import { orderTransitions } from './policy';
import { refundOrderInput } from './schemas';

/**
 * refundOrder(ctx, {orderId, reason, restock}) — the seller (its own orders) or operations refund
 * an order in full: gateway refund, the capture's ledger reversal, and a 'restock' move when the
 * goods are back with the seller. A paid order that never left the seller always restocks; after
 * delivery/collection only when `restock` says the goods came back.
 */
export async function refundOrder(ctx: Ctx, raw: unknown): Promise<OrderDto> {
  // Operations refund any order (orders.refund_any): their support tool when a seller does not act.
  // Someone who is both operations and a seller acts with the wider right, so the desk's refund
  // works on every order for them, not only their own shop's.
  const asOperations = can(ctx.actor, 'orders.refund_any');
  if (!asOperations) authorize(ctx.actor, 'orders.manage');
  const asSeller = !asOperations;
  const input = parseInput(refundOrderInput, raw);
  const orgId = asSeller ? managedProviderOrgId(ctx.actor) : null;
  const { from, to } = orderTransitions.refund;
  return withTx(ctx, async (c) => {
    const o = await lockOrder(c.tx, input.orderId, orgId);
    if (!from.includes(o.status)) throw conflictTransition('order', o.status, to);
    const restock = o.status === 'paid' ? true : input.restock;
    const money = await refundOrderPayment(c, forMoney(o), input.reason);
    if (restock) {
      const reason = `refund of order ${o.reference}: ${input.reason}`.slice(0, 500);
      // The units this order bought go back in stock by name; a bulk order restocks its quantity.
      const units = await restockSoldUnits(c, o.itemId, o.id, reason);
      if (units === 0) await applyMove(c, { itemId: o.itemId, kind: 'restock', onHandDelta: o.quantity, orderId: o.id, reason });
    }
    const [row] = await c.tx.update(orders).set({ status: 'refunded', refundedAt: c.now, refundReason: input.reason, updatedAt: c.now }).where(eq(orders.id, o.id)).returning();
    await recordAudit(c, { action: 'orders.refund', entityType: 'order', entityId: o.id, tenantId: o.providerOrgId, data: { from: o.status, to, reason: input.reason, restocked: restock, transactionId: money.transactionId, by: asSeller ? 'seller' : 'operations' } });
    await emitEvent(c, 'order.status_changed', { orderId: o.id, providerOrgId: o.providerOrgId, fromStatus: o.status, toStatus: to, restocked: restock }, o.providerOrgId);
    await notify(c.tx, [o.customerId], { kind: 'order.refunded', title: `Order ${o.reference} was refunded`, body: input.reason, href: `/account/orders/${o.id}`, businessKey: `order:${o.id}:refunded` });
    return toOrderDto(row!);
  });
}
