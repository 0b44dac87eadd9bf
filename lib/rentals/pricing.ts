/**
 * Rental listing lookup and the price/deposit quote, shared by the preview (no writes) and the
 * request verb (snapshotted on the row). The rental price and delivery fee go through the finance
 * quote engine as the "price" (same currency, no FX): service fee by the commission rules (as an
 * on-demand, medium-demand job in the listing's category), tax by the currency's tax region, tax
 * exclusive. Deposit = item deposit × quantity (not taxed, not a fee base).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { AppError, notFound } from '@/lib/core/errors';
import { toMinor } from '@/lib/core/money';
import { quote } from '@/lib/finance/quote';
import { loadQuoteRates } from '@/lib/finance/rates';
import { visibleListingSql } from '@/lib/marketplace/visibility';
import { DELIVERY_FEE_MINOR, MAX_ADVANCE_DAYS, MAX_RENTAL_DAYS, DAY_MS, rentalDays, rentalPrice } from './policy';

export interface RentableListing {
  listingId: string;
  title: string;
  providerOrgId: string;
  providerName: string;
  categoryId: string | null;
  itemId: string;
  itemName: string;
  tracking: 'serialised' | 'bulk';
  dailyRateMinor: bigint;
  depositMinor: bigint;
  currency: string;
  insuranceRequired: boolean;
  onHand: number;
  outOnRent: number;
  unitCount: number;
}

/** A listing a customer may rent now: approved + visible (insured seller), tool_rental, item rental|hybrid, active. */
export async function loadRentableListing(ex: Executor, listingId: string, now: Date): Promise<RentableListing> {
  const [row] = rowsOf<{
    id: string;
    title: string;
    provider_org_id: string;
    provider_name: string;
    category_id: string | null;
    item_id: string;
    item_name: string;
    tracking: 'serialised' | 'bulk';
    daily_rate_minor: string;
    deposit_minor: string;
    currency: string;
    insurance_required: boolean;
    on_hand: number;
    out_on_rent: number;
    units: string | number;
  }>(
    await ex.execute(sql`
      select l.id, l.title, l.provider_org_id, o.name as provider_name, l.category_id, i.id as item_id, i.name as item_name, i.tracking,
             i.daily_rate_minor::text, i.deposit_minor::text, i.currency, i.insurance_required, i.on_hand, i.out_on_rent,
             (select count(*) from inventory_units u where u.item_id = i.id and u.status in ('in_stock', 'out')) as units
      from listings l
      join inventory_items i on i.id = l.item_id
      join organisations o on o.id = l.provider_org_id
      where l.id = ${listingId} and ${visibleListingSql(now, 'l')}
        and l.kind = 'tool_rental' and i.mode in ('rental', 'hybrid') and i.status = 'active' and i.daily_rate_minor is not null`),
  );
  if (!row) throw notFound('That rental listing');
  return {
    listingId: row.id,
    title: row.title,
    providerOrgId: row.provider_org_id,
    providerName: row.provider_name,
    categoryId: row.category_id,
    itemId: row.item_id,
    itemName: row.item_name,
    tracking: row.tracking,
    dailyRateMinor: toMinor(row.daily_rate_minor),
    depositMinor: toMinor(row.deposit_minor),
    currency: row.currency.trim(),
    insuranceRequired: row.insurance_required,
    onHand: Number(row.on_hand),
    outOnRent: Number(row.out_on_rent),
    unitCount: Number(row.units),
  };
}

/** Tax region of a rental, by its currency (rentals have no zone); a missing one is an error. */
const TAX_REGION: Record<string, string> = { GBP: 'GB' };

export interface RentalQuote {
  currency: string;
  days: number;
  quantity: number;
  dailyRateMinor: bigint;
  rentalMinor: bigint;
  deliveryFeeMinor: bigint;
  serviceFeeMinor: bigint;
  taxMinor: bigint;
  taxRateBp: number;
  totalMinor: bigint;
  depositMinor: bigint;
  lines: Array<{ key: string; label: string; amountMinor: bigint }>;
}

/** Window rules shared by preview and request: in the future, at most MAX_RENTAL_DAYS long, within a year. */
export function checkWindow(startsAt: Date, endsAt: Date, now: Date): void {
  if (startsAt.getTime() <= now.getTime()) throw new AppError('VALIDATION', 'The rental must start in the future.', { fieldErrors: { startsAt: ['must be in the future'] } });
  if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('VALIDATION', 'The rental must end after it starts.', { fieldErrors: { endsAt: ['must be after the start'] } });
  if (startsAt.getTime() - now.getTime() > MAX_ADVANCE_DAYS * DAY_MS) throw new AppError('VALIDATION', `Rentals can be requested up to ${MAX_ADVANCE_DAYS} days ahead.`, { fieldErrors: { startsAt: [`must be within ${MAX_ADVANCE_DAYS} days`] } });
  if (endsAt.getTime() - startsAt.getTime() > MAX_RENTAL_DAYS * DAY_MS) throw new AppError('VALIDATION', `A rental lasts at most ${MAX_RENTAL_DAYS} days.`, { fieldErrors: { endsAt: [`must be within ${MAX_RENTAL_DAYS} days of the start`] } });
}

const NIL = '00000000-0000-0000-0000-000000000000';

export async function quoteRental(ex: Executor, l: RentableListing, w: { startsAt: Date; endsAt: Date; quantity: number; fulfilment: 'pickup' | 'delivery' }, now: Date): Promise<RentalQuote> {
  const days = rentalDays(w.startsAt, w.endsAt);
  const rental = rentalPrice(l.dailyRateMinor, days, w.quantity);
  const delivery = w.fulfilment === 'delivery' ? DELIVERY_FEE_MINOR : 0n;
  const region = TAX_REGION[l.currency];
  if (!region) throw new AppError('VALIDATION', `Rentals in ${l.currency} have no tax region configured.`, { fieldErrors: { currency: [`no tax region for ${l.currency}`] } });
  const rates = await loadQuoteRates(ex, { categoryId: l.categoryId ?? NIL, bookingType: 'on_demand', demandLevel: 'medium', at: now, taxRegion: region, providerCurrency: l.currency, bookingCurrency: l.currency });
  const q = quote({
    providerPriceMinor: rental + delivery,
    providerCurrency: l.currency,
    taxInclusive: false,
    bookingCurrency: l.currency,
    fxRate: rates.fxRate,
    serviceFeeBp: rates.serviceFeeBp,
    serviceFeeMinimumMinor: rates.serviceFeeMinimumMinor,
    taxRateBp: rates.taxRateBp,
    providerCommissionBp: 0,
  });
  const deposit = l.depositMinor * BigInt(w.quantity);
  const lines = [
    { key: 'rental', label: `${days} day${days === 1 ? '' : 's'} × ${w.quantity}`, amountMinor: rental },
    ...(delivery ? [{ key: 'delivery', label: 'Delivery', amountMinor: delivery }] : []),
    { key: 'service_fee', label: 'Service fee', amountMinor: q.serviceFeeMinor },
    { key: 'tax', label: q.lines.find((x) => x.key === 'tax')?.label ?? 'Tax', amountMinor: q.taxMinor },
    { key: 'total', label: 'Total', amountMinor: q.totalMinor },
    { key: 'deposit', label: 'Refundable deposit (held at pickup)', amountMinor: deposit },
  ];
  return {
    currency: l.currency,
    days,
    quantity: w.quantity,
    dailyRateMinor: l.dailyRateMinor,
    rentalMinor: rental,
    deliveryFeeMinor: delivery,
    serviceFeeMinor: q.serviceFeeMinor,
    taxMinor: q.taxMinor,
    taxRateBp: q.taxRateBp,
    totalMinor: q.totalMinor,
    depositMinor: deposit,
    lines,
  };
}
