import { cache } from 'react';
import { headers } from 'next/headers';
import { now } from '@/lib/core/clock';
import { anonymous, type Ctx, type UserActor } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { resolveActor } from '@/lib/identity/queries';
import { auth } from './next-auth';

/**
 * The signed-in actor for this request, or null. Resolved once per request from the session
 * token's user id + session version, with roles read from the database — never from the token,
 * a header or a cookie value.
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = (await auth()) as { user?: { id?: string }; sv?: number } | null;
  const userId = session?.user?.id;
  if (!userId || typeof session?.sv !== 'number') return null;
  return resolveActor(userId, session.sv, now());
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
