// npm run worker — a job-worker process for scaled-out deployments (PostgreSQL only): run the app
// with JOBS_IN_PROCESS=false and as many of these as the queues need.
import { closeDatabase, getDatabase } from '@/db/client';
import { logger } from '@/lib/core/logger';
import { jobs, stopJobs } from '@/lib/jobs/boss';
import { startAllWorkers } from '@/lib/jobs/handlers';

const database = getDatabase();
if (database.kind !== 'postgres') {
  logger.error('npm run worker needs DATABASE_URL: the embedded engine runs its workers inside the app process');
  process.exit(1);
}
await jobs();
await startAllWorkers();
logger.info({ pid: process.pid }, 'worker started');

const stop = async () => {
  logger.info('worker stopping');
  await stopJobs();
  await closeDatabase();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
