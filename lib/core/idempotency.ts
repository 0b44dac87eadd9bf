import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { AppError } from './errors';
import { canonical } from '@/lib/audit/chain';

export interface StoredResponse<R> {
  status: number;
  body: R;
  replayed: boolean;
}

export const idempotencyKeySchemaMessage = 'Idempotency-Key must be 8–200 characters of letters, digits, - or _';
const KEY_SHAPE = /^[A-Za-z0-9_-]{8,200}$/;

export function requestHash(payload: unknown): string {
  return createHash('sha256').update(canonical(payload)).digest('hex');
}

/**
 * Runs `fn` once per (scope, key). The first response is stored in the same transaction as the
 * change; a retry with the same key and payload gets that stored response; the same key with a
 * different payload is a 422. Concurrent duplicates serialise on a transaction-level advisory lock,
 * so the second waits and then replays rather than racing.
 */
export async function withIdempotency<R>(
  tx: Tx,
  scope: string,
  key: string,
  payload: unknown,
  fn: () => Promise<{ status: number; body: R }>,
): Promise<StoredResponse<R>> {
  if (!KEY_SHAPE.test(key)) {
    throw new AppError('VALIDATION', idempotencyKeySchemaMessage, {
      fieldErrors: { idempotencyKey: [idempotencyKeySchemaMessage] },
    });
  }
  const hash = requestHash(payload);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`idem:${scope}:${key}`}, 0))`);
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (existing) {
    if (existing.requestHash !== hash) {
      throw new AppError(
        'VALIDATION',
        'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
        { fieldErrors: { idempotencyKey: ['already used with a different request'] } },
      );
    }
    return { status: existing.status, body: existing.response as R, replayed: true };
  }
  const result = await fn();
  await tx.insert(idempotencyKeys).values({
    scope,
    key,
    requestHash: hash,
    status: result.status,
    response: result.body as object,
  });
  return { ...result, replayed: false };
}

/**
 * Whether a response is already stored for (scope, key) — a plain read, no lock. Lets a route turn
 * away a request that is certain to fail (a hot slot) before it opens a transaction, while a retry
 * of the request that succeeded still goes the normal way and replays its stored response. A key
 * that is not stored yet cannot belong to a request that has committed, because the response is
 * stored in the same transaction as the change.
 */
export async function responseStored(ex: Executor, scope: string, key: string): Promise<boolean> {
  if (!KEY_SHAPE.test(key)) return false;
  const [row] = await ex
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return !!row;
}
