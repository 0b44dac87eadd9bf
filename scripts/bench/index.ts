// npm run bench — the baseline bench (RELIABILITY.md, Load): one run against a production build:
//   build time, first-load JS per route group, /api/health vs a bare node:http + postgres.js floor,
//   the authenticated /account page, sign-in throughput (argon2-bound), next-server RSS idle and
//   under load. Prints every figure next to its target and writes .artifacts/bench.json.
//
//   npm run bench                         # full run (DATABASE_URL → PostgreSQL, else PGlite)
//   npm run bench -- --quick              # CI smoke: a few seconds per scenario
//   npm run bench -- --only health,floor  # a subset (build runs unless --no-build finds a build)
//   npm run bench -- --no-build           # reuse .next-bench
import { demoUsers, DEMO_PASSWORD } from '@/db/seed/identity';
import { sessionUserName, signIn } from './lib/auth';
import path from 'node:path';
import { frameworkFiles, kB, measureFirstLoad, type PageSpec, type PageWeight } from './lib/first-load';
import { startFloor } from './lib/floor';
import { atMost, section, table, type TargetCheck } from './lib/report';
import { runBench, SkipScenario, type BenchResults, type Scenario } from './lib/runner';
import { flowScenario, httpScenario } from './lib/scenarios';
import { escapeHtml, fetchNoRedirect, round } from './lib/util';

const CUSTOMER = 'customer@fixnado.test';

// Sign-in limits this bench runs with (stated in the output, as RELIABILITY.md asks): raised so the
// throughput scenario measures sign-in itself, not the throttle. Pool size = the floor's.
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '10';
const serverSettings = {
  SIGNIN_MAX_PER_IP: '1000000',
  SIGNIN_MAX_PER_ACCOUNT: '1000000',
  SIGNIN_WINDOW_SECONDS: process.env.SIGNIN_WINDOW_SECONDS ?? '900',
  DATABASE_POOL_MAX: POOL_MAX,
};

// One page per route group, as the persona who can open it.
const PAGES: { group: string; path: string; public: boolean; as?: string }[] = [
  { group: '(public)', path: '/', public: true },
  { group: '(auth)', path: '/sign-in', public: true },
  { group: '(customer)', path: '/account', public: false, as: CUSTOMER },
  { group: '(provider)', path: '/provider', public: false, as: 'provider@fixnado.test' },
  { group: '(enterprise)', path: '/enterprise', public: false, as: 'enterprise@fixnado.test' },
  { group: '(admin)', path: '/admin', public: false, as: 'admin@fixnado.test' },
];

const firstLoad: Scenario = {
  name: 'first-load',
  description: 'first-load JS per route group (gzip level 9 of every /_next script in the HTML)',
  async prepare(ctx) {
    for (const p of PAGES) if (p.as) await ctx.session(p.as);
  },
  async run(ctx) {
    const specs: PageSpec[] = [];
    for (const p of PAGES) specs.push({ ...p, cookie: p.as ? await ctx.session(p.as) : undefined });
    const pages = await measureFirstLoad(ctx.app.baseUrl, specs, frameworkFiles(path.join(ctx.root, ctx.opts.distDir)));
    ctx.results.extra['first-load'] = pages;
    const broken = pages.filter((p) => p.error);
    if (broken.length === pages.length) throw new Error(`no page measured: ${broken.map((p) => `${p.path}: ${p.error}`).join('; ')}`);
    for (const p of broken) ctx.note(`first-load ${p.path}: ${p.error}`);
  },
};

const health = httpScenario({
  name: 'health',
  description: 'GET /api/health (database + migrations + job queue check)',
  async setup(ctx) {
    return { url: `${ctx.app.baseUrl}/api/health` };
  },
});

const floor = httpScenario({
  name: 'floor',
  description: 'bare node:http + postgres.js (pool = app pool) answering SELECT 1 as JSON, same database',
  async setup(ctx) {
    if (!ctx.app.databaseUrl) throw new SkipScenario('embedded PGlite: the floor needs PostgreSQL (set DATABASE_URL)');
    const f = await startFloor({ root: ctx.root, databaseUrl: ctx.app.databaseUrl, poolMax: Number(POOL_MAX) });
    const res = await fetchNoRedirect(f.url);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`floor answered HTTP ${res.status}: ${body}`);
    return { url: f.url, servedBy: f.pid };
  },
});

const account = httpScenario({
  name: 'account',
  description: 'GET /account as the customer (session from a real sign-in; 200 + the user’s name checked)',
  async setup(ctx) {
    const cookie = await ctx.session(CUSTOMER);
    const name = (await sessionUserName(ctx.app.baseUrl, cookie)) ?? demoUsers.find((u) => u.email === CUSTOMER)?.name;
    if (!name) throw new Error('could not tell the signed-in user’s name');
    const url = `${ctx.app.baseUrl}/account`;
    const headers = { cookie, accept: 'text/html' };
    const res = await fetchNoRedirect(url, { headers });
    const html = await res.text();
    if (res.status !== 200) throw new Error(`/account answered HTTP ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}, not the page`);
    const needle = escapeHtml(name);
    if (!html.includes(needle)) throw new Error(`/account answered 200 but without the user’s name “${name}”`);
    ctx.note(`account: verified 200 with “${name}” on the page; every measured response is checked for it (bad = missing)`);
    return { url, headers, verifyBody: (body) => body.includes(needle) };
  },
});

// Sign-in rotates over the seeded demo users (all share the demo password), one per worker.
const signInUsers = demoUsers.map((u) => u.email);
const signInScenario = flowScenario({
  name: 'sign-in',
  description: 'full sign-in per iteration: GET /api/auth/csrf + POST /api/auth/callback/credentials (argon2 verify)',
  target: 'csrf + credentials POST',
  async setup(ctx) {
    const a = await signIn(ctx.app.baseUrl, CUSTOMER, DEMO_PASSWORD);
    if (!a.ok) throw new Error(`a single sign-in fails: HTTP ${a.status}, ${a.location ?? '-'} (${a.code ?? '-'})`);
  },
  async iteration(ctx, worker) {
    const a = await signIn(ctx.app.baseUrl, signInUsers[worker % signInUsers.length], DEMO_PASSWORD);
    return { status: a.status, statusOk: a.status === 302, ok: a.ok, reason: a.ok ? null : `refused (${a.status} ${a.code ?? a.location ?? ''})` };
  },
});

/** Public pages ≤ 150 kB; the home page is the map explorer, whose target is 180 kB without the map chunk. */
const firstLoadTarget = (path: string) => (path === '/' ? 180 : 150);

function loadFigure(r: BenchResults, name: string, connections: number) {
  return r.load.find((l) => l.name === name && l.connections === connections) ?? null;
}

function targets(r: BenchResults): TargetCheck[] {
  const conns = 8;
  // Why a figure is missing: the scenario was not selected, failed or was skipped.
  const why = (...names: string[]) => {
    const states = r.scenarios.filter((s) => names.includes(s.name));
    if (states.length && states.every((s) => s.status === 'not selected')) return 'not selected (--only)';
    const bad = states.find((s) => s.status === 'failed' || s.status === 'skipped');
    return bad ? `${bad.name} ${bad.status}: ${bad.error ?? ''}`.slice(0, 100) : undefined;
  };
  const acct = loadFigure(r, 'account', conns);
  const pages = (r.extra['first-load'] as PageWeight[] | undefined) ?? [];
  const loadScenarios = ['health', 'account', 'sign-in'];
  const checks: TargetCheck[] = [];
  checks.push(
    atMost(
      `authenticated page p95 (/account, ${conns} conn)`,
      acct?.latencyMs.p95,
      50,
      'ms',
      acct ? (acct.non2xx || acct.bad || acct.errors ? `${acct.non2xx} non-2xx, ${acct.bad} bad, ${acct.errors} errors` : undefined) : why('account'),
    ),
  );
  for (const p of PAGES.filter((x) => x.public)) {
    const w = pages.find((x) => x.path === p.path);
    checks.push(atMost(`first-load JS ${p.path} (gzip -9)`, w && !w.error ? kB(w.gzipBytes) : null, firstLoadTarget(p.path), 'kB', w ? w.error : why('first-load')));
  }
  checks.push(atMost('next-server RSS idle (median after warm-up)', r.rss.idle ? Math.round(r.rss.idle.medianMb) : null, 500, 'MB', r.rss.idle ? undefined : why(...r.scenarios.map((s) => s.name))));
  checks.push(
    atMost('next-server RSS peak under load', r.rss.peakUnderLoadMb === null ? null : Math.round(r.rss.peakUnderLoadMb), 700, 'MB', r.rss.peakUnderLoadMb === null ? why(...loadScenarios) : undefined),
  );
  checks.push(
    atMost(`next build time${r.build?.cold ? ' (cold)' : ''}`, r.build?.seconds === null || r.build?.seconds === undefined ? null : round(r.build.seconds, 1), 180, 's', r.build && !r.build.built ? 'reused an existing build (--no-build)' : undefined),
  );
  return checks;
}

function report(r: BenchResults): string {
  let out = '';
  const pages = r.extra['first-load'] as PageWeight[] | undefined;
  if (pages) {
    out += section(
      'First-load JS (every /_next script + modulepreload in the HTML; gzip = zlib level 9 here; kB = 1000 bytes)',
      table(
        ['group', 'page', 'as', 'HTTP', 'scripts', 'raw kB', 'gzip -9 kB', 'of which framework', 'served gzip kB', 'target'],
        pages.map((p) => [
          p.group,
          p.path,
          p.as,
          p.status,
          p.scripts,
          p.error ? null : kB(p.rawBytes),
          p.error ? null : kB(p.gzipBytes),
          p.error ? null : kB(p.frameworkGzipBytes),
          p.error ? null : kB(p.servedGzipBytes),
          p.public ? (p.error ? 'N/A' : `≤ ${firstLoadTarget(p.path)}: ${kB(p.gzipBytes) <= firstLoadTarget(p.path) ? 'PASS' : 'MISS'}`) : '(none)',
        ]),
      ) +
        '\nframework = Next/React runtime chunks every page loads (build-manifest rootMainFiles); the rest is app code (layouts, pages, their client components).' +
        '\nserved gzip = bytes next start actually sends to a gzip client (its own compression level). nomodule polyfills are not counted.',
    );
  }
  const h = loadFigure(r, 'health', 8);
  const f = loadFigure(r, 'floor', 8);
  if (h && f && f.rps > 0) {
    out += section(
      'App vs floor (8 connections)',
      `/api/health serves ${h.rps} req/s = ${round((h.rps / f.rps) * 100, 0)}% of the node:http + postgres.js floor (${f.rps} req/s); ` +
        `p95 ${h.latencyMs.p95} ms vs ${f.latencyMs.p95} ms. (/api/health also checks migrations and the job queue.)`,
    );
  }
  return out;
}

await runBench({
  name: 'bench',
  title: 'Fixnado bench (baseline)',
  scenarios: [firstLoad, health, floor, account, signInScenario],
  serverSettings,
  targets,
  report,
  defaultJsonFile: '.artifacts/bench.json',
});
