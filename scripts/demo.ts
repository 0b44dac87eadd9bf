// npm run demo — the zero-setup path: migrate + seed the demo city, build, and serve on
// http://localhost:3000 (embedded PGlite in .data/ unless DATABASE_URL points at PostgreSQL).
//   --port N     another port        --no-build   reuse the last production build
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { demoUsers, DEMO_PASSWORD } from '@/db/seed/identity';

const args = process.argv.slice(2);
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? args[portIndex + 1] : (process.env.PORT ?? '3000');
const skipBuild = args.includes('--no-build') && fs.existsSync('.next/BUILD_ID');

fs.mkdirSync('.data', { recursive: true });
// A per-machine secret, made once and kept beside the data it protects.
const secretFile = path.join('.data', 'auth-secret');
if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const origin = `http://localhost:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? fs.readFileSync(secretFile, 'utf8').trim(),
  APP_URL: process.env.APP_URL ?? origin,
  // The demo serves plain http on this machine: no Secure cookies or HSTS, by explicit choice.
  ALLOW_INSECURE_HTTP: process.env.ALLOW_INSECURE_HTTP ?? 'true',
  DEV_MAILBOX_PUBLIC: process.env.DEV_MAILBOX_PUBLIC ?? 'true',
  NEXT_TELEMETRY_DISABLED: '1',
};

const run = (cmd: string, cmdArgs: string[], extra: Record<string, string> = {}) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: { ...env, ...extra } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${code})`))));
  });

try {
  // Seeding runs in its own process before the server: the embedded engine allows one process per data dir.
  await run(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts']);
  if (!skipBuild) {
    await run(process.execPath, ['--import', 'tsx', 'scripts/prebuild.ts']);
    await run('node_modules/.bin/next', ['build'], { NODE_ENV: 'production' });
  }
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}

process.stdout.write(
  `\nFixnado is starting on ${origin}\n` +
    `Demo accounts (password ${DEMO_PASSWORD}):\n${demoUsers.map((u) => `  ${u.email.padEnd(26)} ${u.roles.map((r) => r[0]).join(', ')}`).join('\n')}\n` +
    `Emails (sign-up, reset) arrive in ${origin}/dev/mailbox\n\n`,
);
const server = spawn('node_modules/.bin/next', ['start', '-p', port], { stdio: 'inherit', env: { ...env, NODE_ENV: 'production' } });
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
