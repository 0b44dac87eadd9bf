import { getDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { env } from '@/lib/core/env';
import { logger } from '@/lib/core/logger';
import { jobs } from '@/lib/jobs/boss';
import { startAllWorkers } from '@/lib/jobs/handlers';

export async function boot(): Promise<void> {
  const e = env();
  const database = getDatabase();
  const started = Date.now();
  if (database.kind === 'pglite') await runMigrations(database);
  await jobs();
  if (e.JOBS_IN_PROCESS) await startAllWorkers();
  logger.info({ engine: database.kind, jobsInProcess: e.JOBS_IN_PROCESS, ms: Date.now() - started }, 'fixnado started');
}
