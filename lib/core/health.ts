import { getDatabase } from '@/db/client';
import { migrationStatus } from '@/db/migrate';
import { jobsHealthy } from '@/lib/jobs/boss';
import { env } from './env';

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  engine: 'postgres' | 'pglite';
  checks: {
    database: { ok: boolean; ms: number; error?: string };
    migrations: { ok: boolean; applied: number; expected: number };
    jobs: { ok: boolean; inProcess: boolean };
  };
}

/** Database reachable, schema current, job queue running — what a load balancer needs to know. */
export async function checkHealth(): Promise<HealthReport> {
  const database = getDatabase();
  const started = performance.now();
  let dbOk = true;
  let dbError: string | undefined;
  let migrations = { applied: 0, expected: 0 };
  try {
    // One query proves the database answers and tells how far it is migrated.
    migrations = await migrationStatus(database);
  } catch (err) {
    dbOk = false;
    dbError = (err as Error).message.slice(0, 200);
  }
  const ms = Math.round(performance.now() - started);
  const jobsOk = dbOk && jobsHealthy();
  const migrationsOk = dbOk && migrations.applied >= migrations.expected;
  const status = !dbOk ? 'down' : migrationsOk && jobsOk ? 'ok' : 'degraded';
  return {
    status,
    engine: database.kind,
    checks: {
      database: { ok: dbOk, ms, ...(dbError ? { error: dbError } : {}) },
      migrations: { ok: migrationsOk, ...migrations },
      jobs: { ok: jobsOk, inProcess: env().JOBS_IN_PROCESS },
    },
  };
}
