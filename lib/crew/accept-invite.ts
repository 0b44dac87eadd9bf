/**
 * Accepting a crew invitation: the signed-in person whose email the link was sent to is linked to
 * the invited serviceman row, granted the serviceman role in that provider (audited, like
 * lib/identity/grant-role) and the row becomes active. A link for another email, a forged, expired
 * or already used link are all the same error, so links cannot be probed.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { memberships, organisations, servicemen } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, conflict } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { inviteSignatureMatches, parseInviteToken } from './invite-token';

export const acceptInviteInput = z.object({ token: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'is not valid') });

const invalid = () =>
  new AppError('PRECONDITION_FAILED', 'This invitation link has expired, was already used, or was sent to a different email address than the one you are signed in with.', {
    fieldErrors: { token: ['expired, used, or for another email'] },
  });

/** Who invited, for the accept page (no secrets; the same error for every bad link). */
export async function describeInvite(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; providerName: string; displayName: string }> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const { token } = parseInput(acceptInviteInput, raw);
  const t = parseInviteToken(token);
  if (!t || t.expiresMs <= ctx.now.getTime()) throw invalid();
  return withTx(ctx, async (c) => {
    const [row] = await c.tx
      .select({ s: servicemen, providerName: organisations.name })
      .from(servicemen)
      .innerJoin(organisations, eq(organisations.id, servicemen.providerOrgId))
      .where(eq(servicemen.id, t.servicemanId));
    if (!row || row.s.status !== 'invited' || row.s.userId || !inviteSignatureMatches(t, (c.actor as { email: string }).email, row.s.updatedAt)) throw invalid();
    return { servicemanId: row.s.id, providerName: row.providerName, displayName: row.s.displayName };
  });
}

export async function acceptInvite(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; providerOrgId: string }> {
  if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', 'Please sign in to continue.');
  const actor = ctx.actor;
  const { token } = parseInput(acceptInviteInput, raw);
  const t = parseInviteToken(token);
  if (!t || t.expiresMs <= ctx.now.getTime()) throw invalid();
  return withTx(ctx, async (c) => {
    const [s] = await c.tx.select().from(servicemen).where(eq(servicemen.id, t.servicemanId)).for('update');
    if (!s || s.status !== 'invited' || s.userId || !inviteSignatureMatches(t, actor.email, s.updatedAt)) throw invalid();
    const [already] = await c.tx
      .select({ id: servicemen.id })
      .from(servicemen)
      .where(and(eq(servicemen.providerOrgId, s.providerOrgId), eq(servicemen.userId, actor.userId)));
    if (already) throw conflict('You are already in this crew.');
    await c.tx.update(servicemen).set({ userId: actor.userId, status: 'active', updatedAt: c.now }).where(eq(servicemen.id, s.id));
    const [m] = await c.tx
      .insert(memberships)
      .values({ userId: actor.userId, orgId: s.providerOrgId, role: 'serviceman', grantedBy: actor.userId, reason: 'crew invitation accepted' })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.orgId, memberships.role], set: { expiresAt: null } })
      .returning({ id: memberships.id });
    await recordAudit(c, { action: 'crew.invite_accepted', entityType: 'serviceman', entityId: s.id, tenantId: s.providerOrgId, data: { userId: actor.userId } });
    await recordAudit(c, { action: 'rbac.grant', entityType: 'membership', entityId: m.id, tenantId: s.providerOrgId, data: { userId: actor.userId, role: 'serviceman', expiresAt: null, temporary: false, via: 'crew_invite' } });
    await emitEvent(c, 'rbac.role_granted', { userId: actor.userId, role: 'serviceman', orgId: s.providerOrgId, expiresAt: null }, s.providerOrgId);
    await emitEvent(c, 'crew.availability_changed', { servicemanId: s.id, providerOrgId: s.providerOrgId, change: 'status' }, s.providerOrgId);
    return { servicemanId: s.id, providerOrgId: s.providerOrgId };
  });
}
