import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { moveStatus, notify, runBookingTx } from '@/lib/bookings/internal';
import { addEvent, disputeHref, loadDisputeForWrite, lockDisputeBooking, moveDispute, operationsUserIds, otherSide, partySide, sideUserIds } from './internal';
import { APPEAL_WINDOW_DAYS, appealClosesAt } from './policy';
import { appealInput } from './schemas';

/**
 * appealDispute(ctx, { disputeId, reason }) — either party, once, within APPEAL_WINDOW_DAYS of the
 * resolution. A completed booking goes back to `disputed`, so its pending money freezes again
 * until another operations user decides. The previous outcome stays on the row (as the baseline
 * the second decision's money is measured against); resolvedAt clears (the row is live again).
 */
export async function appealDispute(ctx: Ctx, raw: unknown): Promise<{ disputeId: string; status: string }> {
  authorize(ctx.actor, 'disputes.participate');
  const input = parseInput(appealInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { dispute: d, parties } = await loadDisputeForWrite(c, input.disputeId);
    const side = partySide(parties);
    if (d.appealCount >= 1) throw new AppError('CONFLICT', 'This dispute has already been appealed once; the appeal decision is final.', { from: d.status, to: 'appealed' });
    if (d.status !== 'resolved' || !d.resolvedAt) throw new AppError('CONFLICT', `A dispute that is ${d.status.replace(/_/g, ' ')} cannot become appealed.`, { from: d.status, to: 'appealed' });
    const closes = appealClosesAt(d.resolvedAt);
    if (c.now.getTime() > closes.getTime()) throw new AppError('CONFLICT', `Appeals close ${APPEAL_WINDOW_DAYS} days after the resolution.`, { appealClosedAt: closes.toISOString() });
    const row = await moveDispute(c, d, 'appealed', { appealCount: d.appealCount + 1, appealedAt: c.now, resolvedAt: null }, { kind: 'appealed', party: side, note: input.reason });
    const b = await lockDisputeBooking(c, d);
    if (b && b.status === 'completed') await moveStatus(c, b, 'disputed', { note: `dispute ${d.reference} appealed by the ${side}` });
    await addEvent(c, d.id, 'appeal_assigned', null, 'The appeal is decided by another operations user than the first resolver.', true);
    const other = otherSide(side);
    await notify(c.tx, await sideUserIds(c.tx, d, other, c.now), { kind: 'dispute.appealed', title: `Dispute ${d.reference} was appealed`, href: disputeHref(other, d.id), businessKey: `dispute:${d.id}:appealed` });
    await notify(c.tx, (await operationsUserIds(c.tx, c.now)).filter((u) => u !== d.firstResolvedBy), {
      kind: 'dispute.appealed',
      title: `Appeal on dispute ${d.reference} needs a second reviewer`,
      href: disputeHref('operations', d.id),
      businessKey: `dispute:${d.id}:appealed`,
    });
    await recordAudit(c, { action: 'disputes.appeal', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { party: side } });
    return { disputeId: d.id, status: row.status };
  });
}
