import { and, eq, inArray } from 'drizzle-orm';
import { bookings, customJobs, disputes } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { loadBookingForWrite, moveStatus, newReference, notify, runBookingTx } from '@/lib/bookings/internal';
import { addEvent, disputeHref, emailsOf, mapUniqueViolation, operationsUserIds, sideUserIds, storeEvidence, type DTxCtx } from './internal';
import { liveStatuses, openRefusal, reasonLabels, responseDueAt, RESPONSE_DAYS } from './policy';
import { openDisputeInput } from './schemas';

/** The booking whose money a subject holds: the booking itself, or the awarded job's booking. */
async function subjectBookingId(c: DTxCtx, kind: 'booking' | 'job', subjectId: string): Promise<string> {
  if (kind === 'booking') return subjectId;
  const [row] = await c.tx
    .select({ id: bookings.id })
    .from(customJobs)
    .innerJoin(bookings, eq(bookings.bidId, customJobs.awardedBidId))
    .where(eq(customJobs.id, subjectId));
  if (!row) throw notFound('That job’s booking');
  return row.id;
}

/**
 * openDispute(ctx, { subjectKind, subjectId, reasonCode, reason, evidenceNote?, files? }) — the
 * booking's customer or the provider's admin, while the work is in progress or within 7 days of
 * completion. The booking moves to `disputed` (its money stays frozen), the other party has
 * RESPONSE_DAYS to respond; they and operations are told.
 */
export async function openDispute(ctx: Ctx, raw: unknown): Promise<{ disputeId: string; reference: string; responseDueAt: Date }> {
  authorize(ctx.actor, 'disputes.open');
  const input = parseInput(openDisputeInput, raw);
  return runBookingTx(ctx, async (c) => {
    const bookingId = await subjectBookingId(c, input.subjectKind, input.subjectId);
    const { booking: b, rel } = await loadBookingForWrite(c, bookingId);
    const side = rel.includes('customer') ? 'customer' : rel.includes('provider') ? 'provider' : null;
    if (!side) throw forbidden('Only the booking’s customer or the provider’s admin can open a dispute.');
    const [live] = await c.tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.subjectKind, input.subjectKind), eq(disputes.subjectId, input.subjectId), inArray(disputes.status, [...liveStatuses])));
    if (live) throw new AppError('CONFLICT', 'This booking already has an open dispute.', { disputeId: live.id });
    const refusal = openRefusal(b, c.now);
    if (refusal) throw new AppError('CONFLICT', refusal, { from: b.status, to: 'disputed' });

    const id = newId();
    const reference = newReference().replace(/^FX-/, 'DP-');
    const due = responseDueAt(c.now);
    const amount = toMinor(b.totalMinor);
    await c.tx
      .insert(disputes)
      .values({
        id,
        reference,
        subjectKind: input.subjectKind,
        subjectId: input.subjectId,
        bookingId: b.id,
        customerId: b.customerId,
        providerOrgId: b.providerOrgId,
        openedBy: c.actor.kind === 'user' ? c.actor.userId : null,
        openedByParty: side,
        reasonCode: input.reasonCode,
        reason: input.reason,
        responseDueAt: due,
        amountMinor: amount,
        currency: b.currency.trim(),
        createdAt: c.now,
        updatedAt: c.now,
      })
      .catch(mapUniqueViolation);
    await moveStatus(c, b, 'disputed', { note: `dispute ${reference} opened by the ${side}` });
    await addEvent(c, id, 'opened', side, `${reasonLabels[input.reasonCode]}: ${input.reason}`);
    const evidence = await storeEvidence(c, id, side, input.evidenceNote, input.files);
    if (evidence.length) await addEvent(c, id, 'evidence_added', side, `${evidence.length} item(s)`);

    const other = side === 'customer' ? 'provider' : 'customer';
    const otherIds = await sideUserIds(c.tx, { customerId: b.customerId, providerOrgId: b.providerOrgId }, other, c.now);
    const title = `Dispute ${reference} opened on booking ${b.reference}`;
    await notify(c.tx, otherIds, { kind: 'dispute.opened', title, body: `Please respond within ${RESPONSE_DAYS} days.`, href: disputeHref(other, id), businessKey: `dispute:${id}:opened` });
    await notify(c.tx, await operationsUserIds(c.tx, c.now), { kind: 'dispute.opened', title, href: disputeHref('operations', id), businessKey: `dispute:${id}:opened` });
    for (const to of await emailsOf(c.tx, otherIds)) {
      await queueMail(c.tx, {
        to,
        subject: title,
        text: `A dispute was opened on booking ${b.reference} (${reasonLabels[input.reasonCode]}).\n\nPlease respond by ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC. Until the dispute is resolved the booking's payment stays held.\n`,
        template: 'dispute.opened',
      });
    }
    await recordAudit(c, {
      action: 'disputes.open',
      entityType: 'dispute',
      entityId: id,
      tenantId: b.providerOrgId,
      data: { bookingId: b.id, subjectKind: input.subjectKind, reasonCode: input.reasonCode, party: side, amountMinor: toWire(amount), evidence: evidence.length },
    });
    await emitEvent(c, 'dispute.opened', { disputeId: id, bookingId: b.id, subjectKind: input.subjectKind, reasonCode: input.reasonCode, party: side }, b.providerOrgId);
    return { disputeId: id, reference, responseDueAt: due };
  });
}
