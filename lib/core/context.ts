import { db, type Executor, type Tx } from '@/db/client';
import type { Role } from './auth/roles';
import { now as clockNow } from './clock';
import { newId } from './ids';

export interface ActorMembership {
  orgId: string | null;
  orgKind: 'platform' | 'provider' | 'enterprise' | null;
  orgName: string | null;
  role: Role;
  expiresAt: Date | null;
}

/**
 * Who is calling. Roles always come from the database at request time (see resolveActor); nothing
 * a client sends can add to them. System and webhook actors hold no roles: verbs that accept them
 * say so explicitly.
 */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      roles: Role[];
      memberships: ActorMembership[];
      /** First provider / enterprise organisation, for tenant-scoped panels. */
      providerId: string | null;
      enterpriseId: string | null;
    }
  | { kind: 'anonymous'; roles: [] }
  | { kind: 'system'; job: string; roles: [] }
  | { kind: 'webhook'; source: string; roles: [] };

export const anonymous: Actor = { kind: 'anonymous', roles: [] };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export interface Ctx {
  actor: Actor;
  tx?: Tx;
  requestId: string;
  now: Date;
}

/** The executor to use: the open transaction if any, else the pool. */
export function exec(ctx: Ctx): Executor {
  return ctx.tx ?? db();
}

/** Reuse ctx.tx when a caller already opened one, else open exactly one transaction. */
export async function withTx<R>(ctx: Ctx, fn: (ctx: Ctx & { tx: Tx }) => Promise<R>): Promise<R> {
  if (ctx.tx) return fn(ctx as Ctx & { tx: Tx });
  return db().transaction((tx) => fn({ ...ctx, tx }));
}

/** The id stored beside audit rows and events: user id, job name or webhook source (none when anonymous). */
export function actorRef(actor: Actor): string | null {
  if (actor.kind === 'user') return actor.userId;
  if (actor.kind === 'system') return actor.job;
  if (actor.kind === 'webhook') return actor.source;
  return null;
}
