import { and, eq, sql } from 'drizzle-orm';
import { rentalCharges, rentalReservations, rentals } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { formatMajor, toWire } from '@/lib/core/money';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { lockItem } from '@/lib/inventory/apply-move';
import { extendableStatuses, MAX_RENTAL_DAYS, DAY_MS, rentalDays, rentalPrice } from './policy';
import { actorUserId, addTimeline, bulkCapacity, freeUnits, loadRentalForWrite, notifyOther, reservedQuantity, runRentalTx } from './internal';
import { extendInput } from './schemas';

const iso = (d: Date) => d.toISOString();

/**
 * extendRental(ctx, { rentalId, endsAt }) — the renter or the provider's admin moves the end later,
 * only if the item is free for the extra window (same rule as a request, this rental's own
 * reservations excepted). The extra days (recounted over the whole window) become an itemised
 * 'other' charge settled with the inspection charges (docs/rentals.md); reservations grow.
 */
export async function extendRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; endsAt: Date; extraDays: number; extraMinor: bigint }> {
  const input = parseInput(extendInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    const side = sides.includes('customer') ? 'customer' : sides.includes('provider') ? 'provider' : null;
    if (!side) throw new AppError('FORBIDDEN', 'Only the renter or the provider’s admin can extend a rental.');
    if (!extendableStatuses.includes(r.status)) throw new AppError('CONFLICT', `A rental that is ${r.status.replace(/_/g, ' ')} cannot be extended.`, { from: r.status, to: r.status });
    if (input.endsAt.getTime() <= r.endsAt.getTime()) throw new AppError('VALIDATION', 'The new end must be after the current end.', { fieldErrors: { endsAt: ['must be after the current end'] } });
    if (input.endsAt.getTime() - r.startsAt.getTime() > MAX_RENTAL_DAYS * DAY_MS) throw new AppError('VALIDATION', `A rental lasts at most ${MAX_RENTAL_DAYS} days.`, { fieldErrors: { endsAt: [`must be within ${MAX_RENTAL_DAYS} days of the start`] } });
    const item = await lockItem(c.tx, r.itemId);
    const outstanding = r.quantity - r.returnedQuantity;
    const reservations = await c.tx.select().from(rentalReservations).where(and(eq(rentalReservations.rentalId, r.id), eq(rentalReservations.active, true)));
    if (item.tracking === 'serialised') {
      const free = new Set(await freeUnits(c.tx, item.id, r.endsAt, input.endsAt, r.id));
      const busy = reservations.filter((x) => x.unitId && !free.has(x.unitId));
      if (busy.length) throw new AppError('CONFLICT', 'The item is booked by someone else in the extra days; it cannot be extended.', { from: r.status, to: r.status, unavailableUnits: busy.length });
    } else {
      const used = await reservedQuantity(c.tx, item.id, r.endsAt, input.endsAt, r.id);
      const available = Math.max(0, bulkCapacity(item) - used);
      if (outstanding > available) throw new AppError('CONFLICT', `Only ${available} available for the extra days.`, { from: r.status, to: r.status, available });
    }
    // The extra days of the WHOLE window (so a part day already paid is not charged twice).
    const extraDays = rentalDays(r.startsAt, input.endsAt) - rentalDays(r.startsAt, r.endsAt);
    const units = r.status === 'in_use' || r.status === 'partially_returned' ? outstanding : r.quantity;
    const extra = rentalPrice(r.dailyRateMinor, extraDays, units);
    for (const res of reservations) {
      await c.tx.execute(sql`update rental_reservations set period = tstzrange(lower(period), ${iso(input.endsAt)}::timestamptz, '[)') where id = ${res.id}`);
    }
    await c.tx.update(rentals).set({ endsAt: input.endsAt, version: sql`${rentals.version} + 1`, updatedAt: c.now }).where(eq(rentals.id, r.id));
    if (extra > 0n) {
      await c.tx.insert(rentalCharges).values({
        id: newId(),
        rentalId: r.id,
        kind: 'other',
        label: `Extension: ${extraDays} extra day${extraDays === 1 ? '' : 's'} × ${units} × ${formatMajor(r.dailyRateMinor, r.currency)}`,
        amountMinor: extra,
        createdBy: actorUserId(c),
        createdAt: c.now,
      });
    }
    const note = `extended to ${iso(input.endsAt).slice(0, 16).replace('T', ' ')} UTC by the ${side}${extra ? ` (+${formatMajor(extra, r.currency)})` : ''}`;
    await addTimeline(c, r.id, r.status, r.status, note);
    await notifyOther(c, r, side, { kind: 'rental.extended', title: `Rental ${r.reference} extended`, body: note, key: `extended:${iso(input.endsAt)}` });
    await recordAudit(c, { action: 'rentals.extend', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { from: iso(r.endsAt), to: iso(input.endsAt), extraDays, extraMinor: toWire(extra), side } });
    return { rentalId: r.id, endsAt: input.endsAt, extraDays, extraMinor: extra };
  });
}
