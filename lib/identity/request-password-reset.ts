import { sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { hitRateLimit } from '@/lib/core/rate-limit';
import { parseInput } from '@/lib/core/validate';
import { queueMail } from '@/lib/notifications/queue-mail';
import { resetPasswordMail } from './emails';
import { requestResetInput } from './schemas';
import { issueToken } from './tokens';

/**
 * Always answers the same way whether or not the account exists (no enumeration); only a real,
 * enabled account gets an email. Throttled per address so the form cannot be used to spam.
 */
export async function requestPasswordReset(ctx: Ctx, raw: unknown): Promise<{ accepted: true }> {
  const { email } = parseInput(requestResetInput, raw);
  const limit = await hitRateLimit(`reset:${email}`, 3, 3600, ctx.now);
  if (!limit.allowed) {
    throw new AppError('LIMIT_EXCEEDED', `Too many reset requests. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  await withTx(ctx, async (c) => {
    const [user] = await c.tx.select().from(users).where(sql`lower(${users.email}) = ${email}`);
    if (!user || user.disabledAt) return;
    const token = await issueToken(c.tx, user.id, 'reset_password', c.now);
    await queueMail(c.tx, resetPasswordMail(user.email, user.name, token));
    await recordAudit(c, { action: 'identity.request_password_reset', entityType: 'user', entityId: user.id });
  });
  return { accepted: true };
}
