/**
 * Operations reassign a booking's crew (the SLA board's "Reassign"): any provider's booking, but
 * only within that provider — never another provider's servicemen — with a reason that lands in
 * the audit row and on the booking's timeline. The assignment itself is the provider's routine
 * (assignCrewInTx): booking row locked first, then the crew rows, old crew released in the same
 * transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '@/db/client';
import { bookingAssignments, bookings, organisations, services } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { loadCrew, loadServiceForSlots } from '@/lib/availability/queries';
import { freeForWindow } from '@/lib/availability/slots';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { loadBookingForWrite, occupiedWindow, runBookingTx } from './internal';
import { assignCrewInTx } from './provider-verbs';

const uuid = z.uuid({ message: 'must be a valid id' });

export const reassignCrewInput = z.object({
  bookingId: uuid,
  leadId: uuid,
  supportIds: z.array(uuid).max(20).default([]),
  reason: z.string({ message: 'is required' }).trim().min(3, { message: 'must say why (at least 3 characters)' }).max(500, { message: 'must be at most 500 characters' }),
});

export const reassignCandidatesInput = z.object({ bookingId: uuid });

export interface ReassignCandidate {
  id: string;
  name: string;
  canLead: boolean;
  /** Free for the whole window (buffers included): working, no time off, no other job. */
  free: boolean;
  current: 'lead' | 'support' | null;
}

export interface ReassignCandidates {
  bookingId: string;
  reference: string;
  status: string;
  crewSize: number;
  providerName: string;
  serviceTitle: string;
  startsAt: string | null;
  timeZone: string;
  candidates: ReassignCandidate[];
}

/**
 * reassignCrew(ctx, { bookingId, leadId, supportIds, reason }) — operations only. Completed,
 * cancelled or in-progress bookings are a 409 naming from/to; someone busy is a 409 naming who;
 * the old crew is told they were taken off, the new crew and the customer are told too.
 */
export async function reassignCrew(ctx: Ctx, raw: unknown): Promise<{ bookingId: string; status: string; servicemanIds: string[] }> {
  authorize(ctx.actor, 'bookings.reassign_any');
  const input = parseInput(reassignCrewInput, raw);
  return runBookingTx(ctx, async (c) => {
    const { booking: b, rel } = await loadBookingForWrite(c, input.bookingId);
    // A provider admin who also holds an operations role still acts as operations here, by design.
    if (!rel.includes('operations')) throw notFound('That booking');
    const { row, servicemanIds, previous } = await assignCrewInTx(
      c,
      b,
      { leadId: input.leadId, supportIds: input.supportIds },
      { via: 'operations', note: 'crew reassigned by operations', notOurs: "is not an active serviceman of this booking's provider with this skill" },
    );
    await recordAudit(c, {
      action: 'bookings.reassign_crew',
      entityType: 'booking',
      entityId: b.id,
      tenantId: b.providerOrgId,
      data: { reason: input.reason, servicemanIds, previous, from: b.status, status: row.status },
    });
    return { bookingId: b.id, status: row.status, servicemanIds };
  });
}

/**
 * The crew picker's list: the booking's provider's active servicemen with the service's skill, each
 * with whether he is free for the booking's window (an on-demand booking still waiting: now →
 * now + duration). The booking's own crew counts as free for its own window. Read only; the verb
 * locks and re-checks.
 */
export async function reassignCandidates(ctx: Ctx, raw: unknown): Promise<ReassignCandidates> {
  authorize(ctx.actor, 'bookings.reassign_any');
  const input = parseInput(reassignCandidatesInput, raw);
  const ex = exec(ctx);
  const [b] = await ex
    .select({ booking: bookings, providerName: organisations.name, serviceTitle: services.title })
    .from(bookings)
    .innerJoin(organisations, eq(organisations.id, bookings.providerOrgId))
    .innerJoin(services, eq(services.id, bookings.serviceId))
    .where(eq(bookings.id, input.bookingId));
  if (!b) throw notFound('That booking');
  const bk = b.booking;
  const svc = await loadServiceForSlots(ex, bk.serviceId);
  if (!svc) throw notFound('That service');
  const startsAt = bk.startsAt ?? ctx.now;
  const endsAt = bk.endsAt ?? new Date(ctx.now.getTime() + bk.durationMinutes * 60_000);
  const window = occupiedWindow(startsAt, endsAt, bk.bufferBeforeMinutes, bk.bufferAfterMinutes);
  const crew = await loadCrew(ex, svc, window.start, window.end);
  const current = await ex
    .select({ servicemanId: bookingAssignments.servicemanId, role: bookingAssignments.role, lo: sql<number>`(extract(epoch from lower(${bookingAssignments.window})) * 1000)::float8`, hi: sql<number>`(extract(epoch from upper(${bookingAssignments.window})) * 1000)::float8` })
    .from(bookingAssignments)
    .where(and(eq(bookingAssignments.bookingId, bk.id), eq(bookingAssignments.active, true)));
  // The booking's own assignment is not a clash for its own crew (one serviceman can hold no
  // two overlapping active windows, so an identical busy window is this booking's).
  for (const m of crew) {
    const own = current.find((a) => a.servicemanId === m.servicemanId);
    if (own) m.busy = m.busy.filter((w) => !(w.start.getTime() === Number(own.lo) && w.end.getTime() === Number(own.hi)));
  }
  const free = new Set(freeForWindow(crew, window).map((f) => f.servicemanId));
  const names = rowsOf<{ id: string; display_name: string }>(
    await ex.execute(sql`select id::text, display_name from servicemen where provider_org_id = ${bk.providerOrgId}::uuid and status = 'active' order by display_name, id`),
  );
  const byId = new Map(crew.map((m) => [m.servicemanId, m]));
  const candidates = names
    .filter((n) => byId.has(n.id))
    .map((n) => ({
      id: n.id,
      name: n.display_name,
      canLead: byId.get(n.id)!.canLead,
      free: free.has(n.id),
      current: (current.find((a) => a.servicemanId === n.id)?.role ?? null) as 'lead' | 'support' | null,
    }));
  return {
    bookingId: bk.id,
    reference: bk.reference,
    status: bk.status,
    crewSize: bk.crewSize,
    providerName: b.providerName,
    serviceTitle: b.serviceTitle,
    startsAt: bk.startsAt?.toISOString() ?? null,
    timeZone: bk.timeZone,
    candidates,
  };
}
