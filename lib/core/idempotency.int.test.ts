import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { AppError } from './errors';
import { withIdempotency } from './idempotency';
import { hitRateLimit } from './rate-limit';

let counter = 0;
const create = (scope: string, key: string, payload: unknown) =>
  db().transaction((tx) =>
    withIdempotency(tx, scope, key, payload, async () => {
      counter += 1;
      return { status: 201, body: { n: counter } };
    }),
  );

describe('idempotency keys (I3, F5)', () => {
  it('replays the first response for the same key and payload', async () => {
    const first = await create('user-1', 'key-aaaaaaaa', { a: 1, b: [1, 2] });
    const again = await create('user-1', 'key-aaaaaaaa', { b: [1, 2], a: 1 });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ status: 201, body: first.body, replayed: true });
  });

  it('refuses the same key with a different payload (422), and scopes keys per caller', async () => {
    await create('user-2', 'key-bbbbbbbb', { a: 1 });
    const err = await create('user-2', 'key-bbbbbbbb', { a: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    const other = await create('user-3', 'key-bbbbbbbb', { a: 2 });
    expect(other.replayed).toBe(false);
  });

  it('a failed first attempt stores nothing, so a retry runs', async () => {
    await expect(
      db().transaction((tx) =>
        withIdempotency(tx, 'user-4', 'key-cccccccc', {}, async () => {
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    const retry = await create('user-4', 'key-cccccccc', {});
    expect(retry.replayed).toBe(false);
  });

  // On the embedded engine the ten calls are serialised; the PostgreSQL run (CI) proves the race.
  it('ten concurrent duplicates produce one execution and nine replays', async () => {
    const before = counter;
    const results = await Promise.all(Array.from({ length: 10 }, () => create('user-5', 'key-dddddddd', { x: 1 })));
    expect(counter - before).toBe(1);
    expect(results.filter((r) => r.replayed)).toHaveLength(9);
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    const rows = await db().execute(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE scope = 'user-5'`);
    expect(rowsOf<{ n: number }>(rows)[0]).toMatchObject({ n: 1 });
  });

  it('rejects malformed keys with a field error', async () => {
    const err = await create('user-6', 'bad key!', {}).catch((e: unknown) => e);
    expect((err as AppError).details.fieldErrors?.idempotencyKey).toBeDefined();
  });
});

describe('rate limits', () => {
  it('counts per fixed window and resets after it', async () => {
    const t0 = new Date('2026-03-01T10:00:00Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit('test:rl', 3, 60, t0));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3].retryAfterSeconds).toBe(60);
    const later = await hitRateLimit('test:rl', 3, 60, new Date(t0.getTime() + 61_000));
    expect(later).toMatchObject({ allowed: true, count: 1 });
  });

  it('holds under concurrent hits (one atomic upsert)', async () => {
    const t0 = new Date('2026-03-01T11:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit('test:rl-conc', 5, 60, t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(new Set(results.map((r) => r.count)).size).toBe(20);
  });
});
