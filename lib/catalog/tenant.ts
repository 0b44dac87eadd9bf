import type { Actor } from '@/lib/core/context';
import { forbidden } from '@/lib/core/errors';

/**
 * The provider organisation a provider admin manages (first provider_admin membership, as the
 * provider panel does). Tenant scope comes from the actor's memberships resolved from the
 * database, never from an id the client sends.
 */
export function managedProviderOrgId(actor: Actor): string {
  if (actor.kind === 'user') {
    const m = actor.memberships.find((x) => x.role === 'provider_admin' && x.orgKind === 'provider' && x.orgId);
    if (m?.orgId) return m.orgId;
  }
  throw forbidden('Only a provider admin can manage a provider’s services and crew.');
}

/** Provider organisations the actor works for as a serviceman (crew.manage_self scope). */
export function servicemanProviderOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships.filter((m) => m.role === 'serviceman' && m.orgKind === 'provider' && m.orgId).map((m) => m.orgId as string);
}
