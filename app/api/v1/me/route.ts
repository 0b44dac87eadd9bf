// GET /api/v1/me — the signed-in user and the roles the database grants them right now.
import { defineRoute } from '@/lib/core/route';
import { meContract } from '@/lib/identity/contracts';

export const GET = defineRoute(meContract, async ({ ctx }) => {
  if (ctx.actor.kind !== 'user') throw new Error('unreachable: the wrapper requires a user');
  const a = ctx.actor;
  return {
    userId: a.userId,
    name: a.name,
    email: a.email,
    roles: a.roles,
    memberships: a.memberships.map((m) => ({ orgId: m.orgId, orgName: m.orgName, role: m.role, expiresAt: m.expiresAt?.toISOString() ?? null })),
  };
});
