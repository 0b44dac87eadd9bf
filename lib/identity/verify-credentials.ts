import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { env } from '@/lib/core/env';
import { clearRateLimit, hitRateLimit } from '@/lib/core/rate-limit';
import { signInInput } from './schemas';
import { verifyPassword } from './password';

export type CredentialsOutcome =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'rate_limited' | 'unverified' | 'disabled'; retryAfterSeconds?: number };

const ipKey = (ip: string) => `signin:ip:${createHash('sha256').update(ip).digest('hex').slice(0, 32)}`;
const accountKey = (email: string, ip: string) =>
  `signin:acct:${createHash('sha256').update(`${email}\u0000${ip}`).digest('hex').slice(0, 32)}`;
const emailKey = (email: string) => `signin:email:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;

/**
 * Checks email + password for next-auth's Credentials provider. Throttled per address, per
 * account+address and per account (credential stuffing across addresses) before any hash is
 * computed; the same "invalid" answer — and the same argon2 cost — whether or not the account
 * exists. Only a correct password reveals the unverified/disabled state.
 */
export async function verifyCredentials(raw: unknown, ip: string, at: Date): Promise<CredentialsOutcome> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  const e = env();
  const window = e.SIGNIN_WINDOW_SECONDS;
  for (const [key, max] of [
    [ipKey(ip), e.SIGNIN_MAX_PER_IP],
    [accountKey(email, ip), e.SIGNIN_MAX_PER_ACCOUNT],
    [emailKey(email), e.SIGNIN_MAX_PER_ACCOUNT * 4],
  ] as const) {
    const hit = await hitRateLimit(key, max, window, at);
    if (!hit.allowed) return { ok: false, reason: 'rate_limited', retryAfterSeconds: hit.retryAfterSeconds };
  }
  const [user] = await db().select().from(users).where(sql`lower(${users.email}) = ${email}`);
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) return { ok: false, reason: 'invalid' };
  if (user.disabledAt) return { ok: false, reason: 'disabled' };
  if (!user.emailVerifiedAt) return { ok: false, reason: 'unverified' };
  // A successful sign-in forgives this account's failed attempts from this address.
  await clearRateLimit(accountKey(email, ip));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
