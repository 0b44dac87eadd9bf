// npm run bench:geo — the geo bench (issue "Geo-zones, matching and the map explorer", RELIABILITY L1):
// one run against a production build on PostgreSQL serving the 10k-zone / 50k-provider scale set
// (scripts/geo-scale.ts, on top of the London demo data):
//   - match latency p50/p95/p99 and requests/s over HTTP at 1, 8 and 32 connections, rotating over
//     200 points (zone label points across the set, plus points with no zone for the fallback);
//   - the floor in the same run: bare node:http + postgres.js answering the SAME SQL (compiled from
//     lib/geo/match.ts) at the same connection counts, and the app/floor ratio;
//   - explorer bbox search at zoom 12 and vector tiles at zooms 10–14;
//   - explorer first-load JS (the map chunk is loaded on demand, so it is not counted) and RSS.
//   GEO_BENCH_SCALE=10000:50000 npm run bench:geo [-- --quick] [-- --only match,floor]
import path from 'node:path';
import postgres from 'postgres';
import { frameworkFiles, kB, measureFirstLoad, type PageWeight } from './lib/first-load';
import { startFloor } from './lib/floor';
import { atLeast, atMost, section, table, type TargetCheck } from './lib/report';
import { runBench, SkipScenario, type BenchContext, type BenchResults, type Scenario } from './lib/runner';
import { httpScenario } from './lib/scenarios';
import { fetchNoRedirect, round } from './lib/util';

const SCALE = process.env.GEO_BENCH_SCALE ?? '10000:50000';
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '10';
const TILE_ZOOMS = [10, 11, 12, 13, 14];
const MATCH_CONNS = [1, 8, 32];

type Pt = { lon: number; lat: number };
let points: Pt[] | null = null;

/** Points to query: label points of platform zones spread over the set (deterministic order). */
async function benchPoints(ctx: BenchContext): Promise<Pt[]> {
  if (points) return points;
  if (!ctx.app.databaseUrl) throw new SkipScenario('bench:geo runs on PostgreSQL: set DATABASE_URL');
  const db = postgres(ctx.app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await db<{ lon: number; lat: number }[]>`
      select ST_X(label_point) as lon, ST_Y(label_point) as lat
      from zones where owner_kind = 'platform' and status = 'active'
      order by md5(id::text) limit 180`;
    const [{ zones, providers }] = await db<{ zones: number; providers: number }[]>`
      select (select count(*)::int from zones) as zones, (select count(*)::int from provider_profiles) as providers`;
    ctx.note(`scale set in the served database: ${zones} zones, ${providers} provider profiles (GEO_BENCH_SCALE=${SCALE})`);
    if (zones < 1000) ctx.note('WARNING: fewer than 1,000 zones — the scale set did not load; figures are not the 10k/50k ones');
    // Some points outside every zone (North Sea / Atlantic edge) exercise the KNN fallback.
    const outside: Pt[] = Array.from({ length: 20 }, (_, i) => ({ lon: 1.9 + (i % 5) * 0.05, lat: 52.2 + Math.floor(i / 5) * 0.05 }));
    points = [...rows.map((r) => ({ lon: Number(r.lon), lat: Number(r.lat) })), ...outside];
    return points;
  } finally {
    await db.end({ timeout: 2 });
  }
}

const matchPath = (p: Pt) => `/api/v1/geo/match?lon=${p.lon.toFixed(5)}&lat=${p.lat.toFixed(5)}`;

const match = httpScenario({
  name: 'match',
  description: 'GET /api/v1/geo/match (zones containing the point or nearest, ranked providers with the score explained)',
  connections: () => MATCH_CONNS,
  async setup(ctx) {
    const pts = await benchPoints(ctx);
    const first = await fetchNoRedirect(`${ctx.app.baseUrl}${matchPath(pts[0])}`);
    const body = await first.text();
    if (first.status !== 200) throw new Error(`match answered HTTP ${first.status}: ${body.slice(0, 200)}`);
    const parsed = JSON.parse(body) as { zones: unknown[]; providers: unknown[] };
    ctx.note(`match: first point returned ${parsed.zones.length} zone(s), ${parsed.providers.length} provider(s)`);
    return { url: `${ctx.app.baseUrl}${matchPath(pts[0])}`, paths: pts.map(matchPath), verifyBody: (b) => b.startsWith('{"point"') };
  },
});

const floor = httpScenario({
  name: 'floor',
  description: 'bare node:http + postgres.js running the same two match SQL statements (no ranking), same pool size',
  connections: () => MATCH_CONNS,
  async setup(ctx) {
    const pts = await benchPoints(ctx);
    const f = await startFloor({ root: ctx.root, databaseUrl: ctx.app.databaseUrl!, poolMax: Number(POOL_MAX), script: 'geo-floor-server.ts' });
    const q = (p: Pt) => `/?lon=${p.lon}&lat=${p.lat}`;
    const res = await fetchNoRedirect(`${f.url.replace(/\/$/, '')}${q(pts[0])}`);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`geo floor answered HTTP ${res.status}: ${body.slice(0, 200)}`);
    return { url: `${f.url.replace(/\/$/, '')}${q(pts[0])}`, paths: pts.map(q), servedBy: f.pid };
  },
});

function bboxAround(p: Pt, zoom: number): string {
  // Roughly a 1280×800 viewport at this zoom.
  const degPerPx = 360 / (256 * 2 ** zoom);
  const w = 640 * degPerPx;
  const h = 400 * degPerPx * Math.cos((p.lat * Math.PI) / 180);
  return [p.lon - w, p.lat - h, p.lon + w, p.lat + h].map((v) => v.toFixed(5)).join(',');
}

const explorer = httpScenario({
  name: 'explorer',
  description: 'GET /api/v1/explorer/search for a laptop viewport at zoom 12 (count + markers + ranked page + labels)',
  async setup(ctx) {
    const pts = await benchPoints(ctx);
    const paths = pts.map((p) => `/api/v1/explorer/search?bbox=${bboxAround(p, 12)}&zoom=12`);
    const res = await fetchNoRedirect(`${ctx.app.baseUrl}${paths[0]}`);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`explorer search answered HTTP ${res.status}: ${body.slice(0, 200)}`);
    return { url: `${ctx.app.baseUrl}${paths[0]}`, paths, verifyBody: (b) => b.startsWith('{"total"') };
  },
});

function tileOf(p: Pt, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((p.lon + 180) / 360) * n);
  const lat = (p.lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
  return [x, y];
}

const tileScenarios: Scenario[] = TILE_ZOOMS.map((z) =>
  httpScenario({
    name: `tiles-z${z}`,
    description: `GET /api/v1/geo/tiles/${z}/{x}/{y} (ST_AsMVT) for tiles under the bench points`,
    connections: (ctx) => [ctx.profile.connections],
    async setup(ctx) {
      const pts = await benchPoints(ctx);
      const seen = new Set<string>();
      for (const p of pts) {
        const [x, y] = tileOf(p, z);
        seen.add(`/api/v1/geo/tiles/${z}/${x}/${y}`);
      }
      const paths = [...seen];
      const res = await fetchNoRedirect(`${ctx.app.baseUrl}${paths[0]}`);
      if (res.status !== 200 && res.status !== 204) throw new Error(`tile answered HTTP ${res.status}`);
      return { url: `${ctx.app.baseUrl}${paths[0]}`, paths };
    },
  }),
);

const firstLoad: Scenario = {
  name: 'first-load',
  description: 'explorer (/) first-load JS: every /_next script in the HTML (the map chunk loads on demand and is not among them)',
  async run(ctx) {
    const pages = await measureFirstLoad(ctx.app.baseUrl, [{ group: '(public)', path: '/', public: true }], frameworkFiles(path.join(ctx.root, ctx.opts.distDir)));
    ctx.results.extra['first-load'] = pages;
    if (pages[0]?.error) throw new Error(pages[0].error);
  },
};

const at = (r: BenchResults, name: string, c: number) => r.load.find((l) => l.name === name && l.connections === c) ?? null;

function targets(r: BenchResults): TargetCheck[] {
  const m8 = at(r, 'match', 8);
  const f8 = at(r, 'floor', 8);
  const checks: TargetCheck[] = [
    atLeast('match requests/s as % of the floor (8 conn)', m8 && f8 && f8.rps > 0 ? round((m8.rps / f8.rps) * 100, 0) : null, 40, '%'),
    atMost('match p95 (8 conn)', m8?.latencyMs.p95, 10, 'ms', m8 && (m8.non2xx || m8.errors) ? `${m8.non2xx} non-2xx, ${m8.errors} errors` : undefined),
  ];
  for (const z of TILE_ZOOMS) {
    const t = r.load.find((l) => l.name === `tiles-z${z}`);
    checks.push(atMost(`tiles p95 at zoom ${z}`, t?.latencyMs.p95, 50, 'ms'));
  }
  const pages = (r.extra['first-load'] as PageWeight[] | undefined) ?? [];
  const w = pages[0];
  checks.push(atMost('explorer first-load JS / (gzip -9, without the map chunk)', w && !w.error ? kB(w.gzipBytes) : null, 180, 'kB', w?.error));
  checks.push(atMost('next-server RSS peak under load', r.rss.peakUnderLoadMb === null ? null : Math.round(r.rss.peakUnderLoadMb), 700, 'MB'));
  return checks;
}

function report(r: BenchResults): string {
  const rows = MATCH_CONNS.map((c) => {
    const m = at(r, 'match', c);
    const f = at(r, 'floor', c);
    return [c, m?.rps ?? null, m?.latencyMs.p50 ?? null, m?.latencyMs.p95 ?? null, m?.latencyMs.p99 ?? null, f?.rps ?? null, f?.latencyMs.p95 ?? null, m && f && f.rps ? `${round((m.rps / f.rps) * 100, 0)}%` : null];
  });
  return section('Match vs floor (same SQL)', table(['conn', 'match req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'floor req/s', 'floor p95 ms', 'match / floor'], rows));
}

await runBench({
  name: 'geo',
  title: 'Fixnado geo bench (10k zones / 50k providers)',
  scenarios: [firstLoad, match, floor, explorer, ...tileScenarios],
  serverSettings: { SERVE_FRESH_GEO_SCALE: SCALE, DATABASE_POOL_MAX: POOL_MAX },
  targets,
  report,
  defaultJsonFile: '.artifacts/bench-geo.json',
});
