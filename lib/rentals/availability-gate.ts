import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { visibleListingSql } from '@/lib/marketplace/visibility';

/**
 * Traffic control for the last unit. When many renters ask for the same item and window at once,
 * all but the first must lose — and a loser should cost one indexed read, not a transaction, a
 * quote, a document check and a wait on the item's row lock. This gate counts what is free for the
 * window exactly as the locked path does (serialised: units in stock or out whose reservations do
 * not overlap; bulk: on hand + out minus the overlapping reservations) and refuses only when fewer
 * than asked are free at the moment it reads. The locked path still decides every request it lets
 * through, and the exclusion constraint stays the safety net.
 */
export async function rentalCertainlyUnavailable(ex: Executor, input: { listingId: string; startsAt: Date; endsAt: Date; quantity: number }, now: Date): Promise<{ available: number } | null> {
  const from = input.startsAt.toISOString();
  const to = input.endsAt.toISOString();
  const rows = rowsOf<{ available: number | string }>(
    await ex.execute(sql`
      select case when i.tracking = 'serialised' then
               (select count(*) from inventory_units u
                 where u.item_id = i.id and u.status in ('in_stock', 'out')
                   and not exists (select 1 from rental_reservations r
                                    where r.unit_id = u.id and r.active and r.period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')))
             else
               greatest(0, i.on_hand + i.out_on_rent - coalesce((select sum(r.quantity) from rental_reservations r
                 where r.item_id = i.id and r.active and r.period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')), 0))
             end as available
        from listings l join inventory_items i on i.id = l.item_id
       where l.id = ${input.listingId}::uuid and l.kind = 'tool_rental' and ${visibleListingSql(now, 'l')}`),
  );
  const row = rows[0];
  // An unknown, hidden or unrentable listing is not this gate's business: the full path answers it
  // (and a hidden listing's stock is nobody's business).
  if (!row) return null;
  const available = Number(row.available);
  return available < input.quantity ? { available } : null;
}

/** The gate as a guard: the same 409 the locked path gives, before any transaction. */
export async function refuseUnavailableRental(ex: Executor, input: { listingId: string; startsAt: Date; endsAt: Date; quantity: number }, now: Date): Promise<void> {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) return;
  const gate = await rentalCertainlyUnavailable(ex, input, now);
  if (gate) throw new AppError('CONFLICT', `Only ${gate.available} available for those dates.`, { available: gate.available, requested: input.quantity, field: 'quantity' });
}
