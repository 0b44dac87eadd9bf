/**
 * Invoice lines from a booking's stored quote snapshot (lib/finance/quote.ts): pure integer
 * arithmetic, never recomputed from floats. The price line is supplied by the provider, the
 * service fee by the platform; each carries its own VAT (DOMAIN.md: tax on price + fee, backed out
 * per line for inclusive prices), so the gross lines add up to the booking total exactly.
 */
import { allocate, MoneyError, toWire } from '@/lib/core/money';
import { lineTax, type QuoteSnapshot } from '@/lib/finance/quote';
import type { InvoiceLine } from './schemas';

export interface InvoiceTotals {
  lines: InvoiceLine[];
  netMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

export function invoiceLines(s: Pick<QuoteSnapshot, 'priceMinor' | 'serviceFeeMinor' | 'taxMinor' | 'taxRateBp' | 'taxInclusive' | 'totalMinor'>, serviceTitle: string, platformName: string): InvoiceTotals {
  // The same per-line rule as quote(); the fee line takes what remains of the stored tax, so
  // the stored snapshot — not a recomputation — decides the totals.
  let taxOnPrice = lineTax(s.priceMinor, s.taxRateBp, s.taxInclusive);
  if (taxOnPrice > s.taxMinor) taxOnPrice = s.taxMinor;
  const taxOnFee = s.taxMinor - taxOnPrice;
  const line = (key: InvoiceLine['key'], description: string, suppliedBy: InvoiceLine['suppliedBy'], amount: bigint, tax: bigint): InvoiceLine => {
    const net = s.taxInclusive ? amount - tax : amount;
    return { key, description, suppliedBy, netMinor: toWire(net), taxMinor: toWire(tax), grossMinor: toWire(net + tax), taxRateBp: s.taxRateBp };
  };
  const lines = [
    line('price', serviceTitle, 'provider', s.priceMinor, taxOnPrice),
    line('service_fee', `Service fee (${platformName}, as commercial agent)`, 'platform', s.serviceFeeMinor, taxOnFee),
  ];
  return checked(lines, s.totalMinor);
}

/**
 * A credit note's lines for `amountMinor` refunded: the amount is split over the invoice's net
 * and VAT parts in proportion (largest remainder), so each line and the total stay exact.
 */
export function creditLines(invoiceLinesIn: readonly InvoiceLine[], amountMinor: bigint): InvoiceTotals {
  if (amountMinor <= 0n) throw new MoneyError('INVALID_AMOUNT', 'A credit note is for a positive refunded amount');
  const weights = invoiceLinesIn.flatMap((l) => [BigInt(l.netMinor), BigInt(l.taxMinor)]);
  const parts = allocate(amountMinor, weights);
  const lines = invoiceLinesIn.map((l, i): InvoiceLine => {
    const net = -parts[i * 2];
    const tax = -parts[i * 2 + 1];
    return { ...l, netMinor: toWire(net), taxMinor: toWire(tax), grossMinor: toWire(net + tax) };
  });
  return checked(lines, -amountMinor);
}

function checked(lines: InvoiceLine[], expectedTotal: bigint): InvoiceTotals {
  const netMinor = lines.reduce((a, l) => a + BigInt(l.netMinor), 0n);
  const taxMinor = lines.reduce((a, l) => a + BigInt(l.taxMinor), 0n);
  const totalMinor = netMinor + taxMinor;
  if (totalMinor !== expectedTotal) {
    throw new MoneyError('INVALID_AMOUNT', `Invoice lines add up to ${totalMinor}, not the booking total ${expectedTotal}`);
  }
  return { lines, netMinor, taxMinor, totalMinor };
}
