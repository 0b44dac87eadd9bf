import PgBoss from 'pg-boss';
import { getDatabase, txExecutor, type Tx } from '@/db/client';
import { logger } from '@/lib/core/logger';
import { queueOptions, schedules, type JobName, type JobPayloads } from './catalogue';

type Handlers = { [K in JobName]: (data: JobPayloads[K]) => Promise<void> };

const g = globalThis as unknown as { __fixnadoBoss?: Promise<PgBoss>; __fixnadoWorking?: boolean; __fixnadoBossUp?: boolean };

/**
 * On PostgreSQL pg-boss keeps its own small pool; on the embedded engine it runs through the same
 * PGlite handle (one connection, so its polling is serialised with app queries).
 */
function create(): PgBoss {
  const database = getDatabase();
  const common = { schedule: true, supervise: true, migrate: true } as const;
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ connectionString: database.url, max: 4, application_name: 'fixnado-jobs', ...common })
      : new PgBoss({ db: database.raw as PgBoss.Db, ...common });
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));
  return boss;
}

/** The started queue (created once per process). */
export function jobs(): Promise<PgBoss> {
  g.__fixnadoBoss ??= (async () => {
    const boss = create();
    await boss.start();
    for (const name of Object.keys(queueOptions) as JobName[]) {
      await boss.createQueue(name, { name, ...queueOptions[name] });
    }
    g.__fixnadoBossUp = true;
    boss.on('stopped', () => (g.__fixnadoBossUp = false));
    return boss;
  })();
  return g.__fixnadoBoss;
}

/** Enqueued inside the business transaction (outbox): the job exists iff the change committed. */
export async function enqueue<K extends JobName>(
  tx: Tx,
  name: K,
  data: JobPayloads[K],
  options: Omit<PgBoss.SendOptions, 'db'> = {},
): Promise<string | null> {
  // The queue must already be started (boot does it): starting it here, inside a transaction, would
  // deadlock the embedded engine's single connection.
  if (!g.__fixnadoBoss) throw new Error('The job queue is not started: call jobs() at boot before enqueuing.');
  const boss = await g.__fixnadoBoss;
  return boss.send(name, data as object, { ...options, db: txExecutor(tx) as PgBoss.Db });
}

/** Registers handlers and schedules; called by the in-process starter or `npm run worker`. */
export async function startWorkers(handlers: Handlers): Promise<void> {
  if (g.__fixnadoWorking) return;
  g.__fixnadoWorking = true;
  const boss = await jobs();
  for (const name of Object.keys(handlers) as JobName[]) {
    const handle = handlers[name] as (data: unknown) => Promise<void>;
    await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
      const log = logger.child({ job: name, jobId: job.id });
      const started = Date.now();
      try {
        await handle(job.data);
        log.info({ ms: Date.now() - started }, 'job done');
      } catch (err) {
        log.error({ err }, 'job failed');
        throw err;
      }
    });
  }
  for (const [name, cron] of Object.entries(schedules())) {
    await boss.schedule(name, cron, {}, { tz: 'UTC' });
  }
}

export async function stopJobs(): Promise<void> {
  const pending = g.__fixnadoBoss;
  g.__fixnadoBoss = undefined;
  g.__fixnadoWorking = false;
  g.__fixnadoBossUp = false;
  if (pending) await (await pending).stop({ graceful: true, wait: true, timeout: 5000 });
}

/** Started and not stopped (its database connectivity is what the health check's query proves). */
export function jobsHealthy(): boolean {
  return g.__fixnadoBossUp === true;
}
