// The floor: what a bare node:http + postgres.js endpoint does on this machine, against the same
// database as the app, with the app's pool size. Run as its own process (so it does not share the
// load generator's event loop):
//   FLOOR_DATABASE_URL=postgres://… node --import tsx scripts/bench/lib/floor-server.ts [port] [poolMax]
// Prints "floor listening <port>" when ready; stops on SIGTERM/SIGINT.
import http from 'node:http';
import postgres from 'postgres';

const url = process.env.FLOOR_DATABASE_URL;
if (!url) {
  process.stderr.write('FLOOR_DATABASE_URL is required\n');
  process.exit(2);
}
const port = Number(process.argv[2] ?? 0);
const poolMax = Number(process.argv[3] ?? 10);
const sql = postgres(url, { max: poolMax, onnotice: () => {} });

const server = http.createServer((req, res) => {
  sql`SELECT 1 AS ok`
    .then((rows) => {
      const body = JSON.stringify({ status: 'ok', db: rows[0]?.ok === 1 });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
      res.end(body);
    })
    .catch((err: Error) => {
      const body = JSON.stringify({ status: 'down', error: err.message.slice(0, 200) });
      res.writeHead(503, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
});
server.keepAliveTimeout = 65_000;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The bench owns us: if it goes away (stdin closes), go too.
process.stdin.on('end', stop);
process.stdin.resume();

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`floor listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
