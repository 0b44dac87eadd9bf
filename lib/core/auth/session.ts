import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { now } from '@/lib/core/clock';
import { anonymous, type Ctx, type UserActor } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { resolveActor } from '@/lib/identity/queries';
import { auth, sessionMaxAgeSeconds } from './next-auth';

/**
 * The signed-in actor for this request, or null. Resolved once per request from the session
 * token's user id + session version, with roles read from the database — never from the token,
 * a header or a cookie value.
 */
// next-auth's cookie names (plain http / https); without either there is no session to decode.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export const getActor = cache(async (): Promise<UserActor | null> => {
  // Anonymous traffic (the explorer, matching, tiles) skips decoding entirely: it dominated the
  // CPU of public API requests. A chunked token ("….0") still starts with the cookie name.
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)))) return null;
  const session = (await auth()) as { user?: { id?: string }; sv?: number; sid?: string } | null;
  const userId = session?.user?.id;
  if (!userId || typeof session?.sv !== 'number') return null;
  return resolveActor(userId, session.sv, now(), session.sid || null);
});

export const getRequestId = cache(async (): Promise<string> => {
  const h = await headers();
  const id = h.get('x-request-id');
  return id && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : newId();
});

/** Context for a server page or action on behalf of the signed-in user (or an anonymous visitor). */
export async function requestCtx(): Promise<Ctx> {
  const actor = await getActor();
  return {
    actor: actor ?? anonymous,
    requestId: await getRequestId(),
    now: now(),
  };
}

/** The current session's id and expiry (for revoking it on sign-out). */
export async function currentSession(): Promise<{ userId: string; sessionId: string; expiresAt: Date } | null> {
  const session = (await auth()) as { user?: { id?: string }; sid?: string; expires?: string } | null;
  if (!session?.user?.id || !session.sid) return null;
  return { userId: session.user.id, sessionId: session.sid, expiresAt: new Date(session.expires ?? Date.now() + sessionMaxAgeSeconds * 1000) };
}
