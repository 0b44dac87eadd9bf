import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { priceOrder, type OrderPrice } from './order-pricing';
import { orderQuoteInput } from './schemas';
import { visibleListingSql } from './visibility';

/** previewOrder(ctx, {listingId, quantity, fulfilment}) — what createOrder would charge now, and the stock available. */
export async function previewOrder(ctx: Ctx, raw: unknown): Promise<OrderPrice & { available: number }> {
  const input = parseInput(orderQuoteInput, raw);
  const ex = exec(ctx);
  const [l] = rowsOf<{ provider_org_id: string; kind: string; price_minor: string; currency: string; available: number | null }>(
    await ex.execute(sql`
      select l.provider_org_id, l.kind, l.price_minor::text as price_minor, l.currency, i.on_hand - i.reserved as available
      from listings l left join inventory_items i on i.id = l.item_id
      where l.id = ${input.listingId} and ${visibleListingSql(ctx.now, 'l')}`),
  );
  if (!l) throw notFound('That listing');
  if (l.kind !== 'tool_sale' && l.kind !== 'material') throw new AppError('CONFLICT', 'This listing is not for sale.', { kind: l.kind });
  const price = await priceOrder(ex, { providerOrgId: l.provider_org_id, currency: l.currency.trim(), unitPriceMinor: toMinor(l.price_minor), quantity: input.quantity, fulfilment: input.fulfilment, at: ctx.now });
  return { ...price, available: Number(l.available ?? 0) };
}
