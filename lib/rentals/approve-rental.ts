import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { loadRentalForWrite, moveRental, notifySide, requireSide, runRentalTx } from './internal';
import { rentalIdInput } from './schemas';

/** approveRental(ctx, { rentalId }) — the provider's admin accepts a request (requested → approved). */
export async function approveRental(ctx: Ctx, raw: unknown): Promise<{ rentalId: string; status: string }> {
  authorize(ctx.actor, 'rentals.manage');
  const input = parseInput(rentalIdInput, raw);
  return runRentalTx(ctx, async (c) => {
    const { rental: r, sides } = await loadRentalForWrite(c, input.rentalId);
    requireSide(sides, 'provider', 'approve a rental');
    const row = await moveRental(c, r, 'approved', 'approved by the provider');
    await notifySide(c, r, 'customer', { kind: 'rental.approved', title: `Rental ${r.reference} approved`, body: 'The provider will schedule the pickup.', key: 'approved' });
    await recordAudit(c, { action: 'rentals.approve', entityType: 'rental', entityId: r.id, tenantId: r.providerOrgId, data: { from: r.status } });
    return { rentalId: r.id, status: row.status };
  });
}
