/**
 * What a purchase costs (docs/marketplace.md "Order money"): goods = unit price × quantity; the
 * delivery fee rule of policy.ts; then the finance quote engine on (goods + delivery) as a
 * tax-exclusive price — platform service fee ORDER_SERVICE_FEE_BP, tax at the seller's tax
 * region. The tax region is that of the seller's primary covered platform zone in the listing's
 * currency (a purchase has no job location); none → PRECONDITION_FAILED, never a silent default.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { currencyExponent, parseRate } from '@/lib/core/money';
import { quote } from '@/lib/finance/quote';
import { loadTaxRate } from '@/lib/finance/rates';
import { deliveryFeeMinor, ORDER_SERVICE_FEE_BP } from './policy';

export interface OrderPrice {
  currency: string;
  unitPriceMinor: bigint;
  quantity: number;
  subtotalMinor: bigint;
  deliveryFeeMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  taxRateBp: number;
  totalMinor: bigint;
}

export async function sellerTaxRegion(ex: Executor, providerOrgId: string, currency: string, at: Date): Promise<string> {
  const [row] = rowsOf<{ tax_region: string }>(
    await ex.execute(sql`
      select z.tax_region from zone_coverage zc
      join zones z on z.id = zc.zone_id and z.owner_kind = 'platform' and z.status = 'active' and z.currency = ${currency}
      where zc.provider_org_id = ${providerOrgId} and zc.effective_from <= ${at.toISOString()}::timestamptz
        and (zc.effective_to is null or zc.effective_to > ${at.toISOString()}::timestamptz)
      order by zc.priority, z.priority desc, z.id limit 1`),
  );
  if (!row) throw new AppError('PRECONDITION_FAILED', `This seller serves no area priced in ${currency}, so the purchase cannot be taxed. Contact the seller.`, { missing: 'tax_region' });
  return row.tax_region;
}

export async function priceOrder(
  ex: Executor,
  o: { providerOrgId: string; currency: string; unitPriceMinor: bigint; quantity: number; fulfilment: 'pickup' | 'delivery'; at: Date },
): Promise<OrderPrice> {
  const subtotal = o.unitPriceMinor * BigInt(o.quantity);
  const delivery = deliveryFeeMinor(o.fulfilment, subtotal, currencyExponent(o.currency));
  const region = await sellerTaxRegion(ex, o.providerOrgId, o.currency, o.at);
  const tax = await loadTaxRate(ex, region, o.at);
  const q = quote({
    providerPriceMinor: subtotal + delivery,
    providerCurrency: o.currency,
    taxInclusive: false,
    bookingCurrency: o.currency,
    fxRate: parseRate('1'),
    serviceFeeBp: ORDER_SERVICE_FEE_BP,
    serviceFeeMinimumMinor: null,
    taxRateBp: tax.rateBp,
    providerCommissionBp: 0,
  });
  return {
    currency: o.currency,
    unitPriceMinor: o.unitPriceMinor,
    quantity: o.quantity,
    subtotalMinor: subtotal,
    deliveryFeeMinor: delivery,
    serviceFeeMinor: q.serviceFeeMinor,
    taxMinor: q.taxMinor,
    taxRateBp: tax.rateBp,
    totalMinor: q.totalMinor,
  };
}
