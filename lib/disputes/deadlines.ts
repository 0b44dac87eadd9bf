/**
 * The response-deadline job (pg-boss `disputes.deadlines`): a reminder to the responder
 * RESPONSE_REMINDER_HOURS before the deadline, and when it passes an escalation to operations and
 * the move to review. Each dispute is its own short transaction; the reminder is once per dispute
 * (a timeline row + notification business keys), the escalation once by the status move.
 */
import { and, eq, lte } from 'drizzle-orm';
import { db } from '@/db/client';
import { disputeEvents, disputes } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { notify } from '@/lib/bookings/internal';
import { addEvent, disputeHref, moveDispute, normaliseDispute, operationsUserIds, sideUserIds } from './internal';
import { RESPONSE_REMINDER_HOURS } from './policy';

export async function runDisputeDeadlines(at: Date, limit = 200): Promise<{ reminded: number; escalated: number }> {
  const ctx: Ctx = { actor: { kind: 'system', job: 'disputes.deadlines', roles: [] }, requestId: newId(), now: at };
  const soon = new Date(at.getTime() + RESPONSE_REMINDER_HOURS * 3_600_000);
  const due = await db()
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(eq(disputes.status, 'awaiting_response'), lte(disputes.responseDueAt, soon)))
    .orderBy(disputes.responseDueAt)
    .limit(limit);
  let reminded = 0;
  let escalated = 0;
  for (const { id } of due) {
    await db().transaction(async (tx) => {
      const c = { ...ctx, tx };
      const [raw] = await tx.select().from(disputes).where(eq(disputes.id, id)).for('update');
      if (!raw || raw.status !== 'awaiting_response') return;
      const d = normaliseDispute(raw);
      const responder = d.openedByParty === 'customer' ? 'provider' : 'customer';
      if (d.responseDueAt.getTime() <= at.getTime()) {
        await addEvent(c, d.id, 'deadline_missed', null, `no response by ${d.responseDueAt.toISOString()}`);
        await moveDispute(c, d, 'under_review', {}, { kind: 'review_started', party: null, note: 'review starts: the response deadline passed' });
        await notify(tx, await operationsUserIds(tx, at), { kind: 'dispute.escalated', title: `Dispute ${d.reference}: no response by the deadline`, href: disputeHref('operations', d.id), businessKey: `dispute:${d.id}:escalated` });
        await recordAudit(c, { action: 'disputes.escalate', entityType: 'dispute', entityId: d.id, tenantId: d.providerOrgId, data: { responseDueAt: d.responseDueAt.toISOString() } });
        escalated += 1;
        return;
      }
      const [sent] = await tx.select({ id: disputeEvents.id }).from(disputeEvents).where(and(eq(disputeEvents.disputeId, d.id), eq(disputeEvents.kind, 'reminder_sent'))).limit(1);
      if (sent) return;
      await notify(tx, await sideUserIds(tx, d, responder, at), {
        kind: 'dispute.reminder',
        title: `Dispute ${d.reference}: please respond by ${d.responseDueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        href: disputeHref(responder, d.id),
        businessKey: `dispute:${d.id}:reminder`,
      });
      await addEvent(c, d.id, 'reminder_sent', null, `reminder to the ${responder}`);
      reminded += 1;
    });
  }
  return { reminded, escalated };
}
