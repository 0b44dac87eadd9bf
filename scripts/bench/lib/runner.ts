// The bench lifecycle shared by every bench script (index.ts now; bench:geo, bench:bookings later):
//   args → next build (timed) → serve-fresh on a fresh database → RSS sampler on next-server →
//   scenarios' prepare → warm-up → idle RSS → scenarios' runs → after-load RSS → stop everything
//   (also on error / Ctrl-C) → tables with targets → JSON.
// A scenario that cannot run at all makes the exit code 1; a missed target never does.
import fs from 'node:fs';
import path from 'node:path';
import { distExists, nextBuild, type BuildResult } from './build';
import { sessionCookie } from './auth';
import { stopAllLoad, type LoadResult } from './load';
import { installSignalHandlers, pidAlive, runCleanups } from './proc';
import { loadTable, section, table, targetsTable, writeJson, type TargetCheck } from './report';
import { cpuSeconds, RssSampler, type RssStats } from './rss';
import { startApp, type AppServer, type StopReport } from './server';
import { errorText, log, machineSnapshot, round, sleep } from './util';

export interface BenchOptions {
  quick: boolean;
  only: string[] | null;
  noBuild: boolean;
  distDir: string;
  jsonFile: string;
}

/** Durations and caps. Every load run ends at whichever comes first: its seconds or its count. */
export interface Profile {
  connections: number;
  loadSeconds: number;
  latencySeconds: number;
  warmupSeconds: number;
  maxRequests: number;
  flowSeconds: number;
  flowMax: number;
  flowLatencySeconds: number;
  flowLatencyMax: number;
  settleMs: number;
}

export const profiles: Record<'full' | 'quick', Profile> = {
  full: {
    connections: 8,
    loadSeconds: 15,
    latencySeconds: 10,
    warmupSeconds: 3,
    maxRequests: 300_000,
    flowSeconds: 20,
    flowMax: 3_000,
    flowLatencySeconds: 10,
    flowLatencyMax: 500,
    settleMs: 2_000,
  },
  quick: {
    connections: 8,
    loadSeconds: 3,
    latencySeconds: 2,
    warmupSeconds: 1,
    maxRequests: 30_000,
    flowSeconds: 3,
    flowMax: 150,
    flowLatencySeconds: 2,
    flowLatencyMax: 50,
    settleMs: 1_000,
  },
};

export class SkipScenario extends Error {}

export interface Scenario {
  name: string;
  description: string;
  /** Default true. */
  needsServer?: boolean;
  /** Set-up that must succeed for the scenario to run (sign in, start a helper server …). */
  prepare?(ctx: BenchContext): Promise<void>;
  /** Runs before idle memory is taken. */
  warmup?(ctx: BenchContext): Promise<void>;
  run(ctx: BenchContext): Promise<void>;
}

export interface ScenarioStatus {
  name: string;
  status: 'pending' | 'ok' | 'failed' | 'skipped' | 'not selected';
  phase?: string;
  error?: string;
}

export interface BenchResults {
  bench: string;
  startedAt: string;
  finishedAt: string | null;
  mode: 'full' | 'quick';
  interrupted: boolean;
  node: string;
  machine: { atStart: ReturnType<typeof machineSnapshot>; atEnd: ReturnType<typeof machineSnapshot> | null };
  build: BuildResult | null;
  server: {
    engine: string;
    baseUrl: string;
    startupSeconds: number;
    settings: Record<string, string>;
    database: string | null;
    logFile: string;
    stop: StopReport | null;
  } | null;
  load: LoadResult[];
  rss: { unit: 'MiB (VmRSS kB / 1024) of next-server'; idle: RssStats | null; peakUnderLoadMb: number | null; afterLoad: RssStats | null; overall: RssStats | null };
  scenarios: ScenarioStatus[];
  /** Scenario-specific figures (first-load weights, …). */
  extra: Record<string, unknown>;
  targets: TargetCheck[];
  notes: string[];
}

export interface BenchContext {
  root: string;
  opts: BenchOptions;
  profile: Profile;
  /** Present for scenarios that need the server. */
  app: AppServer;
  rss: RssSampler;
  results: BenchResults;
  note(message: string): void;
  /**
   * Runs one load measurement and records it with the next-server RSS peak and the CPU used by the
   * serving process (`servedBy`, default next-server) and by this load generator.
   */
  measure(run: () => Promise<LoadResult>, servedBy?: number): Promise<LoadResult>;
  /** A real session cookie for a demo user (signed in once per run, then reused). */
  session(email: string): Promise<string>;
}

export interface BenchDefinition {
  /** Name in the JSON and the serve-fresh label (its database is fixnado_<label>_…). */
  name: string;
  title: string;
  scenarios: Scenario[];
  /** Environment for the server on top of the inherited one; printed with the results. */
  serverSettings?: Record<string, string>;
  targets(results: BenchResults): TargetCheck[];
  /** Extra report sections (before the load table). */
  report?(results: BenchResults): string;
  defaultJsonFile: string;
}

const HELP = (def: BenchDefinition) => `${def.title}
usage: tsx scripts/bench/<file>.ts [--quick] [--only a,b] [--no-build] [--dist-dir DIR] [--json FILE]
  --quick       short CI smoke (a few seconds per scenario)
  --only        comma-separated subset of: build, ${def.scenarios.map((s) => s.name).join(', ')}
  --no-build    reuse DIR when it holds a build (otherwise it is built anyway)
  --dist-dir    build folder (default .next-bench)
  --json        where to write the figures (default ${def.defaultJsonFile})
DATABASE_URL set → the app runs on PostgreSQL (a fresh database is created from that URL and dropped);
unset → embedded PGlite.`;

export function parseArgs(def: BenchDefinition, argv: string[]): BenchOptions {
  const opts: BenchOptions = { quick: false, only: null, noBuild: false, distDir: '.next-bench', jsonFile: def.defaultJsonFile };
  const known = new Set(['build', ...def.scenarios.map((s) => s.name)]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-build') opts.noBuild = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      opts.only = value()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = opts.only.filter((n) => !known.has(n));
      if (unknown.length) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
    } else if (a === '--dist-dir' || a.startsWith('--dist-dir=')) opts.distDir = value();
    else if (a === '--json' || a.startsWith('--json=')) opts.jsonFile = value();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${HELP(def)}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${HELP(def)}`);
  }
  if (!/^\.next[\w.-]*$/.test(opts.distDir)) throw new Error(`--dist-dir must be a .next* folder in the project root, got ${opts.distDir}`);
  return opts;
}

export async function runBench(def: BenchDefinition, argv: string[] = process.argv.slice(2)): Promise<never> {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, 'scripts', 'serve-fresh.ts'))) {
    process.stderr.write('run from the project root (npm run bench)\n');
    process.exit(2);
  }
  let opts: BenchOptions;
  try {
    opts = parseArgs(def, argv);
  } catch (err) {
    process.stderr.write(`${errorText(err)}\n`);
    process.exit(2);
  }
  const profile = opts.quick ? profiles.quick : profiles.full;
  const artifacts = path.join(root, '.artifacts');
  const results: BenchResults = {
    bench: def.name,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    mode: opts.quick ? 'quick' : 'full',
    interrupted: false,
    node: process.version,
    machine: { atStart: machineSnapshot(), atEnd: null },
    build: null,
    server: null,
    load: [],
    rss: { unit: 'MiB (VmRSS kB / 1024) of next-server', idle: null, peakUnderLoadMb: null, afterLoad: null, overall: null },
    scenarios: def.scenarios.map((s) => ({ name: s.name, status: opts.only && !opts.only.includes(s.name) ? 'not selected' : 'pending' })),
    extra: {},
    targets: [],
    notes: [],
  };
  const status = (name: string) => results.scenarios.find((s) => s.name === name)!;
  const fail = (name: string, phase: string, err: unknown) => {
    const s = status(name);
    if (results.interrupted) {
      Object.assign(s, { status: 'failed', phase: `${phase} (interrupted)`, error: errorText(err) });
      return;
    }
    if (err instanceof SkipScenario) {
      Object.assign(s, { status: 'skipped', phase, error: err.message });
      log(`${name}: skipped (${err.message})`);
    } else {
      Object.assign(s, { status: 'failed', phase, error: errorText(err) });
      log(`${name}: FAILED in ${phase}: ${errorText(err)}`);
    }
  };
  let app: AppServer | null = null;
  let rss: RssSampler | null = null;
  let finishing: Promise<number> | null = null;

  // Memoised: the signal handler and the main flow may both get here; both wait for the same end.
  const finish = (): Promise<number> => (finishing ??= finishOnce());
  const finishOnce = async (): Promise<number> => {
    stopAllLoad();
    rss?.stop();
    for (const s of results.scenarios) {
      if (s.status === 'pending') Object.assign(s, { status: 'failed', phase: 'not reached (interrupted)', error: 'interrupted' });
    }
    if (app) {
      const stop = await app.stop().catch((err) => ({ serverStopped: false, database: `stop failed: ${errorText(err)}`, notes: [] }));
      if (results.server) results.server.stop = stop;
    }
    await runCleanups();
    results.rss.overall = rss?.overall() ?? null;
    const peaks = results.load.map((r) => r.rssPeakMb).filter((v): v is number => typeof v === 'number');
    results.rss.peakUnderLoadMb = peaks.length ? round(Math.max(...peaks), 1) : null;
    results.finishedAt = new Date().toISOString();
    results.machine.atEnd = machineSnapshot();
    try {
      results.targets = def.targets(results);
    } catch (err) {
      results.notes.push(`target evaluation failed: ${errorText(err)}`);
    }
    process.stdout.write(render(def, results));
    writeJson(path.resolve(root, opts.jsonFile), results);
    process.stdout.write(`\nfigures written to ${path.relative(root, path.resolve(root, opts.jsonFile))}\n`);
    const failed = results.scenarios.filter((s) => s.status === 'failed');
    const buildFailed = results.build !== null && !results.build.ok;
    return results.interrupted ? 130 : failed.length || buildFailed ? 1 : 0;
  };

  installSignalHandlers(async () => {
    results.interrupted = true;
    results.notes.push('interrupted: figures are partial');
    await finish();
  });
  process.on('unhandledRejection', (err) => log(`unhandled rejection: ${errorText(err)}`));

  const selected = def.scenarios.filter((s) => !opts.only || opts.only.includes(s.name));
  const sessions = new Map<string, Promise<string>>();
  try {
    log(`${def.title} — ${results.mode} run, ${results.machine.atStart.cpus} CPUs, load average ${results.machine.atStart.loadavg.join(' ')}`);
    // 1. build
    const wantBuild = !(opts.noBuild && distExists(root, opts.distDir));
    if (wantBuild) {
      results.build = await nextBuild({ root, distDir: opts.distDir, logFile: path.join(artifacts, `${def.name}-build.log`) });
      if (results.build.logFile) results.build.logFile = path.relative(root, results.build.logFile);
      for (const n of results.build.notes) results.notes.push(n);
      if (!results.build.ok) throw new Error(`next build failed; see ${results.build.logFile}`);
      log(`next build: ${results.build.seconds!.toFixed(1)} s`);
    } else {
      results.build = { distDir: opts.distDir, built: false, seconds: null, cold: false, ok: true, exitCode: null, logFile: null, restored: [], notes: [] };
      log(`reusing the build in ${opts.distDir} (--no-build)`);
    }

    // 2. server
    const serverScenarios = selected.filter((s) => s.needsServer !== false);
    if (serverScenarios.length) {
      try {
        app = await startApp({
          root,
          distDir: opts.distDir,
          label: def.name,
          logFile: path.join(artifacts, `${def.name}-server.log`),
          settings: def.serverSettings,
        });
      } catch (err) {
        for (const s of serverScenarios) fail(s.name, 'server start', err);
        throw err;
      }
      results.server = {
        engine: app.engine,
        baseUrl: app.baseUrl,
        startupSeconds: round(app.startupSeconds, 1),
        settings: app.settings,
        database: app.databaseName ?? app.pgliteDataDir,
        logFile: path.relative(root, app.logFile),
        stop: null,
      };
      rss = new RssSampler(app.nextPid, 200).start();
    }

    const ctx: BenchContext = {
      root,
      opts,
      profile,
      get app(): AppServer {
        if (!app) throw new Error('this scenario needs the app server');
        return app;
      },
      get rss(): RssSampler {
        if (!rss) throw new Error('this scenario needs the app server');
        return rss;
      },
      results,
      note: (m) => {
        results.notes.push(m);
        log(m);
      },
      measure: async (runIt, servedBy) => {
        const pid = servedBy ?? app?.nextPid ?? null;
        const cpu0 = pid ? cpuSeconds(pid) : null;
        const gen0 = process.cpuUsage();
        const t0 = performance.now();
        const r = await runIt();
        const wall = (performance.now() - t0) / 1000;
        const cpu1 = pid ? cpuSeconds(pid) : null;
        const gen = process.cpuUsage(gen0);
        r.serverCpuPct = cpu0 !== null && cpu1 !== null ? Math.round(((cpu1 - cpu0) / wall) * 100) : null;
        r.generatorCpuPct = Math.round(((gen.user + gen.system) / 1e6 / wall) * 100);
        const peak = pid === app?.nextPid ? rss?.between(t0, performance.now())?.maxMb : undefined;
        r.rssPeakMb = peak === undefined ? null : round(peak, 1);
        if (results.interrupted) {
          log(`  → ${r.name} ×${r.connections}: interrupted, figures discarded`);
          return r;
        }
        results.load.push(r);
        log(
          `  → ${r.name} ×${r.connections}: ${r.rps} /s, p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, ` +
            `non-2xx ${r.non2xx}, bad ${r.bad}, errors ${r.errors}, CPU server ${r.serverCpuPct ?? '–'}% / generator ${r.generatorCpuPct}%` +
            `${r.rssPeakMb ? `, RSS peak ${Math.round(r.rssPeakMb)} MB` : ''}`,
        );
        return r;
      },
      session: (email) => {
        let s = sessions.get(email);
        if (!s) {
          s = sessionCookie(app!.baseUrl, email);
          sessions.set(email, s);
          s.catch(() => sessions.delete(email));
        }
        return s;
      },
    };

    // 3. prepare, warm-up, idle memory, runs
    let runnable = [...selected];
    for (const phase of ['prepare', 'warmup'] as const) {
      const next: Scenario[] = [];
      for (const s of runnable) {
        try {
          await s[phase]?.(ctx);
          next.push(s);
        } catch (err) {
          fail(s.name, phase, err);
        }
      }
      runnable = next;
    }
    if (rss) {
      await sleep(profile.settleMs);
      const t0 = rss.now();
      await sleep(Math.max(1_000, profile.settleMs));
      results.rss.idle = rss.between(t0);
      log(`idle RSS (after warm-up): ${results.rss.idle ? `${Math.round(results.rss.idle.medianMb)} MB` : 'no samples'}`);
    }
    for (const s of runnable) {
      if (results.interrupted) break;
      try {
        log(`scenario ${s.name}: ${s.description}`);
        await s.run(ctx);
        if (!results.interrupted) status(s.name).status = 'ok';
      } catch (err) {
        fail(s.name, 'run', err);
      }
      if (app && !pidAlive(app.nextPid) && !results.interrupted) {
        const died = new Error(`next-server (pid ${app.nextPid}) died during "${s.name}"; server log tail:\n${app.logTail(20)}`);
        fail(s.name, 'run', died);
        throw died;
      }
    }
    if (rss && results.load.length) {
      await sleep(profile.settleMs);
      const t0 = rss.now();
      await sleep(Math.max(1_000, profile.settleMs));
      results.rss.afterLoad = rss.between(t0);
    }
  } catch (err) {
    results.notes.push(`stopped early: ${errorText(err)}`);
    log(`stopped early: ${errorText(err)}`);
    for (const s of results.scenarios) {
      if (s.status === 'pending') Object.assign(s, { status: 'failed', phase: 'not reached', error: errorText(err) });
    }
  }
  const code = await finish();
  process.exit(code);
}

function render(def: BenchDefinition, r: BenchResults): string {
  let out = `\n${def.title} — ${r.mode}${r.mode === 'quick' ? ' smoke (short runs: figures are indicative only)' : ''}${r.interrupted ? ' — INTERRUPTED' : ''}\n`;
  const info: [string, string][] = [
    ['node', r.node],
    ['machine', `${r.machine.atStart.cpus} CPUs; load average at start ${r.machine.atStart.loadavg.join(' ')}, at end ${r.machine.atEnd?.loadavg.join(' ') ?? '–'} (load generator shares these cores)`],
    ['build', r.build ? (r.build.built ? `${r.build.cold ? 'cold ' : ''}next build → ${r.build.distDir} in ${r.build.seconds?.toFixed(1)} s${r.build.ok ? '' : ' (FAILED)'}` : `reused ${r.build.distDir}`) : '–'],
  ];
  if (r.server) {
    info.push(['engine', `${r.server.engine} (database ${r.server.database ?? '?'}, fresh and dropped afterwards)`]);
    info.push(['server', `${r.server.baseUrl}, ready in ${r.server.startupSeconds} s, log ${r.server.logFile}`]);
    info.push(['settings', Object.entries(r.server.settings).map(([k, v]) => `${k}=${v}`).join(' ') || '(defaults)']);
    if (r.server.stop) info.push(['cleanup', `${r.server.stop.serverStopped ? 'server stopped' : 'server NOT confirmed stopped'}; ${r.server.stop.database}${r.server.stop.notes.length ? `; ${r.server.stop.notes.join('; ')}` : ''}`]);
  }
  out += section('Run', table(['', ''], info));
  if (def.report) {
    try {
      out += def.report(r);
    } catch (err) {
      out += `\n(report section failed: ${errorText(err)})\n`;
    }
  }
  if (r.load.length) {
    out += section(
      'Load (loopback; latency = client-side per response, or per flow for sign-in)',
      `${loadTable(r.load)}\nnon-2xx: unexpected status; bad: right status, wrong content (body check failed / sign-in refused); errors: connection errors, timeouts, exceptions.\n` +
        `CPU %: of one core, serving process (next-server, or the floor) / this load generator, during the run. RSS: next-server only.`,
    );
  }
  if (r.rss.idle || r.rss.overall) {
    const mb = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${Math.round(v)} MB`);
    out += section(
      'Memory (next-server VmRSS, sampled every 200 ms; MB = MiB)',
      table(
        ['phase', 'median', 'max', 'samples'],
        [
          ['idle after warm-up', mb(r.rss.idle?.medianMb), mb(r.rss.idle?.maxMb), r.rss.idle?.samples ?? 0],
          ['peak under load', '', mb(r.rss.peakUnderLoadMb), ''],
          ['after load (settled)', mb(r.rss.afterLoad?.medianMb), mb(r.rss.afterLoad?.maxMb), r.rss.afterLoad?.samples ?? 0],
          ['whole run', mb(r.rss.overall?.medianMb), mb(r.rss.overall?.maxMb), r.rss.overall?.samples ?? 0],
        ],
      ),
    );
  }
  if (r.targets.length) out += section('Targets (a MISS is reported, it does not fail the run)', targetsTable(r.targets));
  const problems = r.scenarios.filter((s) => s.status === 'failed' || s.status === 'skipped');
  if (problems.length) {
    out += section('Scenarios not measured', problems.map((s) => `${s.status.toUpperCase()} ${s.name} (${s.phase}): ${s.error}`).join('\n'));
  }
  if (r.notes.length) out += section('Notes', r.notes.map((n) => `- ${n}`).join('\n'));
  return out;
}
