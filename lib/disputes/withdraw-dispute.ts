import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { forbidden } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { moveStatus, notify, runBookingTx } from '@/lib/bookings/internal';
import { restoreRentalAfterDispute } from '@/lib/rentals/dispute-hooks';
import { disputeHref, loadDisputeForWrite, lockDisputeBooking, moveDispute, operationsUserIds, otherSide, partySide, sideUserIds, statusBeforeDispute } from './internal';
import { withdrawInput } from './schemas';

/**
 * withdrawDispute(ctx, { disputeId, note? }) — the party that opened it, before resolution. The
 * booking returns to where it was (completed or in progress); its money continues as before.
 */
export async function withdrawDispute(ctx: Ctx, raw: unknown): Promise<{ disputeId: string; status: string; bookingStatus: string | null }> {
  authorize(ctx.actor, 'disputes.participate');
  const input = parseInput(withdrawInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { dispute: d, parties } = await loadDisputeForWrite(c, input.disputeId);
    const side = partySide(parties);
    if (side !== d.openedByParty) throw forbidden('Only the party that opened the dispute can withdraw it.');
    const row = await moveDispute(c, d, 'withdrawn', {}, { kind: 'withdrawn', party: side, note: input.note });
    const b = await lockDisputeBooking(c, d);
    let bookingStatus: string | null = b?.status ?? null;
    if (b && b.status === 'disputed') {
      bookingStatus = (await moveStatus(c, b, statusBeforeDispute(b), { note: `dispute ${d.reference} withdrawn` })).status;
    }
    // A rental dispute: the rental goes back to the state the dispute interrupted.
    if (d.subjectKind === 'rental') await restoreRentalAfterDispute(c, d.subjectId, d.reference);
    const other = otherSide(side);
    await notify(c.tx, await sideUserIds(c.tx, d, other, c.now), { kind: 'dispute.withdrawn', title: `Dispute ${d.reference} was withdrawn`, href: disputeHref(other, d.id), businessKey: `dispute:${d.id}:withdrawn` });
    await notify(c.tx, await operationsUserIds(c.tx, c.now), { kind: 'dispute.withdrawn', title: `Dispute ${d.reference} was withdrawn`, href: disputeHref('operations', d.id), businessKey: `dispute:${d.id}:withdrawn` });
    await recordAudit(c, { action: 'disputes.withdraw', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { party: side, bookingStatus } });
    return { disputeId: d.id, status: row.status, bookingStatus };
  });
}
