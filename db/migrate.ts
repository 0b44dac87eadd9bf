import path from 'node:path';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { pgErrorInfo, type Database } from './client';
import journal from '../drizzle/meta/_journal.json';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** The same folder of SQL runs on both engines; drizzle records what it applied. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
  } else {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  }
}

/** How many migrations the code expects vs how many the database has applied (health check). */
export async function migrationStatus(database: Database): Promise<{ expected: number; applied: number }> {
  const expected = journal.entries.length;
  try {
    const { rows } = await database.raw.executeSql('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return { expected, applied: Number(rows[0]?.n ?? 0) };
  } catch (err) {
    // A reachable database that was never migrated (undefined table) has applied nothing;
    // anything else means the database itself is not answering.
    if (pgErrorInfo(err).code === '42P01') return { expected, applied: 0 };
    throw err;
  }
}
