// `next build` into a separate dist dir, timed.
// Side effects of any `next build` on shared files, handled here:
//  - next-env.d.ts (gitignored) is rewritten to import <distDir>/types/routes.d.ts: put back as it
//    was when the only change is that dist path (and the old dist dir still exists), so other
//    engineers' type checks keep pointing at their own build.
//  - tsconfig.json gets <distDir>/types globs added to "include" when they are missing: NEVER
//    rewritten here (restoring a snapshot could clobber a concurrent edit or commit); reported instead.
//    The committed tsconfig.json already lists the .next-bench globs, so normally nothing changes.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { onCleanup, stopPid } from './proc';
import { log } from './util';

export interface BuildResult {
  distDir: string;
  built: boolean;
  seconds: number | null;
  /** Cold: the dist dir (and Next's build cache in it) was removed first, as on a fresh CI checkout. */
  cold: boolean;
  ok: boolean;
  exitCode: number | null;
  logFile: string | null;
  restored: string[];
  notes: string[];
}

const NEXT_ENV = 'next-env.d.ts';
const TSCONFIG = 'tsconfig.json';

function read(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** "./.next/", "./.next-e2e/" … → "./<dist>/" */
const normaliseNextEnv = (text: string) => text.replace(/\.\/\.next[^/"']*\//g, './<dist>/');

function restoreNextEnv(root: string, before: string | null, notes: string[]): string[] {
  const file = path.join(root, NEXT_ENV);
  const after = read(file);
  if (before === null || after === null || after === before) return [];
  if (normaliseNextEnv(before) !== normaliseNextEnv(after)) {
    notes.push(`${NEXT_ENV} changed during the build beyond Next's dist path; left as is`);
    return [];
  }
  const previousDist = /\.\/(\.next[^/"']*)\//.exec(before)?.[1];
  if (previousDist && !fs.existsSync(path.join(root, previousDist))) return [];
  fs.writeFileSync(file, before);
  return [NEXT_ENV];
}

function reportTsconfig(root: string, before: string | null, notes: string[]): void {
  const after = read(path.join(root, TSCONFIG));
  if (before !== null && after !== null && after !== before) {
    notes.push(`next build changed ${TSCONFIG} (it adds its dist dir's type globs to "include" when missing); left for you to keep or revert`);
  }
}

export function distExists(root: string, distDir: string): boolean {
  return fs.existsSync(path.join(root, distDir, 'BUILD_ID'));
}

export async function nextBuild(opts: { root: string; distDir: string; logFile: string; timeoutMs?: number }): Promise<BuildResult> {
  const { root, distDir, logFile } = opts;
  const notes: string[] = [];
  // A bench-owned folder is removed first so the time is a cold build (no warm cache from the last
  // run: that made it 2-4x faster). `.next` itself may be in use by a dev server: kept.
  const cold = distDir.startsWith('.next-');
  if (cold) fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
  else notes.push(`${distDir} kept (not bench-owned): build time may benefit from its cache`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.createWriteStream(logFile);
  const nextEnvBefore = read(path.join(root, NEXT_ENV));
  const tsconfigBefore = read(path.join(root, TSCONFIG));
  let restored: string[] = [];
  const afterBuild = () => {
    restored = restoreNextEnv(root, nextEnvBefore, notes);
    reportTsconfig(root, tsconfigBefore, notes);
  };
  const unregisterRestore = onCleanup('put next-env.d.ts back after next build', afterBuild);
  log(`next build → ${distDir}${cold ? ' (cold: folder removed first)' : ''} (log: ${path.relative(root, logFile)})`);
  const started = performance.now();
  const child = spawn(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const unregisterKill = onCleanup('stop next build', () => (child.pid ? stopPid(child.pid, 3000, 'next build') : undefined));
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const timeoutMs = opts.timeoutMs ?? 15 * 60_000;
  const timer = setTimeout(() => {
    notes.push(`next build killed after ${timeoutMs / 1000} s`);
    child.kill('SIGKILL');
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => {
    child.on('error', (err) => {
      notes.push(`could not start next build: ${err.message}`);
      resolve(null);
    });
    child.on('exit', (code) => resolve(code));
  });
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => out.end(resolve));
  unregisterKill();
  unregisterRestore();
  afterBuild();
  if (restored.length) notes.push(`put ${restored.join(', ')} back (next build had pointed it at ${distDir})`);
  const ok = exitCode === 0 && distExists(root, distDir);
  if (!ok) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    notes.push(`next build failed (exit ${exitCode}); last lines:\n${tail}`);
  }
  return { distDir, built: true, seconds, cold, ok, exitCode, logFile, restored, notes };
}
