// PostgreSQL helpers for the safety net: find and drop a bench database serve-fresh left behind.
import postgres from 'postgres';

/** Same rule as test/db-harness: the maintenance database, as the local superuser by default. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  if (!u.username) u.username = 'postgres';
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** Hides the password, if any, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable url)';
  }
}

async function withAdmin<T>(baseUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(baseUrl), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function databasesLike(baseUrl: string, pattern: string): Promise<string[]> {
  return withAdmin(baseUrl, async (sql) => {
    const rows = await sql<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${pattern} ORDER BY datname`;
    return rows.map((r) => r.datname);
  });
}

export async function databaseExists(baseUrl: string, name: string): Promise<boolean> {
  return withAdmin(baseUrl, async (sql) => (await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0);
}

export async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`refusing to drop oddly named database ${JSON.stringify(name)}`);
  await withAdmin(baseUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
