import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { adminUrl, withDatabase } from '@/test/db-harness';

/**
 * A brand-new database for a browser-test or benchmark server: on PostgreSQL a database created
 * from nothing (PostGIS by the superuser); on the embedded engine an empty temporary data dir.
 * Returns the environment the server (and the seed) must run with.
 */
export async function freshDatabaseEnv(label: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `fixnado_${label}_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end();
    const su = postgres(withDatabase(adminUrl(base), name), { max: 1, onnotice: () => {} });
    await su.unsafe('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS btree_gist;');
    await su.end();
    return {
      env: { DATABASE_URL: withDatabase(base, name) },
      cleanup: async () => {
        const a = postgres(adminUrl(base), { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fixnado-${label}-`));
  return {
    env: { PGLITE_DATA_DIR: path.join(dir, 'data') },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
