import { sql } from 'drizzle-orm';
import { memberships, servicemen, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { assertSkillsExist, crewProviderOrgId } from './access';
import { createServicemanInput } from './schemas';

/**
 * A provider admin adds a crew member. With an email, an existing account is linked and given
 * the serviceman role in this provider, so that person can manage their own hours and see their
 * jobs. An emailed invitation with acceptance is a later step; until then an unknown email is a
 * field error and the admin can add the person unlinked.
 */
export async function createServiceman(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string }> {
  authorize(ctx.actor, 'crew.manage');
  const input = parseInput(createServicemanInput, raw);
  const providerOrgId = crewProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    await assertSkillsExist(c.tx, input.skills);
    let userId: string | null = null;
    if (input.email) {
      const [user] = await c.tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
      if (!user) throw validation({ email: ['has no account yet: add the person without an email and link them later'] });
      userId = user.id;
      const [taken] = await c.tx
        .select({ id: servicemen.id })
        .from(servicemen)
        .where(sql`${servicemen.providerOrgId} = ${providerOrgId} and ${servicemen.userId} = ${userId}`);
      if (taken) throw conflict('That person is already in your crew.', { fieldErrors: { email: ['is already linked to a crew member'] } });
      await c.tx
        .insert(memberships)
        .values({ userId, orgId: providerOrgId, role: 'serviceman', grantedBy: c.actor.kind === 'user' ? c.actor.userId : null })
        .onConflictDoNothing();
    }
    const id = newId();
    await c.tx.insert(servicemen).values({
      id,
      providerOrgId,
      userId,
      displayName: input.displayName,
      skills: input.skills,
      timeZone: input.timeZone,
      canLead: input.canLead,
      status: 'active',
      createdAt: c.now,
      updatedAt: c.now,
    });
    await recordAudit(c, {
      action: 'crew.create',
      entityType: 'serviceman',
      entityId: id,
      tenantId: providerOrgId,
      data: { skills: input.skills, timeZone: input.timeZone, canLead: input.canLead, linkedUserId: userId },
    });
    await emitEvent(c, 'crew.availability_changed', { servicemanId: id, providerOrgId, change: 'created' }, providerOrgId);
    return { servicemanId: id };
  });
}
