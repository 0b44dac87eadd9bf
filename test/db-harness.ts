import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { openPostgres, wrapPglite, type Database } from '@/db/client';
import { runMigrations } from '@/db/migrate';

/**
 * Test databases. On PostgreSQL a migrated template is made once per run and every test file
 * gets `CREATE DATABASE … TEMPLATE` (milliseconds); on the embedded engine a migrated data dir is
 * dumped once and every file loads it (seconds, instead of ~16 s to create PostGIS afresh).
 */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  // PostGIS needs a superuser; the local cluster trusts `postgres`.
  if (!u.username) u.username = 'postgres';
  return u.toString();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTemplate(baseUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const superuser = postgres(withDatabase(adminUrl(baseUrl), name), { max: 1, onnotice: () => {} });
  try {
    await superuser.unsafe('CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS btree_gist;');
  } finally {
    await superuser.end();
  }
  const database = openPostgres(withDatabase(baseUrl, name), 2);
  try {
    await runMigrations(database);
  } finally {
    await database.close();
  }
}

export async function createFromTemplate(baseUrl: string, template: string, name: string): Promise<Database> {
  const admin = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return openPostgres(withDatabase(baseUrl, name), 20);
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function createPgliteDump(): Promise<string> {
  const client = new PGlite({ extensions: { postgis, btree_gist } });
  const database = wrapPglite(client);
  await runMigrations(database);
  const dump = await client.dumpDataDir('gzip');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fixnado-tpl-')), 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  return file;
}

export async function loadPglite(dumpFile: string): Promise<Database> {
  const blob = new Blob([fs.readFileSync(dumpFile)]);
  const client = new PGlite({ loadDataDir: blob, extensions: { postgis, btree_gist } });
  await client.waitReady;
  return wrapPglite(client);
}
