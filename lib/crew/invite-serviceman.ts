/**
 * A provider admin invites a crew member by email: a servicemen row with status 'invited' (not
 * dispatchable, no user yet) and an email with a signed link to /crew-invite?token=… The person
 * accepts with the account of that email (signing up first if needed): lib/crew/accept-invite.ts.
 * Inviting the same email again re-sends a fresh link for the same pending row.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, servicemen, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { env } from '@/lib/core/env';
import { conflict, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { assertSkillsExist, crewProviderOrgId } from './access';
import { displayName, skillsField, timeZoneField } from './schemas';
import { INVITE_TTL_MS, inviteToken } from './invite-token';
import { boolField } from '@/lib/catalog/schemas';
import { organisations } from '@/db/schema';

export const inviteServicemanInput = z.object({
  email: z.email({ message: 'must be an email address' }).trim().toLowerCase().max(254, 'must be at most 254 characters'),
  displayName,
  skills: skillsField.default([]),
  timeZone: timeZoneField.default('Europe/London'),
  canLead: boolField.optional().transform((v) => v ?? false),
});

export async function inviteServiceman(ctx: Ctx, raw: unknown): Promise<{ servicemanId: string; resent: boolean; expiresAt: string }> {
  authorize(ctx.actor, 'crew.manage');
  const input = parseInput(inviteServicemanInput, raw);
  const providerOrgId = crewProviderOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    await assertSkillsExist(c.tx, input.skills);
    const [org] = await c.tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, providerOrgId));
    if (!org) throw notFound('Your provider');
    const [existingUser] = await c.tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (existingUser) {
      const [linked] = await c.tx
        .select({ id: servicemen.id })
        .from(servicemen)
        .where(and(eq(servicemen.providerOrgId, providerOrgId), eq(servicemen.userId, existingUser.id)));
      if (linked) throw conflict('That person is already in your crew.', { fieldErrors: { email: ['is already linked to a crew member'] } });
    }
    // A pending invitation to the same email (remembered in its audit row) is re-sent, not duplicated.
    const [pending] = await c.tx
      .select({ id: servicemen.id })
      .from(servicemen)
      .innerJoin(auditLog, and(sql`${auditLog.entityId} = ${servicemen.id}::text`, eq(auditLog.action, 'crew.invite')))
      .where(and(eq(servicemen.providerOrgId, providerOrgId), eq(servicemen.status, 'invited'), sql`${auditLog.data}->>'email' = ${input.email}`))
      .limit(1);
    const id = pending?.id ?? newId();
    if (pending) {
      await c.tx
        .update(servicemen)
        .set({ displayName: input.displayName, skills: input.skills, timeZone: input.timeZone, canLead: input.canLead, updatedAt: c.now })
        .where(eq(servicemen.id, id));
    } else {
      await c.tx.insert(servicemen).values({
        id,
        providerOrgId,
        userId: null,
        displayName: input.displayName,
        skills: input.skills,
        timeZone: input.timeZone,
        canLead: input.canLead,
        status: 'invited',
        createdAt: c.now,
        updatedAt: c.now,
      });
    }
    const expiresAt = new Date(c.now.getTime() + INVITE_TTL_MS);
    const token = inviteToken(id, input.email, expiresAt, c.now);
    const url = new URL(`/crew-invite?token=${encodeURIComponent(token)}`, env().APP_URL).toString();
    await queueMail(c.tx, {
      to: input.email,
      template: 'crew.invite',
      subject: `${org.name} invited you to their crew on Fixnado`,
      text: `Hi ${input.displayName},\n\n${org.name} invited you to join their crew on Fixnado, so you can receive jobs and manage your working hours.\n\nAccept the invitation here (sign in or create an account with this email address, ${input.email}):\n${url}\n\nThe link works for 7 days. If you did not expect this, ignore this email.`,
    });
    await recordAudit(c, {
      action: 'crew.invite',
      entityType: 'serviceman',
      entityId: id,
      tenantId: providerOrgId,
      data: { email: input.email, resent: !!pending, expiresAt: expiresAt.toISOString() },
    });
    return { servicemanId: id, resent: !!pending, expiresAt: expiresAt.toISOString() };
  });
}
