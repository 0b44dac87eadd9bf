import { eq } from 'drizzle-orm';
import { rentalReservations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { voidRentalPayments } from '@/lib/finance/rental-money';
import { applyMove } from '@/lib/inventory/apply-move';
import { loadRentalForWrite, moneyOf, moveRental, notifyOther, runRentalTx, type RTx, type RentalRow, type Side } from './internal';
import { cancelInput } from './schemas';

/** The cancellation itself, shared with the sweeper's auto-cancel (caller holds the row lock). */
export async function cancelLocked(c: RTx, r: RentalRow, side: Side, reason: string): Promise<RentalRow> {
  const note = reason || `cancelled by the ${side}`;
  const row = await moveRental(c, r, 'cancelled', note, { cancelledAt: c.now, cancellationReason: note });
  if (r.status === 'pickup_scheduled') await applyMove(c, { itemId: r.itemId, kind: 'release', reservedDelta: -r.quantity, rentalId: r.id, reason: `rental ${r.reference} cancelled` });
  await c.tx.update(rentalReservations).set({ active: false }).where(eq(rentalReservations.rentalId, r.id));
  await voidRentalPayments(c, moneyOf(r));
  await notifyOther(c, r, side, { kind: 'rental.cancelled', title: `Rental ${r.reference} was cancelled`, body: note, key: 'cancelled' });
  await recordAudit(c, { action: 'rentals.cancel', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { from: r.status, side } });
  return row;
}

/**
 * cancelRental(ctx, { rentalId, reason? }) — the renter or the provider's admin, before checkout.
 * Fee-free (docs/rentals.md): the hold is voided, a scheduled pickup's stock is released.
 */
export async function cancelRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string }> {
  const input = parseInput(cancelInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    const side = sides.includes('customer') ? 'customer' : sides.includes('provider') ? 'provider' : null;
    if (!side) throw new AppError('FORBIDDEN', 'Only the renter or the provider’s admin can cancel a rental.');
    const row = await cancelLocked(c, r, side, input.reason);
    return { rentalId: r.id, status: row.status };
  });
}
