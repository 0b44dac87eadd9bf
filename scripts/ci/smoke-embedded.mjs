// The zero-setup path must keep working: on a throwaway embedded data dir, seed, build, start the
// app the way `npm run demo` does, and require /api/health to say ok and a demo sign-in page to render.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixnado-smoke-'));
const port = 3297;
const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, 'data'), NEXT_DIST_DIR: '.next-smoke', NODE_ENV: 'production', AUTH_SECRET: 'smoke-secret-0123456789abcdef', ALLOW_INSECURE_HTTP: 'true', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
const t0 = Date.now();
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts'], { env, stdio: 'inherit' });
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/prebuild.ts'], { env, stdio: 'inherit' });
execFileSync('node_modules/.bin/next', ['build'], { env, stdio: 'inherit' });
const server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: 'inherit', detached: true });
let ok = false;
try {
  for (let i = 0; i < 120 && !ok; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      const body = await res.json();
      if (res.status === 200 && body.status === 'ok' && body.engine === 'pglite') ok = true;
    } catch {
      /* not up yet */
    }
  }
  if (ok) {
    const page = await fetch(`http://127.0.0.1:${port}/sign-in`);
    ok = page.status === 200 && (await page.text()).includes('Sign in to Fixnado');
  }
} finally {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  await new Promise((r) => setTimeout(r, 1000));
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(ok ? `embedded smoke ok in ${Math.round((Date.now() - t0) / 1000)} s` : 'embedded smoke FAILED');
process.exit(ok ? 0 : 1);
