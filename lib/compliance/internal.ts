/**
 * Shared building blocks of the compliance verbs: who a document's subject is, whether the actor
 * may act for it (a foreign subject is NOT_FOUND, so ids cannot be probed), who is told about a
 * decision, and where they read about it. Not a public API.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Executor, type Tx } from '@/db/client';
import { complianceDocuments, memberships, organisations, servicemen, users } from '@/db/schema';
import { can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import type { SubjectKind } from './schemas';

export type CTx = Ctx & { tx: Tx };
export type DocumentRow = typeof complianceDocuments.$inferSelect;

export interface Subject {
  kind: SubjectKind;
  /** provider org id, serviceman id or user id */
  id: string;
  /** The provider organisation the subject belongs to (renters: none). */
  orgId: string | null;
  name: string;
  timeZone: string;
}

export function providerAdminOrgs(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId as string);
}

export const subjectOfRow = (d: Pick<DocumentRow, 'providerOrgId' | 'servicemanId' | 'userId'>): { kind: SubjectKind; id: string } =>
  d.providerOrgId ? { kind: 'provider', id: d.providerOrgId } : d.servicemanId ? { kind: 'serviceman', id: d.servicemanId } : { kind: 'renter', id: d.userId! };

/** Loads a subject (any actor); NOT_FOUND when it does not exist. */
export async function loadSubject(ex: Executor, kind: SubjectKind, id: string): Promise<Subject> {
  if (kind === 'provider') {
    const [o] = await ex
      .select({ id: organisations.id, name: organisations.name, tz: organisations.timeZone })
      .from(organisations)
      .where(and(eq(organisations.id, id), eq(organisations.kind, 'provider')));
    if (!o) throw notFound('That provider');
    return { kind, id, orgId: o.id, name: o.name, timeZone: o.tz };
  }
  if (kind === 'serviceman') {
    const [s] = await ex.select({ id: servicemen.id, org: servicemen.providerOrgId, name: servicemen.displayName, tz: servicemen.timeZone }).from(servicemen).where(eq(servicemen.id, id));
    if (!s) throw notFound('That crew member');
    return { kind, id, orgId: s.org, name: s.name, timeZone: s.tz };
  }
  const [u] = await ex.select({ id: users.id, name: users.name, tz: users.timeZone }).from(users).where(eq(users.id, id));
  if (!u) throw notFound('That person');
  return { kind, id, orgId: null, name: u.name, timeZone: u.tz };
}

/** The serviceman record(s) of the signed-in user. */
export async function ownServicemen(ex: Executor, actor: Actor): Promise<Array<{ id: string; providerOrgId: string; displayName: string }>> {
  if (actor.kind !== 'user') return [];
  return ex.select({ id: servicemen.id, providerOrgId: servicemen.providerOrgId, displayName: servicemen.displayName }).from(servicemen).where(eq(servicemen.userId, actor.userId));
}

/**
 * Whether the actor speaks for this subject: a provider's admins for the business and its crew, a
 * serviceman for themself, a renter for themself. Operations are NOT the subject's people.
 */
export async function isSubjectsOwn(ex: Executor, actor: Actor, subject: { kind: SubjectKind; id: string }): Promise<boolean> {
  if (actor.kind !== 'user') return false;
  const admins = providerAdminOrgs(actor);
  if (subject.kind === 'provider') return admins.includes(subject.id);
  if (subject.kind === 'renter') return subject.id === actor.userId;
  const [s] = await ex.select({ org: servicemen.providerOrgId, userId: servicemen.userId }).from(servicemen).where(eq(servicemen.id, subject.id));
  if (!s) return false;
  return admins.includes(s.org) || s.userId === actor.userId;
}

/** The actor may see this document: its subject's own people, or compliance reviewers. */
export async function maySee(ex: Executor, actor: Actor, d: Pick<DocumentRow, 'providerOrgId' | 'servicemanId' | 'userId'>): Promise<boolean> {
  return can(actor, 'compliance.review') || isSubjectsOwn(ex, actor, subjectOfRow(d));
}

/** Who hears about a decision on the subject's documents. */
export async function subjectUserIds(tx: Executor, subject: { kind: SubjectKind; id: string }, at: Date): Promise<string[]> {
  const adminsOf = async (orgId: string) =>
    (
      await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'provider_admin'), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at))))
    ).map((r) => r.userId);
  if (subject.kind === 'provider') return adminsOf(subject.id);
  if (subject.kind === 'renter') return [subject.id];
  const [s] = await tx.select({ org: servicemen.providerOrgId, userId: servicemen.userId }).from(servicemen).where(eq(servicemen.id, subject.id));
  if (!s) return [];
  return [...new Set([...(s.userId ? [s.userId] : []), ...(await adminsOf(s.org))])];
}

export async function operationsUserIds(tx: Executor, at: Date): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.role, 'operations'), eq(organisations.kind, 'platform'), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at))));
  return [...new Set(rows.map((r) => r.userId))];
}

export const subjectHref = (kind: SubjectKind) => (kind === 'renter' ? '/account/documents' : '/provider/compliance');

/** The subject's local calendar date at `now` (documents lapse at the subject's local midnight). */
export async function subjectLocalDate(ex: Executor, timeZone: string, now: Date): Promise<string> {
  const [r] = rowsOf<{ d: string }>(await ex.execute(sql`select ((${now.toISOString()}::timestamptz at time zone ${timeZone})::date)::text as d`));
  return r!.d;
}

/** Tenant used for audit rows and events: the provider organisation, else the renter. */
export const tenantOf = (s: Pick<Subject, 'orgId' | 'id'>) => s.orgId ?? s.id;
