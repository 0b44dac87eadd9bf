import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { rentalReservations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { applyMove, availableNow, lockItem } from '@/lib/inventory/apply-move';
import { loadRentalForWrite, moveRental, notifySide, requireSide, runRentalTx } from './internal';
import { scheduleInput } from './schemas';

/** When the units still out with other renters are due back, for the 409 message. */
async function expectedReturns(c: Parameters<Parameters<typeof runRentalTx>[1]>[0], itemId: string, exceptId: string): Promise<string | null> {
  const [row] = rowsOf<{ due: string | null }>(
    await c.tx.execute(sql`select min(ends_at)::text as due from rentals where item_id = ${itemId} and id <> ${exceptId} and status in ('in_use', 'partially_returned', 'disputed')`),
  );
  return row?.due ? new Date(row.due).toISOString() : null;
}

/**
 * schedulePickup(ctx, { rentalId, pickupAt }) — approved → pickup_scheduled. The units are set
 * aside now ('reserve' move, reserved += q): 409 if they are not on hand at this moment (e.g.
 * still out with the previous renter), naming when the units out are expected back.
 */
export async function schedulePickup(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string; pickupAt: Date }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(scheduleInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'schedule a pickup');
    if (input.pickupAt.getTime() > r.endsAt.getTime()) throw new AppError('VALIDATION', 'The pickup must be before the rental ends.', { fieldErrors: { pickupAt: ['must be before the rental ends'] } });
    const item = await lockItem(c.tx, r.itemId);
    const notHere = async (detail: string) => {
      const due = await expectedReturns(c, r.itemId, r.id);
      return new AppError('CONFLICT', `${detail}${due ? ` Units out are expected back by ${due.slice(0, 16).replace('T', ' ')} UTC.` : ''}`, { from: r.status, to: 'pickup_scheduled', expectedReturnAt: due, available: availableNow(item) });
    };
    if (item.tracking === 'serialised') {
      const [out] = rowsOf<{ n: string | number }>(
        await c.tx.execute(sql`select count(*) as n from rental_reservations rr join inventory_units u on u.id = rr.unit_id where rr.rental_id = ${r.id} and rr.active and u.status <> 'in_stock'`),
      );
      if (Number(out?.n ?? 0) > 0) throw await notHere('A unit reserved for this rental is not back in stock yet.');
    }
    if (availableNow(item) < r.quantity) throw await notHere(`Only ${availableNow(item)} on hand and free now; ${r.quantity} needed.`);
    const row = await moveRental(c, r, 'pickup_scheduled', `pickup at ${input.pickupAt.toISOString()}`, { pickupAt: input.pickupAt });
    await applyMove(c, { itemId: r.itemId, kind: 'reserve', reservedDelta: r.quantity, rentalId: r.id, reason: `rental ${r.reference} pickup` });
    const [active] = await c.tx.select({ id: rentalReservations.id }).from(rentalReservations).where(and(eq(rentalReservations.rentalId, r.id), eq(rentalReservations.active, true))).limit(1);
    if (!active) throw new AppError('CONFLICT', 'This rental holds no reservation any more.', { from: r.status, to: 'pickup_scheduled' });
    await notifySide(c, r, 'customer', { kind: 'rental.pickup_scheduled', title: `Pickup for rental ${r.reference} scheduled`, body: `Pickup at ${input.pickupAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`, key: 'pickup_scheduled' });
    await recordAudit(c, { action: 'rentals.schedule_pickup', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { pickupAt: input.pickupAt.toISOString() } });
    return { rentalId: r.id, status: row.status, pickupAt: input.pickupAt };
  });
}
