import { eq, inArray } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { serviceCategories, servicemen } from '@/db/schema';
import { can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound, validation } from '@/lib/core/errors';
import { managedProviderOrgId } from '@/lib/catalog/tenant';

export type ServicemanRow = typeof servicemen.$inferSelect;

/**
 * Who may change a crew member:
 * - a provider admin of the serviceman's provider (crew.manage): everything;
 * - the serviceman himself (crew.manage_self, servicemen.user_id = actor): his own hours,
 *   exceptions and time off only (`self: true` verbs).
 * Anyone else gets NOT_FOUND for the row (ids cannot be probed), or FORBIDDEN before any read
 * when holding neither permission.
 */
export function authorizeCrewWrite(actor: Actor, self: boolean): void {
  if (can(actor, 'crew.manage')) return;
  if (self && can(actor, 'crew.manage_self')) return;
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  throw forbidden();
}

export function canAdminister(actor: Actor, row: { providerOrgId: string }): boolean {
  if (!can(actor, 'crew.manage') || actor.kind !== 'user') return false;
  return actor.memberships.some((m) => m.role === 'provider_admin' && m.orgId === row.providerOrgId);
}

export function isSelf(actor: Actor, row: { userId: string | null }): boolean {
  return actor.kind === 'user' && can(actor, 'crew.manage_self') && !!row.userId && row.userId === actor.userId;
}

/**
 * Loads and row-locks a serviceman for a write after the scope check. The row lock serialises
 * concurrent edits of one person's availability (replace-all hours, exceptions).
 */
export async function loadServicemanForWrite(c: Ctx & { tx: Tx }, servicemanId: string, self: boolean): Promise<ServicemanRow> {
  const [row] = await c.tx.select().from(servicemen).where(eq(servicemen.id, servicemanId)).for('update');
  if (!row) throw notFound('That crew member');
  if (canAdminister(c.actor, row)) return row;
  if (self && isSelf(c.actor, row)) return row;
  throw notFound('That crew member');
}

/** The provider a crew admin acts for. */
export function crewProviderOrgId(actor: Actor): string {
  return managedProviderOrgId(actor);
}

/** Every skill must be a category slug that exists (422 on `skills` otherwise). */
export async function assertSkillsExist(ex: Executor, skills: string[]): Promise<void> {
  if (!skills.length) return;
  const found = await ex.select({ slug: serviceCategories.slug }).from(serviceCategories).where(inArray(serviceCategories.slug, skills));
  const known = new Set(found.map((f) => f.slug));
  const unknown = skills.filter((s) => !known.has(s));
  if (unknown.length) throw validation({ skills: [`unknown categor${unknown.length === 1 ? 'y' : 'ies'}: ${unknown.join(', ')}`] });
}
