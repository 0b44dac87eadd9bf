// Starts a production build (`next start`) on a brand-new, seeded database and keeps it running
// until stopped; the database is dropped on exit. Used by Playwright's webServer and the benches.
//   tsx scripts/serve-fresh.ts --port 3210 --label e2e
import { spawn } from 'node:child_process';
import { freshDatabaseEnv } from './lib/fresh-db';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = arg('port', '3210');
const label = arg('label', 'e2e');

const { env: dbEnv, cleanup } = await freshDatabaseEnv(label);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ...dbEnv,
  NODE_ENV: 'production' as const,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'fixnado-test-secret-0123456789abcdef',
  APP_URL: `http://127.0.0.1:${port}`,
  // Plain http on loopback: no Secure cookies / HSTS, by explicit choice.
  ALLOW_INSECURE_HTTP: 'true',
  // Browser tests run offline: the map uses the built-in style instead of a basemap host.
  NEXT_PUBLIC_MAP_STYLE_URL: process.env.NEXT_PUBLIC_MAP_STYLE_URL ?? 'offline',
  DEV_MAILBOX_PUBLIC: 'true',
  // Every browser test signs in from 127.0.0.1: the per-address limit guards the internet, not a
  // test suite (the per-account limit still applies and is tested).
  SIGNIN_MAX_PER_IP: process.env.SIGNIN_MAX_PER_IP ?? '1000',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

const run = (cmd: string, cmdArgs: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} exited ${code}`))));
  });

// Seed in its own process first: the embedded engine allows one process per data dir.
await run(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts']);
// The geo benchmark serves the 10k-zone / 50k-provider scale set on top of the demo data.
const scale = process.env.SERVE_FRESH_GEO_SCALE;
if (scale) {
  const [zones, providers] = scale.split(':');
  await run(process.execPath, ['--import', 'tsx', 'scripts/geo-scale.ts', '--zones', zones, '--providers', providers]);
}
const server = spawn('node_modules/.bin/next', ['start', '-p', port, '-H', '127.0.0.1'], { env, stdio: 'inherit' });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  await cleanup().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  if (!stopping) {
    await cleanup().catch(() => {});
    process.exit(code ?? 1);
  }
});
