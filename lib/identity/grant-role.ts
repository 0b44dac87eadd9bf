import { and, eq, sql } from 'drizzle-orm';
import { memberships, organisations, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { roleOrgKind } from '@/lib/core/auth/roles';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { grantRoleInput, revokeRoleInput } from './schemas';

/**
 * Grants a role. Roles in an organisation need one of the right kind (platform roles default to
 * the platform organisation). With `expiresInHours` it is just-in-time elevation: it needs a
 * reason and simply stops counting at expiry. Re-granting an existing role updates its expiry.
 */
export async function grantRole(ctx: Ctx, raw: unknown): Promise<{ membershipId: string }> {
  authorize(ctx.actor, 'rbac.grant');
  const input = parseInput(grantRoleInput, raw);
  const kind = roleOrgKind[input.role];
  if (input.expiresInHours && (!input.reason || input.reason.length < 3)) {
    throw validation({ reason: ['is required for temporary access (at least 3 characters)'] });
  }
  return withTx(ctx, async (c) => {
    const [user] = await c.tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (!user) throw new AppError('NOT_FOUND', 'No account uses that email.', { fieldErrors: { email: ['has no account'] } });
    let orgId: string | null = null;
    if (kind) {
      const [org] = input.orgSlug
        ? await c.tx.select().from(organisations).where(eq(organisations.slug, input.orgSlug))
        : kind === 'platform'
          ? await c.tx.select().from(organisations).where(eq(organisations.kind, 'platform')).limit(1)
          : [];
      if (!org) throw validation({ orgSlug: [kind === 'platform' ? 'platform organisation is missing' : `choose the ${kind} organisation for this role`] });
      if (org.kind !== kind) throw validation({ orgSlug: [`${input.role} belongs in a ${kind} organisation, not a ${org.kind} one`] });
      orgId = org.id;
    }
    const expiresAt = input.expiresInHours ? new Date(c.now.getTime() + input.expiresInHours * 3600_000) : null;
    const [row] = await c.tx
      .insert(memberships)
      .values({ userId: user.id, orgId, role: input.role, expiresAt, reason: input.reason || null, grantedBy: c.actor.kind === 'user' ? c.actor.userId : null })
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.orgId, memberships.role],
        set: { expiresAt, reason: input.reason || null, grantedBy: c.actor.kind === 'user' ? c.actor.userId : null },
      })
      .returning({ id: memberships.id });
    await recordAudit(c, {
      action: 'rbac.grant',
      entityType: 'membership',
      entityId: row.id,
      tenantId: orgId,
      data: { userId: user.id, role: input.role, expiresAt: expiresAt?.toISOString() ?? null, temporary: !!expiresAt },
    });
    await emitEvent(c, 'rbac.role_granted', { userId: user.id, role: input.role, orgId, expiresAt: expiresAt?.toISOString() ?? null }, orgId);
    return { membershipId: row.id };
  });
}

export async function revokeRole(ctx: Ctx, raw: unknown): Promise<{ membershipId: string }> {
  authorize(ctx.actor, 'rbac.revoke');
  const { membershipId } = parseInput(revokeRoleInput, raw);
  return withTx(ctx, async (c) => {
    const [row] = await c.tx.delete(memberships).where(and(eq(memberships.id, membershipId))).returning();
    if (!row) throw notFound('That role assignment');
    if (c.actor.kind === 'user' && row.userId === c.actor.userId && row.role === 'admin') {
      throw new AppError('CONFLICT', 'You cannot remove your own admin role; ask another admin.');
    }
    await recordAudit(c, {
      action: 'rbac.revoke',
      entityType: 'membership',
      entityId: row.id,
      tenantId: row.orgId,
      data: { userId: row.userId, role: row.role },
    });
    await emitEvent(c, 'rbac.role_revoked', { userId: row.userId, role: row.role, orgId: row.orgId }, row.orgId);
    return { membershipId };
  });
}
