import { eq, sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db/client';
import { rateLimits } from '@/db/schema';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in PostgreSQL (one atomic upsert), so a limit holds across every app
 * instance and survives restarts — an in-memory limiter would reset per process.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
  executor: Executor = db(),
): Promise<RateLimitResult> {
  const result = await executor.execute(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${now.toISOString()}::timestamptz, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${now.toISOString()}::timestamptz - make_interval(secs => ${windowSeconds})
                   THEN ${now.toISOString()}::timestamptz ELSE rate_limits.window_start END
    RETURNING count, window_start`);
  const [row] = rowsOf<{ count: number; window_start: string | Date }>(result);
  const count = Number(row.count);
  const windowStart = new Date(row.window_start);
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { allowed: count <= limit, count, retryAfterSeconds };
}

export async function clearRateLimit(key: string, executor: Executor = db()): Promise<void> {
  await executor.delete(rateLimits).where(eq(rateLimits.key, key));
}
