import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { orders } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { captureOrderPayment } from '@/lib/finance/order-money';
import { applyMove, availableNow, lockItem } from '@/lib/inventory/apply-move';
import { sellUnits } from '@/lib/inventory/units-internal';
import { notify } from '@/lib/notifications/notify';
import { sellerAdminIds } from './internal';
import { forMoney, newOrderReference, toOrderDto, type OrderDto } from './order-internal';
import { priceOrder } from './order-pricing';
import { createOrderInput } from './schemas';
import { visibleListingSql } from './visibility';

/**
 * createOrder(ctx, {listingId, quantity, fulfilment, deliveryAddress?, paymentMethod}) — a
 * customer buys from a visible tool-for-sale or material listing. Under the item's row lock:
 * quantity ≤ on hand − reserved (else CONFLICT), the order row, a 'sale' stock move, then the
 * payment (authorize + capture) and its ledger posting — all in one transaction, so a declined
 * card or a lost race leaves nothing behind. Concurrent buyers of the last unit serialise on the
 * lock: exactly one succeeds.
 */
export async function createOrder(ctx: Ctx, raw: unknown): Promise<OrderDto> {
  authorize(ctx.actor, 'orders.create');
  const input = parseInput(createOrderInput, raw);
  if (ctx.actor.kind !== 'user') throw new AppError('FORBIDDEN', 'Only a signed-in customer can buy.');
  const customerId = ctx.actor.userId;
  return withTx(ctx, async (c) => {
    const [l] = rowsOf<{ id: string; provider_org_id: string; kind: string; item_id: string | null; price_minor: string; currency: string; title: string }>(
      await c.tx.execute(sql`
        select l.id, l.provider_org_id, l.kind, l.item_id, l.price_minor::text as price_minor, l.currency, l.title
        from listings l where l.id = ${input.listingId} and ${visibleListingSql(c.now, 'l')}`),
    );
    if (!l) throw notFound('That listing');
    if ((l.kind !== 'tool_sale' && l.kind !== 'material') || !l.item_id) throw new AppError('CONFLICT', 'This listing is not for sale: rent it or book it instead.', { kind: l.kind });
    const item = await lockItem(c.tx, l.item_id);
    if (item.status !== 'active') throw new AppError('CONFLICT', 'This item is no longer sold.', { itemId: item.id });
    const available = availableNow(item);
    if (input.quantity > available) {
      throw new AppError('CONFLICT', available > 0 ? `Only ${available} available right now.` : 'Sold out: none available right now.', { field: 'quantity', available });
    }
    const currency = l.currency.trim();
    const price = await priceOrder(c.tx, { providerOrgId: l.provider_org_id, currency, unitPriceMinor: toMinor(l.price_minor), quantity: input.quantity, fulfilment: input.fulfilment, at: c.now });
    const id = newId();
    const [row] = await c.tx
      .insert(orders)
      .values({
        id,
        reference: newOrderReference(),
        customerId,
        providerOrgId: l.provider_org_id,
        listingId: l.id,
        itemId: item.id,
        quantity: input.quantity,
        unitPriceMinor: price.unitPriceMinor,
        subtotalMinor: price.subtotalMinor,
        deliveryFeeMinor: price.deliveryFeeMinor,
        serviceFeeMinor: price.serviceFeeMinor,
        taxMinor: price.taxMinor,
        totalMinor: price.totalMinor,
        currency,
        fulfilment: input.fulfilment,
        deliveryAddress: input.deliveryAddress,
        status: 'paid',
        paidAt: c.now,
        createdAt: c.now,
        updatedAt: c.now,
      })
      .returning();
    // Serialised stock sells named units (marked sold to this order); bulk stock sells a quantity.
    if (item.tracking === 'serialised') await sellUnits(c, item.id, input.quantity, id, `order ${row!.reference}`);
    else await applyMove(c, { itemId: item.id, kind: 'sale', onHandDelta: -input.quantity, orderId: id, reason: `order ${row!.reference}` });
    const paid = await captureOrderPayment(c, forMoney(row!), input.paymentMethod);
    await recordAudit(c, {
      action: 'orders.create',
      entityType: 'order',
      entityId: id,
      tenantId: l.provider_org_id,
      data: { listingId: l.id, itemId: item.id, quantity: input.quantity, fulfilment: input.fulfilment, totalMinor: toWire(price.totalMinor), currency, paymentId: paid.paymentId, transactionId: paid.transactionId },
    });
    await emitEvent(c, 'order.created', { orderId: id, listingId: l.id, providerOrgId: l.provider_org_id, quantity: input.quantity, totalMinor: toWire(price.totalMinor), currency, fulfilment: input.fulfilment }, l.provider_org_id);
    await notify(c.tx, await sellerAdminIds(c.tx, l.provider_org_id, c.now), {
      kind: 'order.paid',
      title: `New order ${row!.reference}: ${input.quantity} × ${l.title}`,
      body: input.fulfilment === 'delivery' ? 'To deliver.' : 'To be collected.',
      href: `/provider/orders?status=paid`,
      businessKey: `order:${id}:paid`,
    });
    return toOrderDto(row!);
  });
}
