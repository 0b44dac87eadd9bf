import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { inventoryUnits, rentalReservations, rentalReturns, rentals } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { applyMove } from '@/lib/inventory/apply-move';
import { autoResolveAlerts } from '@/lib/inventory/alert-hooks';
import { lateDays, outStatuses } from './policy';
import { actorUserId, addTimeline, loadRentalForWrite, moveRental, notifySide, requireSide, runRentalTx } from './internal';
import { storeRentalPhotos } from './photos';
import { returnInput } from './schemas';

/**
 * recordReturn(ctx, { rentalId, quantity? | unitIds?, condition, note, photos }) — the provider
 * records units handed back, partly or all. Late days are counted per return (ceil of the time past
 * the due end). Stock moves back ('return': out −q, on hand +q), serialised units go back in stock
 * and their reservations end. All back → inspection_pending (and a live overdue alert resolves);
 * otherwise partially_returned.
 */
export async function recordReturn(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string; returnId: string; quantity: number; lateDays: number; outstanding: number }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(returnInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'record a return');
    if (!outStatuses.includes(r.status)) {
      throw new AppError('CONFLICT', `A rental that is ${r.status.replace(/_/g, ' ')} cannot take a return.`, { from: r.status, to: 'partially_returned' });
    }
    const outstanding = r.quantity - r.returnedQuantity;
    const out = rowsOf<{ unit_id: string }>(
      await c.tx.execute(sql`
        select rr.unit_id from rental_reservations rr join inventory_units u on u.id = rr.unit_id
        where rr.rental_id = ${r.id} and rr.active and u.status = 'out' order by u.serial, u.id`),
    ).map((x) => x.unit_id);
    let unitIds: string[] = [];
    let q: number;
    if (out.length) {
      if (input.unitIds.length) {
        const foreign = input.unitIds.filter((u) => !out.includes(u));
        if (foreign.length) throw new AppError('VALIDATION', 'Some units are not out on this rental.', { fieldErrors: { unitIds: [`not out on this rental: ${foreign.join(', ')}`] } });
        unitIds = [...new Set(input.unitIds)];
      } else {
        unitIds = out.slice(0, input.quantity ?? outstanding);
      }
      q = unitIds.length;
    } else {
      q = input.quantity ?? outstanding;
    }
    if (q < 1) throw new AppError('VALIDATION', 'Say how many units came back.', { fieldErrors: { quantity: ['must be at least 1'] } });
    if (q > outstanding) throw new AppError('VALIDATION', `Only ${outstanding} still out on this rental.`, { fieldErrors: { quantity: [`must be at most ${outstanding}`] } });

    const late = lateDays(c.now, r.endsAt);
    const returnId = newId();
    await c.tx.insert(rentalReturns).values({ id: returnId, rentalId: r.id, quantity: q, unitIds, returnedAt: c.now, lateDays: late, condition: input.condition, note: input.note, receivedBy: actorUserId(c), createdAt: c.now });
    await applyMove(c, { itemId: r.itemId, kind: 'return', outDelta: -q, onHandDelta: q, rentalId: r.id, reason: `rental ${r.reference} return` });
    if (unitIds.length) {
      await c.tx.update(inventoryUnits).set({ status: 'in_stock', condition: input.condition, updatedAt: c.now }).where(inArray(inventoryUnits.id, unitIds));
      await c.tx.update(rentalReservations).set({ active: false }).where(and(eq(rentalReservations.rentalId, r.id), inArray(rentalReservations.unitId, unitIds)));
    } else {
      // Bulk: the reservation shrinks to what is still out (ends when nothing is).
      const left = outstanding - q;
      await c.tx
        .update(rentalReservations)
        .set(left > 0 ? { quantity: left } : { active: false })
        .where(and(eq(rentalReservations.rentalId, r.id), eq(rentalReservations.active, true)));
    }
    await storeRentalPhotos(c, r.id, 'return', input.photos);
    const returned = r.returnedQuantity + q;
    const all = returned === r.quantity;
    const note = `${q} returned in ${input.condition} condition${late ? `, ${late} day(s) late` : ''}${input.note ? `: ${input.note}` : ''}`;
    let status = r.status;
    if (all || r.status === 'in_use') {
      const row = await moveRental(c, r, all ? 'inspection_pending' : 'partially_returned', note, { returnedQuantity: returned });
      status = row.status;
    } else {
      await c.tx.update(rentals).set({ returnedQuantity: returned, version: sql`${rentals.version} + 1`, updatedAt: c.now }).where(eq(rentals.id, r.id));
      await addTimeline(c, r.id, r.status, r.status, note);
    }
    if (all) await autoResolveAlerts(c, { rentalId: r.id, kind: 'overdue_return', note: 'All units returned' });
    await emitEvent(c, 'rental.returned', { rentalId: r.id, quantity: q, lateDays: late }, r.providerOrgId);
    await notifySide(c, r, 'customer', { kind: 'rental.returned', title: `Return recorded for rental ${r.reference}`, body: note, key: `returned:${returnId}` });
    await recordAudit(c, { action: 'rentals.return', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { returnId, quantity: q, units: unitIds.length, lateDays: late, all } });
    return { rentalId: r.id, status, returnId, quantity: q, lateDays: late, outstanding: r.quantity - returned };
  });
}
