// POST /api/v1/orders/{id}/{fulfil|collect|refund} — a seller (or operations, refund) step on an order.
import { notFound } from '@/lib/core/errors';
import { defineRoute } from '@/lib/core/route';
import { collectOrder, fulfilOrder } from '@/lib/marketplace/advance-order';
import { orderStepContract } from '@/lib/marketplace/contracts';
import { refundOrder } from '@/lib/marketplace/refund-order';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(orderStepContract, async ({ ctx, params, body }) => {
  if (params.step === 'fulfil') return fulfilOrder(ctx, { orderId: params.id });
  if (params.step === 'collect') return collectOrder(ctx, { orderId: params.id });
  if (params.step === 'refund') return refundOrder(ctx, { ...body, orderId: params.id });
  throw notFound('That order step');
});
