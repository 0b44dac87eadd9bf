/**
 * Crew invitation links. auth_tokens only knows verify_email / reset_password and needs an
 * existing user, so an invitation is a signed, expiring link instead: HMAC(AUTH_SECRET) over the
 * serviceman id, the invited email, the expiry and the row's updated_at. Re-inviting touches
 * updated_at (the old link dies); accepting activates the row (the link cannot be used twice).
 * The email is never in the link: the signature only verifies for the invited person's account.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/core/env';

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

function sign(servicemanId: string, email: string, expiresMs: number, version: number): string {
  return createHmac('sha256', env().AUTH_SECRET)
    .update(`crew_invite|${servicemanId}|${email.trim().toLowerCase()}|${expiresMs}|${version}`)
    .digest('base64url');
}

export function inviteToken(servicemanId: string, email: string, expiresAt: Date, updatedAt: Date): string {
  const exp = expiresAt.getTime();
  return `${servicemanId}.${exp}.${sign(servicemanId, email, exp, updatedAt.getTime())}`;
}

export function parseInviteToken(token: string): { servicemanId: string; expiresMs: number; sig: string } | null {
  const m = /^([0-9a-f-]{36})\.(\d{10,16})\.([A-Za-z0-9_-]{43})$/i.exec(token.trim());
  if (!m) return null;
  return { servicemanId: m[1].toLowerCase(), expiresMs: Number(m[2]), sig: m[3] };
}

export function inviteSignatureMatches(t: { servicemanId: string; expiresMs: number; sig: string }, email: string, updatedAt: Date): boolean {
  const expected = Buffer.from(sign(t.servicemanId, email, t.expiresMs, updatedAt.getTime()));
  const given = Buffer.from(t.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
