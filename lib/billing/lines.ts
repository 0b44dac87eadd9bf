/**
 * Invoice lines from a subject's stored amounts (a booking's quote snapshot, an order's or a
 * rental's stored prices): pure integer arithmetic, never recomputed from floats. Each line carries
 * its own VAT (DOMAIN.md: tax on price + fee, backed out per line for inclusive prices), so the
 * gross lines add up to the stored total exactly.
 *
 * The quote engine rounds tax once per quote line (the price, the fee). A "tax group" is one such
 * quote line: its tax is rounded once on the group's sum and, when the group is shown as several
 * invoice lines (an order's goods and delivery were one price), split over them by largest
 * remainder. The last taxed group takes what remains of the STORED tax, so the stored amounts —
 * not a recomputation — decide the totals.
 */
import { allocate, MoneyError, toWire } from '@/lib/core/money';
import { lineTax, type QuoteSnapshot } from '@/lib/finance/quote';
import type { InvoiceLine, InvoiceLineKey } from './schemas';

export interface InvoiceTotals {
  lines: InvoiceLine[];
  netMinor: bigint;
  taxMinor: bigint;
  totalMinor: bigint;
}

export interface LineSpec {
  key: InvoiceLineKey;
  description: string;
  suppliedBy: InvoiceLine['suppliedBy'];
  /** The stored amount of the line: net for exclusive prices, gross for inclusive ones. */
  amountMinor: bigint;
  note?: string;
}

export interface TaxGroup {
  taxRateBp: number;
  lines: LineSpec[];
}

export interface StoredTax {
  taxMinor: bigint;
  taxInclusive: boolean;
  totalMinor: bigint;
}

/** Lines of any subject from its tax groups and its stored tax and total (see the file comment). */
export function supplyLines(groups: readonly TaxGroup[], s: StoredTax): InvoiceTotals {
  const sum = (g: TaxGroup) => g.lines.reduce((a, l) => a + l.amountMinor, 0n);
  const taxed = (g: TaxGroup) => g.taxRateBp > 0 && sum(g) > 0n;
  const lastTaxed = groups.reduce((last, g, i) => (taxed(g) ? i : last), -1);
  let remaining = s.taxMinor;
  const lines: InvoiceLine[] = [];
  groups.forEach((g, i) => {
    let tax = 0n;
    if (taxed(g)) {
      tax = i === lastTaxed ? remaining : lineTax(sum(g), g.taxRateBp, s.taxInclusive);
      if (tax > remaining) tax = remaining;
      if (tax < 0n) tax = 0n;
      remaining -= tax;
    }
    const shares = g.lines.length === 1 || tax === 0n ? g.lines.map((_, j) => (j === 0 ? tax : 0n)) : allocate(tax, g.lines.map((l) => l.amountMinor));
    g.lines.forEach((l, j) => {
      const lt = shares[j];
      const net = s.taxInclusive ? l.amountMinor - lt : l.amountMinor;
      lines.push({
        key: l.key,
        description: l.description,
        ...(l.note ? { note: l.note } : {}),
        suppliedBy: l.suppliedBy,
        netMinor: toWire(net),
        taxMinor: toWire(lt),
        grossMinor: toWire(net + lt),
        taxRateBp: g.taxRateBp,
      });
    });
  });
  return checked(lines, s.totalMinor);
}

/** A booking: the provider's price line and the platform's service fee line. */
export function invoiceLines(s: Pick<QuoteSnapshot, 'priceMinor' | 'serviceFeeMinor' | 'taxMinor' | 'taxRateBp' | 'taxInclusive' | 'totalMinor'>, serviceTitle: string, platformName: string): InvoiceTotals {
  return supplyLines(
    [
      { taxRateBp: s.taxRateBp, lines: [{ key: 'price', description: serviceTitle, suppliedBy: 'provider', amountMinor: s.priceMinor }] },
      { taxRateBp: s.taxRateBp, lines: [serviceFeeLine(s.serviceFeeMinor, platformName)] },
    ],
    s,
  );
}

export const serviceFeeLine = (amountMinor: bigint, platformName: string): LineSpec => ({
  key: 'service_fee',
  description: `Service fee (${platformName}, as commercial agent)`,
  suppliedBy: 'platform',
  amountMinor,
});

/**
 * A credit note's lines for `amountMinor` refunded: the amount is split over the credited lines'
 * net and VAT parts in proportion (largest remainder), so each line and the total stay exact.
 * `credited` picks the lines the refund corrects (a rental refund corrects the rental charge, not
 * the settlement charges); the others are left off the credit note.
 */
export function creditLines(invoiceLinesIn: readonly InvoiceLine[], amountMinor: bigint, credited: (l: InvoiceLine) => boolean = () => true): InvoiceTotals {
  if (amountMinor <= 0n) throw new MoneyError('INVALID_AMOUNT', 'A credit note is for a positive refunded amount');
  const picked = invoiceLinesIn.filter(credited);
  if (picked.length === 0) throw new MoneyError('INVALID_AMOUNT', 'A credit note needs at least one line to correct');
  const weights = picked.flatMap((l) => [BigInt(l.netMinor), BigInt(l.taxMinor)]);
  const parts = allocate(amountMinor, weights);
  const lines = picked.map((l, i): InvoiceLine => {
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
    throw new MoneyError('INVALID_AMOUNT', `Invoice lines add up to ${totalMinor}, not the stored total ${expectedTotal}`);
  }
  return { lines, netMinor, taxMinor, totalMinor };
}
