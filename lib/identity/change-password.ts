import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, withTx, type Ctx } from '@/lib/core/context';
import { AppError, unauthenticated } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { passwordChangedMail } from './emails';
import { hashPassword, verifyPassword } from './password';
import { changePasswordInput } from './schemas';

/** Changing the password ends every session, including the current one (the user signs in again). */
export async function changePassword(ctx: Ctx, raw: unknown): Promise<{ signedOut: true }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  authorize(actor, 'account.update_self');
  const input = parseInput(changePasswordInput, raw);
  const [user] = await exec(ctx).select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'Your current password is not correct.', {
      fieldErrors: { currentPassword: ['is not correct'] },
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTx(ctx, async (c) => {
    await c.tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId));
    await queueMail(c.tx, passwordChangedMail(user.email, user.name));
    await recordAudit(c, { action: 'identity.change_password', entityType: 'user', entityId: actor.userId });
    await emitEvent(c, 'identity.password_changed', { userId: actor.userId, via: 'settings' });
  });
  return { signedOut: true };
}
