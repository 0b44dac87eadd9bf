import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { passwordChangedMail } from './emails';
import { hashPassword } from './password';
import { resetPasswordInput } from './schemas';
import { consumeToken } from './tokens';

/** A reset proves control of the mailbox, so it also verifies the email and ends every session. */
export async function resetPassword(ctx: Ctx, raw: unknown): Promise<{ userId: string }> {
  const input = parseInput(resetPasswordInput, raw);
  const passwordHash = await hashPassword(input.password);
  return withTx(ctx, async (c) => {
    const userId = await consumeToken(c.tx, input.token, 'reset_password', c.now);
    const [user] = await c.tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${c.now.toISOString()}::timestamptz)`,
      })
      .where(eq(users.id, userId))
      .returning({ email: users.email, name: users.name });
    await queueMail(c.tx, passwordChangedMail(user.email, user.name));
    await recordAudit(c, { action: 'identity.reset_password', entityType: 'user', entityId: userId });
    await emitEvent(c, 'identity.password_changed', { userId, via: 'reset' });
    return { userId };
  });
}
