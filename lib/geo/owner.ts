import { eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { organisations, zones } from '@/db/schema';
import { authorize, can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';

/**
 * Who owns a zone, and who may see or change it.
 * - Platform zones belong to the platform organisation and are managed by operations/admin
 *   (zones.manage_platform). Anyone may read an ACTIVE platform zone (the explorer shows them).
 * - A provider's coverage areas belong to that provider organisation and are managed by its
 *   provider_admins (zones.manage_own). Only they and zones.read_all holders may see them.
 * A zone the caller may not see is NOT_FOUND (ids cannot be probed); one it may see but not
 * change is FORBIDDEN.
 */
export interface ZoneOwner {
  orgId: string;
  kind: 'platform' | 'provider';
  name: string;
}

/** Provider organisations the actor administers (provider_admin memberships, unexpired). */
export function adminProviderOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId as string);
}

/** The provider organisation a provider admin acts for (the first one, as the provider panel does). */
export function callerProviderOrgId(actor: Actor): string {
  const [orgId] = adminProviderOrgIds(actor);
  if (!orgId) throw forbidden('Only a provider admin can manage a provider’s own zones and coverage.');
  return orgId;
}

/** The owner a new zone gets for `scope`, after checking the permission for that scope. */
export async function resolveOwner(ex: Executor, actor: Actor, scope: 'platform' | 'own'): Promise<ZoneOwner> {
  if (scope === 'platform') {
    authorize(actor, 'zones.manage_platform');
    const mine = actor.kind === 'user' ? actor.memberships.find((m) => m.orgKind === 'platform' && m.orgId) : undefined;
    const rows = mine
      ? await ex.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, mine.orgId as string))
      : await ex.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'platform')).limit(2);
    if (rows.length !== 1) throw new AppError('PRECONDITION_FAILED', 'The platform organisation is missing or ambiguous; ask an admin to set it up.');
    return { orgId: rows[0].id, kind: 'platform', name: rows[0].name };
  }
  authorize(actor, 'zones.manage_own');
  const orgId = callerProviderOrgId(actor);
  const [row] = await ex.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
  if (!row) throw notFound('Your provider organisation');
  return { orgId, kind: 'provider', name: row.name };
}

export interface ZoneAccessRow {
  ownerOrgId: string;
  ownerKind: 'platform' | 'provider' | 'enterprise';
  status: 'draft' | 'active' | 'paused' | 'archived';
}

export function canReadZone(actor: Actor, z: ZoneAccessRow): boolean {
  if (can(actor, 'zones.read_all')) return true;
  if (z.ownerKind === 'platform') return z.status === 'active';
  return adminProviderOrgIds(actor).includes(z.ownerOrgId);
}

export function canManageZone(actor: Actor, z: ZoneAccessRow): boolean {
  if (z.ownerKind === 'platform') return can(actor, 'zones.manage_platform');
  return can(actor, 'zones.manage_own') && adminProviderOrgIds(actor).includes(z.ownerOrgId);
}

/** Serialises one owner's zone writes so two concurrent writes cannot both pass the overlap check. */
export async function lockOwner(tx: Tx, ownerOrgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`zones:${ownerOrgId}`}))`);
}

/**
 * Loads a zone for a write: scope check (NOT_FOUND / FORBIDDEN), the owner's advisory lock, then
 * the row lock — always in that order, so writers of one owner cannot deadlock each other.
 */
export async function loadZoneForWrite(c: Ctx & { tx: Tx }, zoneId: string) {
  const [peek] = await c.tx
    .select({ ownerOrgId: zones.ownerOrgId, ownerKind: zones.ownerKind, status: zones.status })
    .from(zones)
    .where(eq(zones.id, zoneId));
  if (!peek || !canReadZone(c.actor, peek)) throw notFound('That zone');
  if (!canManageZone(c.actor, peek)) throw forbidden('You can view this zone but not change it.');
  await lockOwner(c.tx, peek.ownerOrgId);
  const [row] = await c.tx.select().from(zones).where(eq(zones.id, zoneId)).for('update');
  if (!row) throw notFound('That zone');
  return row;
}
