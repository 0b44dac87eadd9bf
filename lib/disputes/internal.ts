/**
 * Shared building blocks of the dispute verbs: loading a dispute with the caller's relation to it
 * (a foreign id is NOT_FOUND), status moves with their timeline row and event, evidence files,
 * and who gets told. Not a public API.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { pgErrorInfo, type Tx } from '@/db/client';
import { bookings, disputeEvents, disputeEvidence, disputes, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { storeUpload } from '@/lib/storage';
import { operationsUserIds, providerAdminOrgIds, providerAdminUserIds, type BookingRow } from '@/lib/bookings/internal';
import { assertDisputeMove, type DisputeStatus, type Party } from './policy';
import type { UploadFile } from './schemas';

export type DTxCtx = Ctx & { tx: Tx };
export type DisputeRow = typeof disputes.$inferSelect;

export function normaliseDispute(d: DisputeRow): DisputeRow {
  return { ...d, currency: d.currency.trim(), amountMinor: toMinor(d.amountMinor), refundMinor: d.refundMinor === null ? null : toMinor(d.refundMinor) };
}

/** The sides the actor takes in this dispute (customer, provider, operations); empty → not visible. */
export function partiesOf(actor: Actor, d: Pick<DisputeRow, 'customerId' | 'providerOrgId'>): Party[] {
  if (actor.kind !== 'user') return [];
  const out: Party[] = [];
  if (d.customerId === actor.userId && can(actor, 'disputes.participate')) out.push('customer');
  if (can(actor, 'disputes.participate') && providerAdminOrgIds(actor).includes(d.providerOrgId)) out.push('provider');
  if (can(actor, 'disputes.manage')) out.push('operations');
  return out;
}

/** Loads a dispute locked FOR UPDATE, with the actor's sides; NOT_FOUND when the actor has none. */
export async function loadDisputeForWrite(c: DTxCtx, disputeId: string): Promise<{ dispute: DisputeRow; parties: Party[] }> {
  const [row] = await c.tx.select().from(disputes).where(eq(disputes.id, disputeId)).for('update');
  if (!row) throw notFound('That dispute');
  const parties = partiesOf(c.actor, row);
  if (!parties.length) throw notFound('That dispute');
  return { dispute: normaliseDispute(row), parties };
}

/** The one side of the two parties the actor acts as (customer first), or 403. */
export function partySide(parties: Party[]): 'customer' | 'provider' {
  if (parties.includes('customer')) return 'customer';
  if (parties.includes('provider')) return 'provider';
  throw forbidden('Only the booking’s customer or the provider can do that.');
}

export const otherSide = (p: 'customer' | 'provider'): 'customer' | 'provider' => (p === 'customer' ? 'provider' : 'customer');

export async function addEvent(c: DTxCtx, disputeId: string, kind: string, party: Party | null, note = '', internal = false): Promise<void> {
  // A step with no party (the platform moving the dispute on by itself) is nobody's doing, even
  // when a user's action triggered it: it carries no actor.
  const actorUserId = party !== null && c.actor.kind === 'user' ? c.actor.userId : null;
  await c.tx.insert(disputeEvents).values({ id: newId(), disputeId, kind, party, actorUserId, note, internal, at: c.now });
}

/** from → to through the dispute table, race-safe on the version, with the timeline row and event. */
export async function moveDispute(c: DTxCtx, d: DisputeRow, to: DisputeStatus, set: Partial<typeof disputes.$inferInsert>, ev: { kind: string; party: Party | null; note?: string }): Promise<DisputeRow> {
  assertDisputeMove(d.status, to);
  const [row] = await c.tx
    .update(disputes)
    .set({ ...set, status: to, version: d.version + 1, updatedAt: c.now })
    .where(and(eq(disputes.id, d.id), eq(disputes.version, d.version)))
    .returning();
  if (!row) throw new AppError('CONFLICT', 'This dispute changed meanwhile. Please reload it.', { from: d.status, to });
  await addEvent(c, d.id, ev.kind, ev.party, ev.note ?? '');
  const out = normaliseDispute(row);
  await emitEvent(
    c,
    'dispute.status_changed',
    { disputeId: d.id, fromStatus: d.status, toStatus: to, ...(out.outcome ? { outcome: out.outcome, refundMinor: toWire(out.refundMinor ?? 0n) } : {}) },
    d.providerOrgId,
  );
  return out;
}

/** Stores evidence files (and an optional note) for one party, in the caller's transaction. */
export async function storeEvidence(c: DTxCtx, disputeId: string, party: Party, note: string, files: UploadFile[]): Promise<string[]> {
  const ids: string[] = [];
  const owner = c.actor.kind === 'user' ? c.actor.userId : null;
  for (const [i, f] of files.entries()) {
    const stored = await storeUpload(c.tx, { purpose: 'dispute_evidence', ownerUserId: owner, bytes: f.bytes, originalName: f.name, accept: ['image', 'pdf'], field: `files.${i}` });
    const id = newId();
    await c.tx.insert(disputeEvidence).values({ id, disputeId, party, addedBy: owner, fileId: stored.id, note: i === 0 ? note : '' });
    ids.push(id);
  }
  if (!files.length && note) {
    const id = newId();
    await c.tx.insert(disputeEvidence).values({ id, disputeId, party, addedBy: owner, note });
    ids.push(id);
  }
  return ids;
}

/** Users of one side: the customer, or every admin of the provider. */
export async function sideUserIds(tx: Tx, d: Pick<DisputeRow, 'customerId' | 'providerOrgId'>, side: 'customer' | 'provider', at: Date): Promise<string[]> {
  return side === 'customer' ? [d.customerId] : providerAdminUserIds(tx, d.providerOrgId, at);
}

export async function emailsOf(tx: Tx, userIds: string[]): Promise<string[]> {
  if (!userIds.length) return [];
  const rows = await tx.select({ email: users.email }).from(users).where(inArray(users.id, userIds));
  return rows.map((r) => r.email);
}

export { operationsUserIds };

export const disputeHref = (side: Party, id: string) => (side === 'customer' ? `/account/disputes/${id}` : side === 'provider' ? `/provider/disputes/${id}` : `/admin/disputes/${id}`);

/** The one-live-dispute index surfaces as a 409, never a 500. */
export function mapUniqueViolation(err: unknown): never {
  const { code, constraint } = pgErrorInfo(err);
  if (code === '23505' && constraint === 'disputes_one_open_per_subject') throw new AppError('CONFLICT', 'This booking already has an open dispute.');
  throw err;
}

/** The dispute's booking, locked FOR UPDATE (the caller already holds the dispute). */
export async function lockDisputeBooking(c: DTxCtx, d: Pick<DisputeRow, 'bookingId'>): Promise<BookingRow | null> {
  if (!d.bookingId) return null;
  const [b] = await c.tx.select().from(bookings).where(eq(bookings.id, d.bookingId)).for('update');
  return b ?? null;
}

/** Where a withdrawn dispute leaves its booking: back where it was when the dispute opened. */
export const statusBeforeDispute = (b: Pick<BookingRow, 'completedAt'>): 'completed' | 'in_progress' => (b.completedAt ? 'completed' : 'in_progress');
