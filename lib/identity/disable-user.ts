import { and, eq, isNull, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { disableUserInput } from './schemas';

/** Disabling ends every session at once (version bump) and blocks sign-in until re-enabled. */
export async function disableUser(ctx: Ctx, raw: unknown): Promise<{ userId: string }> {
  authorize(ctx.actor, 'users.disable');
  const input = parseInput(disableUserInput, raw);
  if (ctx.actor.kind === 'user' && ctx.actor.userId === input.userId) {
    throw new AppError('CONFLICT', 'You cannot disable your own account.');
  }
  return withTx(ctx, async (c) => {
    const [row] = await c.tx
      .update(users)
      .set({ disabledAt: c.now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, input.userId), isNull(users.disabledAt)))
      .returning({ id: users.id });
    if (!row) {
      const [exists] = await c.tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
      if (!exists) throw notFound('That user');
      return { userId: input.userId };
    }
    await recordAudit(c, { action: 'users.disable', entityType: 'user', entityId: input.userId, data: { reasonLength: input.reason.length } });
    await emitEvent(c, 'identity.sessions_revoked', { userId: input.userId, reason: 'disabled' });
    return { userId: input.userId };
  });
}

export async function enableUser(ctx: Ctx, raw: unknown): Promise<{ userId: string }> {
  authorize(ctx.actor, 'users.disable');
  const input = parseInput(disableUserInput.pick({ userId: true }), raw);
  return withTx(ctx, async (c) => {
    const [row] = await c.tx.update(users).set({ disabledAt: null }).where(eq(users.id, input.userId)).returning({ id: users.id });
    if (!row) throw notFound('That user');
    await recordAudit(c, { action: 'users.enable', entityType: 'user', entityId: input.userId });
    return { userId: input.userId };
  });
}
