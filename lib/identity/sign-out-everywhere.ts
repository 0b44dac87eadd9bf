import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { unauthenticated } from '@/lib/core/errors';

/** Bumps the session version: every JWT issued before now stops resolving to an actor. */
export async function signOutEverywhere(ctx: Ctx): Promise<{ signedOut: true }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw unauthenticated();
  await withTx(ctx, async (c) => {
    await c.tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, actor.userId));
    await recordAudit(c, { action: 'identity.sign_out_everywhere', entityType: 'user', entityId: actor.userId });
    await emitEvent(c, 'identity.sessions_revoked', { userId: actor.userId, reason: 'sign_out_everywhere' });
  });
  return { signedOut: true };
}
