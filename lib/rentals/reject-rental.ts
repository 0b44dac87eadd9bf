import { rentalReservations } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { voidRentalPayments } from '@/lib/finance/rental-money';
import { loadRentalForWrite, moneyOf, moveRental, notifySide, requireSide, runRentalTx } from './internal';
import { rejectInput } from './schemas';

/** rejectRental(ctx, { rentalId, reason }) — requested → rejected; reservations end, the hold is voided. */
export async function rejectRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(rejectInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'reject a rental');
    const row = await moveRental(c, r, 'rejected', input.reason, { rejectionReason: input.reason });
    await c.tx.update(rentalReservations).set({ active: false }).where(eq(rentalReservations.rentalId, r.id));
    await voidRentalPayments(c, moneyOf(r));
    await notifySide(c, r, 'customer', { kind: 'rental.rejected', title: `Rental ${r.reference} was declined`, body: input.reason, key: 'rejected' });
    await recordAudit(c, { action: 'rentals.reject', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { from: r.status } });
    return { rentalId: r.id, status: row.status };
  });
}
