import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { inventoryUnits, rentalReservations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { checkoutRentalMoney } from '@/lib/finance/rental-money';
import { applyMove } from '@/lib/inventory/apply-move';
import { assertRentalMove } from './policy';
import { loadRentalForWrite, moneyOf, moveRental, notifySide, requireSide, runRentalTx } from './internal';
import { storeRentalPhotos } from './photos';
import { checkoutInput } from './schemas';

/**
 * checkoutRental(ctx, { rentalId, condition, note, photos }) — pickup_scheduled → in_use. The
 * deposit hold is authorised first (a declined card changes nothing: 409), then the rental charge
 * is captured into escrow, the stock moves out ('checkout': reserved −q, on hand −q, out +q) and
 * serialised units become `out`. Condition, note and photos are the handover record.
 */
export async function checkoutRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string; depositHeldMinor: bigint; photoIds: string[] }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(checkoutInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'check a rental out');
    assertRentalMove(r.status, 'in_use');
    const money = await checkoutRentalMoney(c, moneyOf(r));
    const units = await c.tx
      .select({ unitId: rentalReservations.unitId })
      .from(rentalReservations)
      .where(and(eq(rentalReservations.rentalId, r.id), eq(rentalReservations.active, true), isNotNull(rentalReservations.unitId)));
    const unitIds = units.map((u) => u.unitId!);
    await applyMove(c, { itemId: r.itemId, kind: 'checkout', reservedDelta: -r.quantity, onHandDelta: -r.quantity, outDelta: r.quantity, rentalId: r.id, reason: `rental ${r.reference} checkout` });
    if (unitIds.length) await c.tx.update(inventoryUnits).set({ status: 'out', updatedAt: c.now }).where(inArray(inventoryUnits.id, unitIds));
    const photoIds = await storeRentalPhotos(c, r.id, 'checkout', input.photos);
    const row = await moveRental(c, r, 'in_use', `checked out in ${input.condition} condition${input.note ? `: ${input.note}` : ''}`, {
      checkedOutAt: c.now,
      checkoutCondition: input.condition,
      checkoutNote: input.note,
    });
    await notifySide(c, r, 'customer', {
      kind: 'rental.checked_out',
      title: `Rental ${r.reference} checked out`,
      body: `Due back ${r.endsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      key: 'checked_out',
    });
    await recordAudit(c, {
      action: 'rentals.checkout',
      entityType: 'rental',
      entityId: r.id,
      tenantId: r.providerOrgId,
      data: { condition: input.condition, photos: photoIds.length, units: unitIds.length, capturedMinor: toWire(money.capturedMinor), depositMinor: toWire(r.depositMinor) },
    });
    return { rentalId: r.id, status: row.status, depositHeldMinor: r.depositMinor, photoIds };
  });
}
