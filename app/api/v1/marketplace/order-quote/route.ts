// GET /api/v1/marketplace/order-quote — the price preview of a purchase from a visible listing.
import { defineRoute } from '@/lib/core/route';
import { toWire } from '@/lib/core/money';
import { orderQuoteContract } from '@/lib/marketplace/contracts';
import { previewOrder } from '@/lib/marketplace/preview-order';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(orderQuoteContract, async ({ ctx, query }) => {
  const p = await previewOrder(ctx, query);
  return {
    currency: p.currency,
    subtotalMinor: toWire(p.subtotalMinor),
    deliveryFeeMinor: toWire(p.deliveryFeeMinor),
    serviceFeeMinor: toWire(p.serviceFeeMinor),
    taxMinor: toWire(p.taxMinor),
    taxRateBp: p.taxRateBp,
    totalMinor: toWire(p.totalMinor),
    available: p.available,
  };
});
