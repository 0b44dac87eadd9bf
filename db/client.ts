import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { env } from '@/lib/core/env';
import * as schema from './schema';

/**
 * One drizzle instance for the whole process, over one of two engines:
 *  - postgres.js over real PostgreSQL + PostGIS when DATABASE_URL is set (production, CI);
 *  - embedded PGlite with PostGIS otherwise (zero-setup default; one process per data dir).
 * Both speak the same SQL and run the same migrations; callers only see `Db`.
 */
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
export type EngineKind = 'postgres' | 'pglite';

/** What runs raw SQL with $n parameters — what pg-boss needs to enqueue inside our transaction. */
export interface RawExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export interface Database {
  kind: EngineKind;
  /** Connection URL (PostgreSQL only): pg-boss opens its own pool to the same database. */
  url?: string;
  db: Db;
  /** Raw access outside any transaction (pg-boss on the embedded engine, health checks). */
  raw: RawExecutor;
  /**
   * LISTEN on a channel (realtime fan-out through NOTIFY): `cb` gets each payload; the returned
   * function stops listening. postgres.js keeps one dedicated connection for all its listeners;
   * PGlite delivers notifications committed by this same process.
   */
  listen?(channel: string, cb: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const g = globalThis as unknown as { __fixnadoDatabase?: Database };

export function getDatabase(): Database {
  // The singleton lives on globalThis so `next dev` hot reloads and proxy.ts share it.
  g.__fixnadoDatabase ??= open();
  return g.__fixnadoDatabase;
}

export function db(): Db {
  return getDatabase().db;
}

/** Tests and scripts point the process at a database of their own. */
export function setDatabase(database: Database | undefined): void {
  g.__fixnadoDatabase = database;
}

export async function closeDatabase(): Promise<void> {
  const current = g.__fixnadoDatabase;
  g.__fixnadoDatabase = undefined;
  await current?.close();
}

function open(): Database {
  const e = env();
  if (e.DATABASE_URL) return openPostgres(e.DATABASE_URL, e.DATABASE_POOL_MAX);
  return openPglite(e.PGLITE_DATA_DIR);
}

export function openPostgres(url: string, max = 10): Database {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    // int8 stays a string on the wire; lib/core/money converts it in one place.
    // pg-boss passes undefined for unset job options; SQL wants NULL.
    transform: { undefined: null },
    // JIT compiles a plan for seconds on wide explorer queries that then run in milliseconds;
    // the app's queries are short and index-driven, so it never pays off here.
    connection: { application_name: 'fixnado', jit: 'off' },
  });
  const database = drizzlePostgres({ client: sql, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'postgres',
    url,
    db: database,
    raw: {
      async executeSql(text, values) {
        const rows = await sql.unsafe(text, pgParams(values) as never[]);
        return { rows: rows as unknown as Record<string, unknown>[] };
      },
    },
    async listen(channel, cb) {
      const sub = await sql.listen(channel, (payload) => cb(payload));
      return () => sub.unlisten();
    },
    close: () => sql.end({ timeout: 5 }),
  };
}


export function openPglite(dataDir: string): Database {
  const memory = dataDir === ':memory:' || dataDir.startsWith('memory://');
  let release = () => {};
  if (!memory) {
    fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
    release = lockDataDir(dataDir);
  }
  const client = new PGlite(memory ? undefined : dataDir, {
    extensions: { postgis, btree_gist },
  });
  return wrapPglite(client, release);
}

export function wrapPglite(client: PGlite, release: () => void = () => {}): Database {
  const database = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Db;
  return {
    kind: 'pglite',
    db: database,
    raw: pgliteExecutor(client as unknown as PgliteLike),
    async listen(channel, cb) {
      const stop = await client.listen(channel, cb);
      return () => stop();
    },
    async close() {
      await client.close();
      release();
    },
  };
}

interface PgliteLike {
  query<T>(text: string, values?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<{ rows: T[] }[]>;
}
type T = Record<string, unknown>;

function pgliteExecutor(client: PgliteLike): RawExecutor {
  return {
    async executeSql(text, values) {
      // A multi-statement string (pg-boss installs its schema that way) cannot go through the
      // extended protocol; parameterised statements must.
      if (values && values.length) return client.query<T>(text, values);
      const results = await client.exec(text);
      return { rows: results.length ? results[results.length - 1].rows : [] };
    },
  };
}

/**
 * Two processes on one PGlite data dir each see only their own writes and silently lose rows,
 * so the second opener is refused with a message that says what to do.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(lockFile, 'utf8'));
      if (holder === process.pid) return () => {};
      if (holder && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is in use by process ${holder}. ` +
            'Only one process may open it: stop that process first (migrate/seed before starting the app), ' +
            'or set DATABASE_URL to use PostgreSQL.',
        );
      }
      fs.unlinkSync(lockFile); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Raw executor bound to a drizzle transaction, so a pg-boss job (or any raw statement) commits or
 * rolls back with the business change — the outbox guarantee.
 */
export function txExecutor(tx: Executor): RawExecutor {
  const client = (tx as unknown as { session: { client: unknown } }).session.client as {
    unsafe?: (text: string, values: unknown[]) => Promise<unknown[]>;
    query?: PgliteLike['query'];
    exec?: PgliteLike['exec'];
  };
  if (typeof client.unsafe === 'function') {
    const unsafe = client.unsafe.bind(client);
    return {
      async executeSql(text, values) {
        return { rows: (await unsafe(text, pgParams(values))) as Record<string, unknown>[] };
      },
    };
  }
  if (typeof client.query === 'function' && typeof client.exec === 'function') {
    return pgliteExecutor(client as PgliteLike);
  }
  throw new Error('Unsupported database client for raw execution');
}

/**
 * Raw callers (pg-boss) were written for node-postgres, which sends a plain object parameter as
 * JSON; postgres.js does not, so objects are serialised here the same way.
 */
function pgParams(values: unknown[] | undefined): unknown[] {
  return (values ?? []).map((v) =>
    v !== null && typeof v === 'object' && !(v instanceof Date) && !Buffer.isBuffer(v) && !Array.isArray(v) ? JSON.stringify(v) : v,
  );
}

/** `db.execute()` returns `{ rows }` on PGlite but an array on postgres.js; read both alike. */
export function rowsOf<R>(result: unknown): R[] {
  if (Array.isArray(result)) return result as R[];
  return ((result as { rows?: R[] }).rows ?? []) as R[];
}

/** Driver errors carry SQLSTATE on `cause.code`; the constraint name differs per driver. */
export function pgErrorInfo(err: unknown): { code?: string; constraint?: string } {
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    const c = e as { code?: unknown; constraint_name?: string; constraint?: string; cause?: unknown };
    if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) {
      return { code: c.code, constraint: c.constraint_name ?? c.constraint };
    }
    e = c.cause;
  }
  return {};
}
