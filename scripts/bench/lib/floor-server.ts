// The floor: what a bare node:http + postgres.js endpoint does on this machine, against the same
// database as the app, with the app's pool size. Run as its own process (so it does not share the
// load generator's event loop):
//   FLOOR_DATABASE_URL=postgres://… node --import tsx scripts/bench/lib/floor-server.ts [port] [poolMax]
// Prints "floor listening <port>" when ready; stops on SIGTERM/SIGINT.
import postgres from 'postgres';
import { serveFloor } from './floor-http';

const url = process.env.FLOOR_DATABASE_URL;
if (!url) {
  process.stderr.write('FLOOR_DATABASE_URL is required\n');
  process.exit(2);
}
const port = Number(process.argv[2] ?? 0);
const poolMax = Number(process.argv[3] ?? 10);
const sql = postgres(url, { max: poolMax, onnotice: () => {} });

serveFloor({
  port,
  close: () => sql.end({ timeout: 2 }),
  answer: () =>
    sql`SELECT 1 AS ok`.then(
      (rows) => ({ status: 200, body: { status: 'ok', db: rows[0]?.ok === 1 } }),
      (err: Error) => ({ status: 503, body: { status: 'down', error: err.message.slice(0, 200) } }),
    ),
});
