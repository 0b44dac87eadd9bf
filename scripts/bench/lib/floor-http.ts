// The part every floor server shares: a bare node:http server answering JSON from one async
// function, stopped by SIGTERM/SIGINT or when the bench that owns it goes away (stdin closes),
// announcing "floor listening <port>" once ready (lib/floor.ts waits for that line).
import http from 'node:http';

export function serveFloor(opts: { port: number; answer: (url: URL) => Promise<{ status: number; body: unknown }>; close: () => Promise<unknown> }): void {
  const server = http.createServer((req, res) => {
    opts
      .answer(new URL(req.url ?? '/', 'http://floor'))
      .catch((err: Error) => ({ status: 500, body: { error: err.message.slice(0, 200) } }))
      .then(({ status, body }) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
        res.end(text);
      });
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void opts.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();

  server.listen(opts.port, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`floor listening ${typeof address === 'object' && address ? address.port : opts.port}\n`);
  });
}
