/**
 * Reads of disputes, scoped by who asks: operations see every dispute and everything on it; the
 * parties see their own disputes, the timeline and each other's evidence except what operations
 * marked internal (and internal timeline rows). A dispute the caller may not see is NOT_FOUND.
 */
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { bookings, disputeEvents, disputeEvidence, disputes, organisations, rentals, storedFiles, users } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import { exec, type Actor, type Ctx } from '@/lib/core/context';
import { forbidden, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { readStoredFile } from '@/lib/storage';
import { providerAdminOrgIds } from '@/lib/bookings/internal';
import { normaliseDispute, partiesOf, type DisputeRow } from './internal';
import { appealClosesAt, type Party } from './policy';
import { listInput } from './schemas';

export type Scope = 'customer' | 'provider' | 'operations';

function scopeWhere(actor: Actor, scope: Scope): SQL {
  if (actor.kind !== 'user') throw forbidden();
  if (scope === 'operations') {
    authorize(actor, 'disputes.manage');
    return sql`true`;
  }
  authorize(actor, 'disputes.participate');
  if (scope === 'customer') return eq(disputes.customerId, actor.userId);
  const orgs = providerAdminOrgIds(actor);
  return orgs.length ? inArray(disputes.providerOrgId, orgs) : sql`false`;
}

export interface DisputeListItem {
  id: string;
  reference: string;
  status: DisputeRow['status'];
  reasonCode: string;
  bookingId: string | null;
  /** 'booking' | 'job' | 'rental': what `bookingReference` names (a rental's own reference for rentals). */
  subjectKind: DisputeRow['subjectKind'];
  bookingReference: string | null;
  providerName: string;
  customerName: string;
  amountMinor: bigint;
  refundMinor: bigint | null;
  currency: string;
  outcome: DisputeRow['outcome'];
  responseDueAt: Date;
  createdAt: Date;
  overdue: boolean;
}

export async function listDisputes(ctx: Ctx, scope: Scope, raw: unknown = {}): Promise<DisputeListItem[]> {
  const q = parseInput(listInput, raw);
  const where: SQL[] = [scopeWhere(ctx.actor, scope)];
  if (q.status) where.push(eq(disputes.status, q.status));
  if (q.overdue) where.push(and(eq(disputes.status, 'awaiting_response'), lt(disputes.responseDueAt, ctx.now))!);
  if (q.olderThanDays !== undefined) where.push(lt(disputes.createdAt, new Date(ctx.now.getTime() - q.olderThanDays * 86_400_000)));
  const rows = await exec(ctx)
    .select({ d: disputes, bookingReference: sql<string | null>`coalesce(${bookings.reference}, ${rentals.reference})`, providerName: organisations.name, customerName: users.name })
    .from(disputes)
    .leftJoin(bookings, eq(bookings.id, disputes.bookingId))
    .leftJoin(rentals, and(eq(disputes.subjectKind, 'rental'), eq(rentals.id, disputes.subjectId)))
    .innerJoin(organisations, eq(organisations.id, disputes.providerOrgId))
    .innerJoin(users, eq(users.id, disputes.customerId))
    .where(and(...where))
    .orderBy(scope === 'operations' ? asc(disputes.responseDueAt) : desc(disputes.createdAt))
    .limit(q.limit);
  return rows.map(({ d: raw, bookingReference, providerName, customerName }) => {
    const d = normaliseDispute(raw);
    return {
      id: d.id,
      reference: d.reference,
      status: d.status,
      reasonCode: d.reasonCode,
      bookingId: d.bookingId,
      subjectKind: d.subjectKind,
      bookingReference,
      providerName,
      customerName,
      amountMinor: d.amountMinor,
      refundMinor: d.refundMinor,
      currency: d.currency,
      outcome: d.outcome,
      responseDueAt: d.responseDueAt,
      createdAt: d.createdAt,
      overdue: d.status === 'awaiting_response' && d.responseDueAt.getTime() < ctx.now.getTime(),
    };
  });
}

export interface DisputeDetail {
  dispute: DisputeRow;
  parties: Party[];
  bookingReference: string | null;
  bookingStatus: string | null;
  providerName: string;
  customerName: string;
  appealClosesAt: Date | null;
  evidence: Array<{ id: string; party: Party; note: string; internal: boolean; createdAt: Date; file: { name: string; contentType: string; sizeBytes: number } | null }>;
  events: Array<{ id: string; kind: string; party: Party | null; note: string; internal: boolean; at: Date; actorName: string | null }>;
}

/** One dispute as the caller may see it (internal items only for operations). */
export async function getDispute(ctx: Ctx, disputeId: string): Promise<DisputeDetail> {
  if (!can(ctx.actor, 'disputes.manage')) authorize(ctx.actor, 'disputes.participate');
  if (!/^[0-9a-f-]{36}$/i.test(disputeId)) throw notFound('That dispute');
  const ex = exec(ctx);
  const [row] = await ex
    .select({
      d: disputes,
      bookingReference: sql<string | null>`coalesce(${bookings.reference}, ${rentals.reference})`,
      bookingStatus: sql<string | null>`coalesce(${bookings.status}::text, ${rentals.status}::text)`,
      providerName: organisations.name,
      customerName: users.name,
    })
    .from(disputes)
    .leftJoin(bookings, eq(bookings.id, disputes.bookingId))
    .leftJoin(rentals, and(eq(disputes.subjectKind, 'rental'), eq(rentals.id, disputes.subjectId)))
    .innerJoin(organisations, eq(organisations.id, disputes.providerOrgId))
    .innerJoin(users, eq(users.id, disputes.customerId))
    .where(eq(disputes.id, disputeId));
  if (!row) throw notFound('That dispute');
  const d = normaliseDispute(row.d);
  const parties = partiesOf(ctx.actor, d);
  if (!parties.length) throw notFound('That dispute');
  const ops = parties.includes('operations');
  const evidence = await ex
    .select({ e: disputeEvidence, name: storedFiles.originalName, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes })
    .from(disputeEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, disputeEvidence.fileId))
    .where(and(eq(disputeEvidence.disputeId, d.id), ops ? sql`true` : eq(disputeEvidence.internal, false)))
    .orderBy(asc(disputeEvidence.createdAt), asc(disputeEvidence.id));
  const events = await ex
    .select({ e: disputeEvents, actorName: users.name })
    .from(disputeEvents)
    .leftJoin(users, eq(users.id, disputeEvents.actorUserId))
    .where(and(eq(disputeEvents.disputeId, d.id), ops ? sql`true` : eq(disputeEvents.internal, false)))
    .orderBy(asc(disputeEvents.at), asc(disputeEvents.id));
  return {
    dispute: d,
    parties,
    bookingReference: row.bookingReference,
    bookingStatus: row.bookingStatus,
    providerName: row.providerName,
    customerName: row.customerName,
    appealClosesAt: d.status === 'resolved' && d.resolvedAt && d.appealCount === 0 ? appealClosesAt(d.resolvedAt) : null,
    evidence: evidence.map(({ e, name, contentType, sizeBytes }) => ({
      id: e.id,
      party: e.party,
      note: e.note,
      internal: e.internal,
      createdAt: e.createdAt,
      file: e.fileId && name && contentType ? { name, contentType, sizeBytes: sizeBytes ?? 0 } : null,
    })),
    // Party names are shown by side; operations also see who acted.
    events: events.map(({ e, actorName }) => ({ id: e.id, kind: e.kind, party: e.party, note: e.note, internal: e.internal, at: e.at, actorName: ops ? actorName : null })),
  };
}

/** The bytes of one evidence file, after the same visibility check as the dispute page. */
export async function evidenceFile(ctx: Ctx, disputeId: string, evidenceId: string) {
  const detail = await getDispute(ctx, disputeId);
  const item = detail.evidence.find((e) => e.id === evidenceId);
  if (!item || !item.file) throw notFound('That evidence');
  const [row] = await db().select({ fileId: disputeEvidence.fileId }).from(disputeEvidence).where(eq(disputeEvidence.id, evidenceId));
  if (!row?.fileId) throw notFound('That evidence');
  return readStoredFile(exec(ctx), row.fileId);
}

/** The live (or latest) dispute of a booking the caller can see, for the booking pages' button. */
export async function disputeForBooking(ctx: Ctx, bookingId: string): Promise<{ id: string; status: DisputeRow['status'] } | null> {
  const [row] = await exec(ctx)
    .select({ id: disputes.id, status: disputes.status, customerId: disputes.customerId, providerOrgId: disputes.providerOrgId })
    .from(disputes)
    .where(eq(disputes.bookingId, bookingId))
    .orderBy(desc(disputes.createdAt))
    .limit(1);
  if (!row || !partiesOf(ctx.actor, row).length) return null;
  return { id: row.id, status: row.status };
}

/** When a booking was completed (the dispute window counts from it); the caller has checked visibility. */
export async function bookingCompletedAt(ctx: Ctx, bookingId: string): Promise<Date | null> {
  const [row] = await exec(ctx).select({ completedAt: bookings.completedAt }).from(bookings).where(eq(bookings.id, bookingId));
  return row?.completedAt ?? null;
}
