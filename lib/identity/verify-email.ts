import { and, eq, isNull } from 'drizzle-orm';
import { users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { tokenInput } from './schemas';
import { consumeToken } from './tokens';

export async function verifyEmail(ctx: Ctx, raw: unknown): Promise<{ userId: string }> {
  const { token } = parseInput(tokenInput, raw);
  return withTx(ctx, async (c) => {
    const userId = await consumeToken(c.tx, token, 'verify_email', c.now);
    await c.tx.update(users).set({ emailVerifiedAt: c.now }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
    await recordAudit(c, { action: 'identity.verify_email', entityType: 'user', entityId: userId });
    await emitEvent(c, 'identity.email_verified', { userId });
    return { userId };
  });
}
