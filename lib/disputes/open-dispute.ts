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
import { openRentalDispute } from '@/lib/rentals/dispute-hooks';

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
    const [live] = await c.tx
      .select({ id: disputes.id })
      .from(disputes)
      .where(and(eq(disputes.subjectKind, input.subjectKind), eq(disputes.subjectId, input.subjectId), inArray(disputes.status, [...liveStatuses])));
    const id = newId();
    const reference = newReference().replace(/^FX-/, 'DP-');
    const due = responseDueAt(c.now);
    // The subject whose money the dispute holds: a booking (directly or the awarded job's) or a rental.
    let s: { bookingId: string | null; customerId: string; providerOrgId: string; currency: string; amount: bigint; label: string; side: 'customer' | 'provider' };
    if (input.subjectKind === 'rental') {
      if (live) throw new AppError('CONFLICT', 'This rental already has an open dispute.', { disputeId: live.id });
      const r = await openRentalDispute(c, input.subjectId, `dispute ${reference} opened`);
      s = { bookingId: null, customerId: r.customerId, providerOrgId: r.providerOrgId, currency: r.currency, amount: r.amountMinor, label: `rental ${r.reference}`, side: r.side };
    } else {
      const bookingId = await subjectBookingId(c, input.subjectKind, input.subjectId);
      const { booking: b, rel } = await loadBookingForWrite(c, bookingId);
      const side = rel.includes('customer') ? 'customer' : rel.includes('provider') ? 'provider' : null;
      if (!side) throw forbidden('Only the booking’s customer or the provider’s admin can open a dispute.');
      if (live) throw new AppError('CONFLICT', 'This booking already has an open dispute.', { disputeId: live.id });
      const refusal = openRefusal(b, c.now);
      if (refusal) throw new AppError('CONFLICT', refusal, { from: b.status, to: 'disputed' });
      s = { bookingId: b.id, customerId: b.customerId, providerOrgId: b.providerOrgId, currency: b.currency.trim(), amount: toMinor(b.totalMinor), label: `booking ${b.reference}`, side };
      await moveStatus(c, b, 'disputed', { note: `dispute ${reference} opened by the ${side}` });
    }
    const side = s.side;
    const amount = s.amount;
    await c.tx
      .insert(disputes)
      .values({
        id,
        reference,
        subjectKind: input.subjectKind,
        subjectId: input.subjectId,
        bookingId: s.bookingId,
        customerId: s.customerId,
        providerOrgId: s.providerOrgId,
        openedBy: c.actor.kind === 'user' ? c.actor.userId : null,
        openedByParty: side,
        reasonCode: input.reasonCode,
        reason: input.reason,
        responseDueAt: due,
        amountMinor: amount,
        currency: s.currency,
        createdAt: c.now,
        updatedAt: c.now,
      })
      .catch(mapUniqueViolation);
    await addEvent(c, id, 'opened', side, `${reasonLabels[input.reasonCode]}: ${input.reason}`);
    const evidence = await storeEvidence(c, id, side, input.evidenceNote, input.files);
    if (evidence.length) await addEvent(c, id, 'evidence_added', side, `${evidence.length} item(s)`);

    const other = side === 'customer' ? 'provider' : 'customer';
    const otherIds = await sideUserIds(c.tx, { customerId: s.customerId, providerOrgId: s.providerOrgId }, other, c.now);
    const title = `Dispute ${reference} opened on ${s.label}`;
    await notify(c.tx, otherIds, { kind: 'dispute.opened', title, body: `Please respond within ${RESPONSE_DAYS} days.`, href: disputeHref(other, id), businessKey: `dispute:${id}:opened` });
    await notify(c.tx, await operationsUserIds(c.tx, c.now), { kind: 'dispute.opened', title, href: disputeHref('operations', id), businessKey: `dispute:${id}:opened` });
    for (const to of await emailsOf(c.tx, otherIds)) {
      await queueMail(c.tx, {
        to,
        subject: title,
        text: `A dispute was opened on ${s.label} (${reasonLabels[input.reasonCode]}).\n\nPlease respond by ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC. Until the dispute is resolved the ${s.bookingId ? 'booking' : 'rental'}'s payment stays held.\n`,
        template: 'dispute.opened',
      });
    }
    await recordAudit(c, {
      action: 'disputes.open',
      entityType: 'dispute',
      entityId: id,
      tenantId: s.providerOrgId,
      data: { bookingId: s.bookingId, subjectKind: input.subjectKind, reasonCode: input.reasonCode, party: side, amountMinor: toWire(amount), evidence: evidence.length },
    });
    await emitEvent(c, 'dispute.opened', { disputeId: id, bookingId: s.bookingId, subjectKind: input.subjectKind, reasonCode: input.reasonCode, party: side }, s.providerOrgId);
    return { disputeId: id, reference, responseDueAt: due };
  });
}
