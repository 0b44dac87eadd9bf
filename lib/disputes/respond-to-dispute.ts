import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, forbidden } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { notify } from '@/lib/bookings/internal';
import { addEvent, disputeHref, loadDisputeForWrite, moveDispute, operationsUserIds, partySide, sideUserIds, storeEvidence } from './internal';
import { respondInput } from './schemas';

/**
 * respondToDispute(ctx, { disputeId, response, files? }) — the OTHER party, before the response
 * deadline. The response moves the dispute to review straight away.
 */
export async function respondToDispute(ctx: Ctx, raw: unknown): Promise<{ disputeId: string; status: string }> {
  authorize(ctx.actor, 'disputes.participate');
  const input = parseInput(respondInput, raw);
  return withTx(ctx, async (c) => {
    const { dispute: d, parties } = await loadDisputeForWrite(c, input.disputeId);
    const side = partySide(parties);
    if (side === d.openedByParty) throw forbidden('The other party responds to a dispute; you can add evidence instead.');
    if (d.status !== 'awaiting_response') throw new AppError('CONFLICT', 'This dispute is no longer waiting for a response.', { from: d.status, to: 'under_review' });
    if (c.now.getTime() > d.responseDueAt.getTime()) throw new AppError('CONFLICT', 'The response deadline has passed; operations are reviewing the dispute. You can still add evidence.', { responseDueAt: d.responseDueAt.toISOString() });
    const evidence = await storeEvidence(c, d.id, side, '', input.files);
    await addEvent(c, d.id, 'responded', side, input.response);
    if (evidence.length) await addEvent(c, d.id, 'evidence_added', side, `${evidence.length} item(s)`);
    const row = await moveDispute(c, d, 'under_review', { respondedAt: c.now, response: input.response }, { kind: 'review_started', party: null, note: 'review starts: the response arrived' });
    await notify(c.tx, await sideUserIds(c.tx, d, d.openedByParty === 'customer' ? 'customer' : 'provider', c.now), {
      kind: 'dispute.responded',
      title: `Dispute ${d.reference}: the other party responded`,
      href: disputeHref(d.openedByParty, d.id),
      businessKey: `dispute:${d.id}:responded`,
    });
    await notify(c.tx, await operationsUserIds(c.tx, c.now), { kind: 'dispute.responded', title: `Dispute ${d.reference} is ready for review`, href: disputeHref('operations', d.id), businessKey: `dispute:${d.id}:responded` });
    await recordAudit(c, { action: 'disputes.respond', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { party: side, evidence: evidence.length } });
    return { disputeId: d.id, status: row.status };
  });
}
