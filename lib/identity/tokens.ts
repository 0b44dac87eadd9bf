import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { authTokens } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { hashToken, newToken } from '@/lib/core/ids';

type Purpose = 'verify_email' | 'reset_password';

export const tokenTtlMs: Record<Purpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
};

/** Issues a one-time token (only its hash is stored); earlier unused tokens of that purpose die. */
export async function issueToken(tx: Tx, userId: string, purpose: Purpose, now: Date): Promise<string> {
  await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose), isNull(authTokens.usedAt)));
  const token = newToken(32);
  await tx.insert(authTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + tokenTtlMs[purpose]),
  });
  return token;
}

/** Marks the token used and returns its user; a used, expired or unknown token is one error. */
export async function consumeToken(tx: Tx, token: string, purpose: Purpose, now: Date): Promise<string> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning({ userId: authTokens.userId });
  if (!row) {
    throw new AppError('PRECONDITION_FAILED', 'This link has expired or was already used. Request a new one.', {
      fieldErrors: { token: ['expired or already used'] },
    });
  }
  return row.userId;
}
