import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, validation } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { refundableMinor, settleDisputeMoney } from '@/lib/finance/dispute-money';
import { cancelAllDeadlines, moveStatus, notify, releaseAssignments, runBookingTx } from '@/lib/bookings/internal';
import { disputeHref, loadDisputeForWrite, lockDisputeBooking, moveDispute, sideUserIds } from './internal';
import { assertDisputeMove, bookingStatusAfter, outcomeLabels, refundFor } from './policy';
import { resolveInput } from './schemas';
import { mailMoney } from '@/lib/bookings/mail-text';
import { rentalRefundableMinor, resolveRentalDispute } from '@/lib/rentals/dispute-hooks';

/**
 * resolveDispute(ctx, { disputeId, outcome, refundMinor?, note }) — operations decide. Money moves
 * only through lib/finance (refund of the difference to what was refunded before, release of the
 * provider's share); the booking leaves `disputed` (cancelled on a full refund, else completed).
 * An appealed dispute must be decided by another operations user than the first resolver.
 */
export async function resolveDispute(ctx: Ctx, raw: unknown): Promise<{ disputeId: string; outcome: string; refundMinor: bigint; refundedNowMinor: bigint; bookingStatus: string | null }> {
  authorize(ctx.actor, 'disputes.manage');
  const input = parseInput(resolveInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { dispute: d } = await loadDisputeForWrite(c, input.disputeId);
    assertDisputeMove(d.status, 'resolved');
    const me = c.actor.kind === 'user' ? c.actor.userId : null;
    const appeal = d.status === 'appealed';
    if (appeal && d.firstResolvedBy && d.firstResolvedBy === me) {
      throw new AppError('FORBIDDEN', 'You resolved this dispute first; an appeal must be decided by another operations user.', { firstResolvedBy: d.firstResolvedBy });
    }
    const b = await lockDisputeBooking(c, d);
    const before = appeal ? (d.refundMinor ?? 0n) : 0n;
    // What can still be refunded now, plus what this dispute refunded before (an appeal's ceiling).
    const rentalId = d.subjectKind === 'rental' ? d.subjectId : null;
    const refundable = b ? before + (await refundableMinor(c, b.id)) : rentalId ? before + (await rentalRefundableMinor(c, rentalId)) : 0n;
    const decided = refundFor(input.outcome, d.amountMinor, input.refundMinor, refundable);
    if ('error' in decided) throw validation({ refundMinor: [decided.error] });

    let refundedNow = 0n;
    let bookingStatus: string | null = b?.status ?? null;
    if (b) {
      const target = bookingStatusAfter(input.outcome);
      const settled = await settleDisputeMoney(c, {
        disputeId: d.id,
        reference: d.reference,
        bookingId: b.id,
        round: d.appealCount + 1,
        refundMinor: decided.refundMinor,
        alreadyRefundedMinor: before,
        release: target === 'completed',
      });
      refundedNow = settled.refundedMinor;
      if (b.status === 'disputed') {
        const note = `dispute ${d.reference} resolved: ${outcomeLabels[input.outcome].toLowerCase()}`;
        const row = await moveStatus(c, b, target, { note, set: target === 'completed' ? { completedAt: b.completedAt ?? c.now } : { cancelledAt: c.now, cancellationReason: note } });
        if (target === 'cancelled' || !b.completedAt) {
          await releaseAssignments(c.tx, b.id, c.now);
          await cancelAllDeadlines(c.tx, b.id, c.now);
        }
        bookingStatus = row.status;
      } else if (b.status === 'cancelled' && target === 'completed') {
        // A cancelled booking (full refund before the appeal) cannot be completed again.
        throw new AppError('CONFLICT', 'A booking that is cancelled cannot become completed.', { from: 'cancelled', to: 'completed' });
      }
    }
    let rentalStatus: string | null = null;
    if (rentalId) {
      // A rental dispute: refund of the rental charge (difference to earlier rounds) and the rental back to its state.
      const done = await resolveRentalDispute(c, { rentalId, disputeId: d.id, reference: d.reference, round: d.appealCount + 1, refundMinor: decided.refundMinor, alreadyRefundedMinor: before, outcomeLabel: outcomeLabels[input.outcome] });
      refundedNow = done.refundedNowMinor;
      rentalStatus = done.rentalStatus;
    }
    const row = await moveDispute(
      c,
      d,
      'resolved',
      { outcome: input.outcome, refundMinor: decided.refundMinor, resolutionNote: input.note, resolvedBy: me, resolvedAt: c.now, firstResolvedBy: d.firstResolvedBy ?? me },
      { kind: appeal ? 'appeal_resolved' : 'resolved', party: 'operations', note: `${outcomeLabels[input.outcome]}${decided.refundMinor ? ` (${mailMoney(decided.refundMinor, d.currency)})` : ''}: ${input.note}` },
    );
    const title = `Dispute ${d.reference} ${appeal ? 'appeal ' : ''}resolved: ${outcomeLabels[input.outcome].toLowerCase()}`;
    for (const side of ['customer', 'provider'] as const) {
      await notify(c.tx, await sideUserIds(c.tx, d, side, c.now), {
        kind: 'dispute.resolved',
        title,
        body: decided.refundMinor ? `Refund to the customer: ${mailMoney(decided.refundMinor, d.currency)}.` : '',
        href: disputeHref(side, d.id),
        businessKey: `dispute:${d.id}:resolved:${d.appealCount + 1}`,
      });
    }
    await recordAudit(c, {
      action: 'disputes.resolve',
      entityType: 'dispute',
      entityId: d.id,
      tenantId: d.providerOrgId,
      data: { outcome: input.outcome, refundMinor: toWire(decided.refundMinor), refundedNowMinor: toWire(refundedNow), appeal, bookingStatus, ...(rentalId ? { rentalStatus } : {}) },
    });
    return { disputeId: d.id, outcome: row.outcome!, refundMinor: decided.refundMinor, refundedNowMinor: refundedNow, bookingStatus };
  });
}
