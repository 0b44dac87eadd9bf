import { toCsv } from '@/lib/core/csv';
import { formatMajor } from '@/lib/core/money';
import type { Ctx } from '@/lib/core/context';
import { listItems } from './queries';

const major = (v: number | null, currency: string) => (v === null ? null : formatMajor(BigInt(v), currency));

/**
 * The provider's items as CSV (same filters as the console). Text cells go through
 * lib/core/csv.ts, which neutralises formula triggers (a SKU or name starting with "=" stays
 * text in a spreadsheet); amounts are written in major units with the currency beside them.
 */
export async function inventoryCsv(ctx: Ctx, raw: unknown = {}): Promise<string> {
  const items = await listItems(ctx, { ...(raw as object), limit: 1000 });
  return toCsv(
    ['SKU', 'Name', 'Kind', 'Mode', 'Tracking', 'On hand', 'Reserved', 'Out on rent', 'Available', 'Safety stock', 'Low stock', 'Currency', 'Daily rate', 'Deposit', 'Sale price', 'Replacement cost', 'Insurance required', 'Condition', 'Location', 'Status'],
    items.map((i) => [
      i.sku,
      i.name,
      i.kind,
      i.mode,
      i.tracking,
      i.onHand,
      i.reserved,
      i.outOnRent,
      i.available,
      i.safetyStock,
      i.lowStock ? 'yes' : 'no',
      i.currency,
      major(i.dailyRateMinor, i.currency),
      major(i.depositMinor, i.currency),
      major(i.salePriceMinor, i.currency),
      major(i.replacementCostMinor, i.currency),
      i.insuranceRequired ? 'yes' : 'no',
      i.condition,
      i.location,
      i.status,
    ]),
  );
}
