import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { memberships, organisations, revokedSessions, users } from '@/db/schema';
import type { Actor, ActorMembership, UserActor } from '@/lib/core/context';
import { authorize } from '@/lib/core/auth/permissions';
import { notFound } from '@/lib/core/errors';
import type { Role } from '@/lib/core/auth/roles';

/**
 * Builds the actor for a session: the user must exist, be enabled, and the session must carry the
 * user's current session version (bumped by sign-out-everywhere, password change, disable).
 * Roles are read fresh from memberships; expired elevations do not count.
 */
export async function resolveActor(userId: string, sessionVersion: number, now: Date, sessionId: string | null = null): Promise<UserActor | null> {
  // One round trip on every request: the user and their live memberships together.
  const rows = await db()
    .select({
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      orgId: memberships.orgId,
      role: memberships.role,
      expiresAt: memberships.expiresAt,
      orgKind: organisations.kind,
      orgName: organisations.name,
      revoked: sessionId
        ? sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${sessionId})`
        : sql<boolean>`false`,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), or(isNull(memberships.expiresAt), gt(memberships.expiresAt, now))))
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(users.id, userId))
    .orderBy(asc(memberships.createdAt));
  const user = rows[0];
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion || user.revoked) return null;
  const ms: ActorMembership[] = rows
    .filter((r) => r.role !== null)
    .map((r) => ({
      orgId: r.orgId,
      orgKind: r.orgKind ?? null,
      orgName: r.orgName ?? null,
      role: r.role as Role,
      expiresAt: r.expiresAt,
    }));
  const roleSet = [...new Set(ms.map((m) => m.role))];
  return {
    kind: 'user',
    userId,
    email: user.email,
    name: user.name,
    roles: roleSet,
    memberships: ms,
    providerId: ms.find((m) => m.orgKind === 'provider')?.orgId ?? null,
    enterpriseId: ms.find((m) => m.orgKind === 'enterprise')?.orgId ?? null,
  };
}

export interface UserWithRoles {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  verified: boolean;
  memberships: { id: string; role: Role; orgName: string | null; orgSlug: string | null; expiresAt: Date | null; reason: string | null }[];
}

/** RBAC admin list; `search` matches email or name. */
export async function listUsersWithRoles(actor: Actor, opts: { search?: string; limit?: number } = {}): Promise<UserWithRoles[]> {
  authorize(actor, 'rbac.read');
  const limit = Math.min(opts.limit ?? 100, 500);
  const term = opts.search?.trim().toLowerCase();
  const base = db()
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(users);
  const list = await (term
    ? base.where(sql`lower(${users.email}) LIKE ${'%' + term.replace(/[%_\\]/g, '\\$&') + '%'} OR lower(${users.name}) LIKE ${'%' + term.replace(/[%_\\]/g, '\\$&') + '%'}`)
    : base
  )
    .orderBy(asc(users.email))
    .limit(limit);
  if (list.length === 0) return [];
  const ms = await db()
    .select({
      id: memberships.id,
      userId: memberships.userId,
      role: memberships.role,
      expiresAt: memberships.expiresAt,
      reason: memberships.reason,
      orgName: organisations.name,
      orgSlug: organisations.slug,
    })
    .from(memberships)
    .leftJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(sql`${memberships.userId} IN ${list.map((u) => u.id)}`)
    .orderBy(asc(memberships.createdAt));
  return list.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    disabled: u.disabledAt !== null,
    verified: u.emailVerifiedAt !== null,
    memberships: ms
      .filter((m) => m.userId === u.id)
      .map((m) => ({ id: m.id, role: m.role as Role, orgName: m.orgName, orgSlug: m.orgSlug, expiresAt: m.expiresAt, reason: m.reason })),
  }));
}

export async function findUserByEmail(email: string) {
  const [user] = await db()
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user ?? null;
}

export async function listOrganisations(actor: Actor) {
  authorize(actor, 'rbac.read');
  return db().select({ id: organisations.id, name: organisations.name, slug: organisations.slug, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.name));
}

export interface OrgMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  expiresAt: Date | null;
  since: Date;
}

/**
 * Members of the actor's own organisation. The organisation comes from the actor's memberships,
 * never from a client-sent id alone: asking for another tenant's members is NotFound.
 */
export async function listOrgMembers(actor: Actor, orgId: string): Promise<OrgMember[]> {
  authorize(actor, 'org.members_read');
  if (actor.kind !== 'user') return [];
  const own = actor.memberships.some((m) => m.orgId === orgId && (m.role === 'provider_admin' || m.role === 'enterprise_admin'));
  if (!own && !actor.roles.includes('admin')) {
    throw notFound('That organisation');
  }
  const rows = await db()
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, expiresAt: memberships.expiresAt, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}
