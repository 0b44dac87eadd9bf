/**
 * VAT invoices for marketplace orders and rentals, issued inside their money transactions:
 * - issueOrderInvoice: with the order's capture (lib/finance/order-money.ts), key `invoice:order:<id>`;
 * - issueRentalInvoice: at settlement (lib/finance/rental-money.ts), key `invoice:rental:<id>`, when
 *   everything the renter pays is known (rental charge at checkout + settlement charges).
 * Lines come from the stored amounts (lines.ts supplyLines), never from a new quote. No
 * authorisation here: these are steps of money verbs whose callers have authorised them.
 */
import { and, asc, eq, lte, or, gt, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { inventoryItems, listings, orders, rentalCharges, rentals, taxRates } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { formatMajor, toMinor } from '@/lib/core/money';
import { lineTax } from '@/lib/finance/quote';
import { loadTaxRate } from '@/lib/finance/rates';
import { sellerTaxRegion } from '@/lib/marketplace/order-pricing';
import { rentalDays } from '@/lib/rentals/policy';
import { insertInvoice } from './issue-invoice';
import { serviceFeeLine, supplyLines, type LineSpec } from './lines';
import type { InvoiceDoc } from './queries';

type IssueCtx = Ctx & { tx: Tx };

/** Printed on every settlement charge line (docs/rentals.md: no platform fee or VAT on them). */
export const RENTAL_CHARGE_NOTE = 'Settlement charge: no VAT or service fee is charged on it';

/** Lines a rental refund corrects: the rental charge paid at checkout, never the settlement charges. */
export const RENTAL_CHARGE_KEYS = new Set(['rental', 'delivery', 'service_fee']);

/**
 * An order: goods (quantity × unit price) and delivery, supplied by the seller, were ONE price in
 * the quote (order-pricing.ts), so they form one tax group; the service fee is the platform's. The
 * rate is the seller's region's rate at payment, exactly what priceOrder used in this transaction.
 */
export async function issueOrderInvoice(c: IssueCtx, orderId: string): Promise<{ invoice: InvoiceDoc; created: boolean }> {
  const [o] = await c.tx
    .select({ o: orders, title: listings.title })
    .from(orders)
    .innerJoin(listings, eq(listings.id, orders.listingId))
    .where(eq(orders.id, orderId));
  if (!o) throw notFound('That order');
  const r = o.o;
  const currency = r.currency.trim();
  const rate = await loadTaxRate(c.tx, await sellerTaxRegion(c.tx, r.providerOrgId, currency, r.paidAt), r.paidAt);
  const unit = toMinor(r.unitPriceMinor);
  const delivery = toMinor(r.deliveryFeeMinor);
  const sellerLines: LineSpec[] = [
    { key: 'goods', description: `${o.title} — ${r.quantity} × ${formatMajor(unit, currency)} ${currency}`, suppliedBy: 'provider', amountMinor: toMinor(r.subtotalMinor) },
    ...(delivery > 0n ? [{ key: 'delivery' as const, description: 'Delivery', suppliedBy: 'provider' as const, amountMinor: delivery }] : []),
  ];
  return insertInvoice(c, { kind: 'order', id: r.id }, {
    reference: r.reference,
    customerId: r.customerId,
    providerOrgId: r.providerOrgId,
    currency,
    taxRateBp: rate.rateBp,
    totals: (agent) =>
      supplyLines(
        [
          { taxRateBp: rate.rateBp, lines: sellerLines },
          { taxRateBp: rate.rateBp, lines: [serviceFeeLine(toMinor(r.serviceFeeMinor), agent)] },
        ],
        { taxMinor: toMinor(r.taxMinor), taxInclusive: false, totalMinor: toMinor(r.totalMinor) },
      ),
  });
}

/**
 * The VAT rate a rental was quoted at. Rentals do not store it; their tax region follows the
 * currency (lib/rentals/pricing.ts). Of the rates in force at the request, the one that reproduces
 * the stored tax on (rental + delivery) and the fee is it; the highest such rate wins a tie.
 */
async function rentalRateBp(tx: Tx, at: Date, price: bigint, fee: bigint, storedTax: bigint): Promise<number> {
  const rows = await tx
    .select({ rateBp: taxRates.rateBp })
    .from(taxRates)
    .where(and(lte(taxRates.effectiveFrom, at), or(isNull(taxRates.effectiveTo), gt(taxRates.effectiveTo, at))));
  const fits = [...new Set(rows.map((x) => x.rateBp))].filter((bp) => lineTax(price, bp, false) + lineTax(fee, bp, false) === storedTax).sort((a, b) => b - a);
  if (fits.length) return fits[0];
  // No configured rate reproduces it (a rate row edited in place): the highest rate in force then is
  // printed, and the stored tax still decides every amount. Never a reason to refuse a settlement.
  return storedTax === 0n ? 0 : Math.max(0, ...rows.map((x) => x.rateBp));
}

/**
 * A rental at settlement: the rental charge (rental days and delivery, supplied by the provider;
 * the platform's service fee; VAT as quoted at request) plus each settlement charge (late days,
 * damage, cleaning, loss, extension) at 0 % VAT with a note. The deposit is not a supply and is not
 * invoiced: only charges taken from it appear, as their own lines.
 */
export async function issueRentalInvoice(c: IssueCtx, rentalId: string): Promise<{ invoice: InvoiceDoc; created: boolean }> {
  const [row] = await c.tx
    .select({ r: rentals, itemName: inventoryItems.name })
    .from(rentals)
    .innerJoin(inventoryItems, eq(inventoryItems.id, rentals.itemId))
    .where(eq(rentals.id, rentalId));
  if (!row) throw notFound('That rental');
  const r = row.r;
  const currency = r.currency.trim();
  const rentalMinor = toMinor(r.rentalMinor);
  const delivery = toMinor(r.deliveryFeeMinor);
  const fee = toMinor(r.serviceFeeMinor);
  const tax = toMinor(r.taxMinor);
  const rateBp = await rentalRateBp(c.tx, r.createdAt, rentalMinor + delivery, fee, tax);
  const charges = await c.tx.select().from(rentalCharges).where(eq(rentalCharges.rentalId, rentalId)).orderBy(asc(rentalCharges.createdAt), asc(rentalCharges.id));
  const days = rentalDays(r.startsAt, r.originalEndsAt);
  const chargesTotal = charges.reduce((a, x) => a + toMinor(x.amountMinor), 0n);
  const providerLines: LineSpec[] = [
    {
      key: 'rental',
      description: `${row.itemName} — ${days} day${days === 1 ? '' : 's'} × ${r.quantity} at ${formatMajor(toMinor(r.dailyRateMinor), currency)} ${currency} a day`,
      suppliedBy: 'provider',
      amountMinor: rentalMinor,
    },
    ...(delivery > 0n ? [{ key: 'delivery' as const, description: 'Delivery', suppliedBy: 'provider' as const, amountMinor: delivery }] : []),
  ];
  return insertInvoice(c, { kind: 'rental', id: r.id }, {
    reference: r.reference,
    customerId: r.customerId,
    providerOrgId: r.providerOrgId,
    currency,
    taxRateBp: rateBp,
    totals: (agent) =>
      supplyLines(
        [
          { taxRateBp: rateBp, lines: providerLines },
          { taxRateBp: rateBp, lines: [serviceFeeLine(fee, agent)] },
          ...charges.map((x) => ({
            taxRateBp: 0,
            lines: [{ key: 'charge' as const, description: x.label, note: RENTAL_CHARGE_NOTE, suppliedBy: 'provider' as const, amountMinor: toMinor(x.amountMinor) }],
          })),
        ],
        { taxMinor: tax, taxInclusive: false, totalMinor: toMinor(r.totalMinor) + chargesTotal },
      ),
  });
}
