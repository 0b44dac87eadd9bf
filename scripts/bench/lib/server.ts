// The app under test: scripts/serve-fresh.ts (fresh seeded database + `next start` of the build in
// distDir) on a free loopback port. stop() — also run by the cleanup registry on error/Ctrl-C —
// SIGTERMs serve-fresh (which stops next and drops its database), then checks: a next-server still
// alive is stopped by pid, a database still present is dropped, a PGlite temp dir still present is
// removed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { environOf, findNextServer, freePort, onCleanup, pidAlive, stopPid, waitForExit } from './proc';
import { databaseExists, databaseName, databasesLike, dropDatabase, redactUrl } from './pg';
import { errorText, log, sleep } from './util';

export interface AppServer {
  baseUrl: string;
  port: number;
  /** serve-fresh's pid (the process we spawned). */
  pid: number;
  /** The `next-server` process: the one whose memory counts. */
  nextPid: number;
  engine: string;
  databaseUrl: string | null;
  databaseName: string | null;
  pgliteDataDir: string | null;
  /** Settings passed on top of the inherited environment (printed with the results). */
  settings: Record<string, string>;
  startupSeconds: number;
  logFile: string;
  logTail(lines?: number): string;
  stop(): Promise<StopReport>;
}

export interface StopReport {
  serverStopped: boolean;
  database: string;
  notes: string[];
}

export interface StartOptions {
  root: string;
  distDir: string;
  label: string;
  logFile: string;
  /** Extra environment for the server (limits, pool size …); printed in the report. */
  settings?: Record<string, string>;
  healthTimeoutMs?: number;
}

export async function startApp(opts: StartOptions): Promise<AppServer> {
  const { root, distDir, label, logFile } = opts;
  const settings = opts.settings ?? {};
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.createWriteStream(logFile);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    out.write(chunk);
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };
  const logTail = (lines = 30) => tail.slice(-lines).join('\n');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...settings,
  };
  const base = process.env.DATABASE_URL ?? null;
  log(`starting serve-fresh on ${baseUrl} (label ${label}, ${base ? `PostgreSQL from ${redactUrl(base)}` : 'embedded PGlite'})`);
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve-fresh.ts', '--port', String(port), '--label', label], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid;
  if (!pid) throw new Error('could not spawn serve-fresh');

  let nextPid: number | null = null;
  let dbUrl: string | null = null;
  let pgliteDataDir: string | null = null;
  let stopped: Promise<StopReport> | null = null;

  const stop = () => {
    stopped ??= (async (): Promise<StopReport> => {
      const notes: string[] = [];
      nextPid ??= findNextServer(pid);
      // serve-fresh stops next, waits 1.5 s and drops the database (WITH FORCE) on SIGTERM.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let serverStopped = await waitForExit(child, 30_000);
      if (!serverStopped) {
        notes.push('serve-fresh did not exit within 30 s: SIGKILL');
        child.kill('SIGKILL');
        serverStopped = await waitForExit(child, 5_000);
      }
      if (nextPid && pidAlive(nextPid)) {
        notes.push(`next-server ${nextPid} outlived serve-fresh: stopped by pid`);
        await stopPid(nextPid, 5_000, 'next-server');
      }
      let database = 'none';
      if (base) {
        // If the readiness wait failed early we may not know the name: look it up by serve-fresh's pid.
        const names = dbUrl ? [databaseName(dbUrl)] : await databasesLike(base, `fixnado\\_${label.replace(/_/g, '\\_')}\\_${pid}\\_%`).catch(() => []);
        database = names.length ? `${names.join(', ')} dropped by serve-fresh` : 'no database found';
        for (const name of names) {
          if (await databaseExists(base, name).catch(() => false)) {
            await dropDatabase(base, name);
            database = `${name} dropped by the bench (serve-fresh had not)`;
          }
        }
      } else if (pgliteDataDir) {
        const dir = path.dirname(pgliteDataDir);
        if (dir.startsWith(os.tmpdir()) && path.basename(dir).startsWith(`fixnado-${label}-`) && fs.existsSync(dir)) {
          fs.rmSync(dir, { recursive: true, force: true });
          database = `${dir} removed by the bench (serve-fresh had not)`;
        } else {
          database = `${pgliteDataDir} removed by serve-fresh`;
        }
      }
      await new Promise<void>((resolve) => out.end(resolve));
      return { serverStopped, database, notes };
    })();
    return stopped;
  };
  onCleanup(`stop app server ${baseUrl}`, async () => {
    const report = await stop();
    log(`app server stopped (${report.database}${report.notes.length ? `; ${report.notes.join('; ')}` : ''})`);
  });

  // Ready when /api/health answers 200 (it touches the database); fail fast if serve-fresh exits.
  const deadline = Date.now() + (opts.healthTimeoutMs ?? 240_000);
  let health = null as { engine?: string; status?: string } | null;
  let lastProblem = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`serve-fresh exited (${child.exitCode ?? child.signalCode}) before the app was ready:\n${logTail()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      const body = await res.text();
      if (res.status === 200) {
        health = JSON.parse(body) as { engine?: string; status?: string };
        break;
      }
      lastProblem = `HTTP ${res.status}: ${body.slice(0, 200)}`;
    } catch (err) {
      lastProblem = errorText(err);
    }
    await sleep(250);
  }
  if (!health) throw new Error(`app not healthy within ${(opts.healthTimeoutMs ?? 240_000) / 1000} s (last: ${lastProblem})\n${logTail()}`);
  const startupSeconds = (performance.now() - started) / 1000;

  for (let i = 0; i < 20 && !nextPid; i++) {
    nextPid = findNextServer(pid);
    if (!nextPid) await sleep(100);
  }
  if (!nextPid) throw new Error(`app is up but no next-server process was found under pid ${pid}`);
  const serverEnv = environOf(nextPid);
  dbUrl = serverEnv.DATABASE_URL ?? null;
  pgliteDataDir = dbUrl ? null : (serverEnv.PGLITE_DATA_DIR ?? null);
  log(`app ready in ${startupSeconds.toFixed(1)} s: engine ${health.engine}, next-server pid ${nextPid}`);

  return {
    baseUrl,
    port,
    pid,
    nextPid,
    engine: health.engine ?? 'unknown',
    databaseUrl: dbUrl,
    databaseName: dbUrl ? databaseName(dbUrl) : null,
    pgliteDataDir,
    settings,
    startupSeconds,
    logFile,
    logTail,
    stop,
  };
}
