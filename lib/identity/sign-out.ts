import { lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { revokedSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';

/**
 * Ends ONE session (this device): its id is remembered until the token would expire, so a copy of
 * the cookie is refused from now on. Other devices stay signed in (see signOutEverywhere).
 */
export async function revokeSession(ctx: Ctx, session: { userId: string; sessionId: string; expiresAt: Date }): Promise<void> {
  await withTx(ctx, async (c) => {
    await c.tx
      .insert(revokedSessions)
      .values({ sessionId: session.sessionId, userId: session.userId, expiresAt: session.expiresAt })
      .onConflictDoNothing();
    await recordAudit(c, { action: 'identity.sign_out', entityType: 'user', entityId: session.userId });
  });
}

/** Forgets revocations whose tokens have expired by themselves (daily job). */
export async function pruneRevokedSessions(now: Date): Promise<number> {
  const rows = await db().delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).returning({ id: revokedSessions.sessionId });
  return rows.length;
}
