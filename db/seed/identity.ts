import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { memberships, organisations, users } from '../schema';
import type { Role } from '@/lib/core/auth/roles';
import type { UserActor } from '@/lib/core/context';
import { hashPassword } from '@/lib/identity/password';
import { seedId } from './ids';

/** Every demo persona signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'fixnado-demo-2026';

export const demoOrgs = [
  { key: 'platform', kind: 'platform', name: 'Fixnado Platform', slug: 'fixnado' },
  { key: 'provider', kind: 'provider', name: 'Thames Home Services', slug: 'thames-home-services' },
  { key: 'enterprise', kind: 'enterprise', name: 'Northwind Offices', slug: 'northwind-offices' },
] as const;

type OrgKey = (typeof demoOrgs)[number]['key'];

export const demoUsers: { email: string; name: string; roles: [Role, OrgKey | null][] }[] = [
  { email: 'customer@fixnado.test', name: 'Chloe Customer', roles: [['customer', null]] },
  { email: 'provider@fixnado.test', name: 'Priya Provider', roles: [['customer', null], ['provider_admin', 'provider']] },
  { email: 'serviceman@fixnado.test', name: 'Sam Serviceman', roles: [['customer', null], ['serviceman', 'provider']] },
  { email: 'enterprise@fixnado.test', name: 'Erin Enterprise', roles: [['customer', null], ['enterprise_admin', 'enterprise']] },
  { email: 'marketing@fixnado.test', name: 'Mo Marketing', roles: [['marketing', 'platform']] },
  { email: 'operations@fixnado.test', name: 'Olu Operations', roles: [['operations', 'platform']] },
  { email: 'finance@fixnado.test', name: 'Fay Finance', roles: [['finance', 'platform']] },
  { email: 'admin@fixnado.test', name: 'Ada Admin', roles: [['admin', 'platform']] },
];

export async function seedIdentity(tx: Tx, at: Date): Promise<void> {
  for (const o of demoOrgs) {
    await tx
      .insert(organisations)
      .values({ id: seedId(`org:${o.key}`), kind: o.kind, name: o.name, slug: o.slug })
      .onConflictDoUpdate({ target: organisations.id, set: { name: o.name, slug: o.slug } });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of demoUsers) {
    const userId = seedId(`user:${u.email}`);
    await tx
      .insert(users)
      .values({ id: userId, email: u.email, name: u.name, passwordHash, emailVerifiedAt: at })
      .onConflictDoUpdate({
        target: users.id,
        // Re-seeding restores a usable demo account (password, verified, enabled).
        set: { name: u.name, passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at.toISOString()}::timestamptz)`, disabledAt: null },
      });
    for (const [role, orgKey] of u.roles) {
      await tx
        .insert(memberships)
        .values({ id: seedId(`membership:${u.email}:${role}`), userId, orgId: orgKey ? seedId(`org:${orgKey}`) : null, role })
        .onConflictDoNothing();
    }
  }
}

/**
 * The actor a demo persona signs in as, built from the seed's own tables, so seeds can run the real
 * verbs inside the seeding transaction (before anything is committed for a session to read).
 */
export function demoActor(email: string): UserActor {
  const u = demoUsers.find((x) => x.email === email)!;
  const memberships = u.roles.map(([role, orgKey]) => {
    const org = orgKey ? demoOrgs.find((o) => o.key === orgKey)! : null;
    return { orgId: org ? seedId(`org:${org.key}`) : null, orgKind: org?.kind ?? null, orgName: org?.name ?? null, role, expiresAt: null };
  });
  return {
    kind: 'user',
    userId: seedId(`user:${email}`),
    email,
    name: u.name,
    roles: [...new Set(memberships.map((m) => m.role))],
    memberships,
    providerId: memberships.find((m) => m.orgKind === 'provider')?.orgId ?? null,
    enterpriseId: memberships.find((m) => m.orgKind === 'enterprise')?.orgId ?? null,
  };
}
