import { expect } from 'vitest';
import { memberships, organisations, users } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { db } from '@/db/client';
import type { Role } from '@/lib/core/auth/roles';
import type { Ctx, UserActor } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { roleOrgKind } from '@/lib/core/auth/roles';
import { resolveActor } from '@/lib/identity/queries';
import { hashPassword } from '@/lib/identity/password';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function makeOrg(kind: 'platform' | 'provider' | 'enterprise', name = `${kind} ${unique()}`) {
  const id = newId();
  const slug = `${kind}-${unique()}`;
  await db().insert(organisations).values({ id, kind, name, slug });
  return { id, slug, name, kind };
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery';

/** A verified user holding `roles` (orgs created per kind unless given). */
export async function makeUser(roles: Role[] = ['customer'], opts: { orgs?: Partial<Record<'platform' | 'provider' | 'enterprise', string>>; email?: string; verified?: boolean } = {}) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = newId();
  const email = opts.email ?? `user-${unique()}@example.test`;
  await db().insert(users).values({ id, email, name: 'Test User', passwordHash: await cachedHash, emailVerifiedAt: opts.verified === false ? null : new Date() });
  const orgs = { ...(opts.orgs ?? {}) };
  for (const role of roles) {
    const kind = roleOrgKind[role];
    let orgId: string | null = null;
    if (kind) {
      orgs[kind] ??= (await makeOrg(kind)).id;
      orgId = orgs[kind]!;
    }
    await db().insert(memberships).values({ userId: id, orgId, role });
  }
  return { id, email, orgs };
}

export async function actorFor(userId: string, at = new Date()): Promise<UserActor> {
  const actor = await resolveActor(userId, 0, at);
  if (!actor) throw new Error('test user did not resolve to an actor');
  return actor;
}

export async function ctxFor(userId: string, at = new Date()): Promise<Ctx> {
  return { actor: await actorFor(userId, at), requestId: `test-${unique()}`, now: at };
}

export const anonCtx = (at = new Date()): Ctx => ({ actor: { kind: 'anonymous', roles: [] }, requestId: `test-${unique()}`, now: at });

/** Awaits a promise that must reject with an AppError of `code`, and returns that error. */
export const expectAppError = async (p: Promise<unknown>, code: AppError['code']) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
};
