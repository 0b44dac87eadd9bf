// npm run bench:rentals — the rentals bench (issue 6 "Rentals"), against a production build on
// PostgreSQL (fresh database with the demo data):
//   - last unit: 100 concurrent POST /api/v1/rentals for the same window of an item with ONE
//     serialised unit → successes, 409s, 5xx, elapsed (target exactly 1, 0 × 5xx, ≤ 2 s);
//   - the rental lifecycle over HTTP as lifecycles/s with per-step p50/p95/p99, each step the real
//     route: request (customer, Idempotency-Key) → approve → schedule → checkout → return →
//     inspect → settle (provider admin), at 1 and 8 workers (target ≥ 50 lifecycles/s, p95 ≤ 50 ms).
// Bench data is created with SQL in the bench's own database: for Thames Home Services (an insured
// seller in the demo data) one bulk item per worker with a large stock and an approved tool-rental
// listing each (so workers do not queue on one item's row lock), and one single-unit serialised item.
//   DATABASE_URL=postgres://… npm run bench:rentals [-- --quick] [-- --only last-unit,lifecycle]
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { atLeast, atMost, section, table, type TargetCheck } from './lib/report';
import { runBench, SkipScenario, type BenchContext, type BenchResults, type Scenario } from './lib/runner';
import { flowScenario } from './lib/scenarios';
import { fetchNoRedirect, percentile, round } from './lib/util';

const CUSTOMER = 'customer@fixnado.test';
const PROVIDER_ADMIN = 'provider@fixnado.test';
const PROVIDER_SLUG = 'thames-home-services';
const FLOW_ITEMS = 8;
const LAST_UNIT_CONCURRENCY = Number(process.env.BENCH_LAST_UNIT_CONCURRENCY ?? 100);
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '10';
const CARD = '4242424242424242';

interface Fixture {
  flowListings: string[];
  lastUnitListing: string;
}
let fixture: Fixture | null = null;
const uuid = () => randomUUID();

async function ensureFixture(ctx: BenchContext): Promise<Fixture> {
  if (fixture) return fixture;
  if (!ctx.app.databaseUrl) throw new SkipScenario('bench:rentals runs on PostgreSQL: set DATABASE_URL');
  const sql = postgres(ctx.app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql<{ id: string }[]>`select id from organisations where slug = ${PROVIDER_SLUG}`;
    if (!org) throw new Error(`provider ${PROVIDER_SLUG} is not in the demo data`);
    const mkItem = async (sku: string, tracking: 'bulk' | 'serialised', qty: number) => {
      const id = uuid();
      await sql`insert into inventory_items (id, provider_org_id, sku, name, kind, mode, tracking, on_hand, daily_rate_minor, deposit_minor, replacement_cost_minor, currency)
                values (${id}, ${org.id}, ${sku}, ${`Bench ${sku}`}, 'tool', 'rental', ${tracking}, ${qty}, 1500, 5000, 20000, 'GBP')`;
      await sql`insert into inventory_moves (id, item_id, provider_org_id, kind, on_hand_delta, on_hand_after, reserved_after, out_after, reason)
                values (${uuid()}, ${id}, ${org.id}, 'receive', ${qty}, ${qty}, 0, 0, 'bench stock')`;
      if (tracking === 'serialised') for (let i = 1; i <= qty; i++) await sql`insert into inventory_units (id, item_id, serial) values (${uuid()}, ${id}, ${`${sku}-${i}`})`;
      const listing = uuid();
      await sql`insert into listings (id, provider_org_id, kind, title, item_id, price_minor, currency, status, submitted_at, decided_at)
                values (${listing}, ${org.id}, 'tool_rental', ${`Bench hire ${sku}`}, ${id}, 1500, 'GBP', 'approved', now(), now())`;
      return listing;
    };
    const stamp = Date.now().toString(36).toUpperCase();
    const flowListings: string[] = [];
    for (let i = 0; i < FLOW_ITEMS; i++) flowListings.push(await mkItem(`BENCH-${stamp}-F${i}`, 'bulk', 1_000_000));
    const lastUnitListing = await mkItem(`BENCH-${stamp}-ONE`, 'serialised', 1);
    ctx.note(`bench data: ${FLOW_ITEMS} bulk rental items (1,000,000 each) + 1 single-unit serialised item for ${PROVIDER_SLUG}`);
    fixture = { flowListings, lastUnitListing };
    return fixture;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

let cookie = '';
let providerCookie = '';
const json = (c: string, key?: string) => ({ cookie: c, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) });

// ---- (1) the last unit ---------------------------------------------------------------------------

const lastUnit: Scenario = {
  name: 'last-unit',
  description: `${LAST_UNIT_CONCURRENCY} concurrent POST /api/v1/rentals for the same window of an item with one serialised unit`,
  async prepare(ctx) {
    await ensureFixture(ctx);
    cookie = cookie || (await ctx.session(CUSTOMER));
  },
  async run(ctx) {
    const f = fixture!;
    const start = new Date(Date.now() + 2 * 86_400_000);
    const body = JSON.stringify({ listingId: f.lastUnitListing, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 86_400_000).toISOString(), quantity: 1, fulfilment: 'pickup', paymentMethod: CARD });
    const counts: Record<string, number> = {};
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: LAST_UNIT_CONCURRENCY }, async (_, i) => {
        try {
          const r = await fetchNoRedirect(`${ctx.app.baseUrl}/api/v1/rentals`, { method: 'POST', headers: json(cookie, `last-${i}-${uuid()}`), body }, 60_000);
          await r.arrayBuffer();
          counts[r.status] = (counts[r.status] ?? 0) + 1;
        } catch {
          counts.error = (counts.error ?? 0) + 1;
        }
      }),
    );
    const elapsedS = round((performance.now() - t0) / 1000, 2);
    const successes = (counts['200'] ?? 0) + (counts['201'] ?? 0);
    const fiveXx = Object.entries(counts).filter(([k]) => /^5\d\d$/.test(k)).reduce((a, [, n]) => a + n, 0);
    ctx.results.extra['last-unit'] = { concurrency: LAST_UNIT_CONCURRENCY, successes, conflicts: counts['409'] ?? 0, fiveXx, errors: counts.error ?? 0, statusCounts: counts, elapsedS };
    ctx.note(`last unit: ${JSON.stringify(counts)} in ${elapsedS} s`);
  },
};

// ---- (2) the lifecycle over HTTP ----------------------------------------------------------------

const STEPS = ['request', 'approve', 'schedule', 'checkout', 'return', 'inspect', 'settle'] as const;
type Step = (typeof STEPS)[number];
const stepTimes: Record<Step, number[]> = { request: [], approve: [], schedule: [], checkout: [], return: [], inspect: [], settle: [] };

async function timed<T>(step: Step, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  stepTimes[step].push(performance.now() - t);
  return r;
}

const lifecycle = flowScenario({
  name: 'lifecycle',
  description: 'request (customer) → approve → schedule → checkout → return → inspect → settle (provider admin), each worker on its own item, every step its HTTP route',
  target: 'request → approve → schedule → checkout → return → inspect → settle',
  async setup(ctx) {
    await ensureFixture(ctx);
    cookie = cookie || (await ctx.session(CUSTOMER));
    providerCookie = await ctx.session(PROVIDER_ADMIN);
  },
  async iteration(ctx, w, i) {
    const f = fixture!;
    const base = ctx.app.baseUrl;
    const listingId = f.flowListings[w % f.flowListings.length];
    const start = new Date(Date.now() + 3_600_000);
    const created = await timed('request', () =>
      fetchNoRedirect(`${base}/api/v1/rentals`, {
        method: 'POST',
        headers: json(cookie, `bench-${w}-${i}-${uuid()}`),
        body: JSON.stringify({ listingId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 86_400_000).toISOString(), quantity: 1, fulfilment: 'pickup', paymentMethod: CARD }),
      }),
    );
    const createdBody = await created.text();
    if (created.status !== 200) return { status: created.status, statusOk: false, ok: false, reason: `request ${created.status}: ${createdBody.slice(0, 120)}` };
    const { rentalId } = JSON.parse(createdBody) as { rentalId: string };
    const step = async (name: Exclude<Step, 'request'>, path: string, body: unknown) => {
      const r = await timed(name, () => fetchNoRedirect(`${base}/api/v1/rentals/${rentalId}/${path}`, { method: 'POST', headers: json(providerCookie, `bench-${name}-${rentalId}`), body: JSON.stringify(body) }));
      const text = await r.text();
      return r.status === 200 ? null : { status: r.status, statusOk: false, ok: false, reason: `${name} ${r.status}: ${text.slice(0, 120)}` };
    };
    const failed =
      (await step('approve', 'approve', {})) ??
      (await step('schedule', 'schedule', { pickupAt: start.toISOString() })) ??
      (await step('checkout', 'checkout', { condition: 'good' })) ??
      (await step('return', 'return', { condition: 'good' })) ??
      (await step('inspect', 'inspect', { outcome: 'clear' })) ??
      (await step('settle', 'settle', {}));
    return failed ?? { status: 200, statusOk: true, ok: true };
  },
});

function stepStats() {
  return STEPS.map((s) => {
    const v = Float64Array.from(stepTimes[s]).sort();
    return { step: s, n: v.length, p50: round(percentile(v, 50), 2), p95: round(percentile(v, 95), 2), p99: round(percentile(v, 99), 2) };
  });
}

// ---- report --------------------------------------------------------------------------------------

const flowAt = (r: BenchResults, c: number) => r.load.find((l) => l.name === 'lifecycle' && l.connections === c) ?? null;

function targets(r: BenchResults): TargetCheck[] {
  const last = r.extra['last-unit'] as { successes: number; fiveXx: number; elapsedS: number } | undefined;
  const flows = flowAt(r, 8) ?? flowAt(r, Math.max(...r.load.filter((l) => l.name === 'lifecycle').map((l) => l.connections)));
  const checks: TargetCheck[] = [atLeast('lifecycles/s (request → … → settle, 8 workers)', flows?.rps, 50, 'lifecycles/s', flows && (flows.non2xx || flows.errors) ? `${flows.non2xx} non-2xx, ${flows.errors} errors` : undefined)];
  for (const s of stepStats()) checks.push(atMost(`${s.step} p95`, s.p95, 50, 'ms'));
  checks.push(atMost('last unit successes', last?.successes, 1, ''), atLeast('last unit successes (≥ 1)', last?.successes, 1, ''), atMost('last unit 5xx', last?.fiveXx, 0, ''), atMost('last unit elapsed', last?.elapsedS, 2, 's'));
  return checks;
}

function report(r: BenchResults): string {
  const steps = stepStats();
  r.extra['lifecycle-steps'] = steps;
  const last = r.extra['last-unit'] as Record<string, number> | undefined;
  return [
    section('Lifecycle steps over HTTP (all runs)', table(['step', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], steps.map((s) => [s.step, s.n, s.p50, s.p95, s.p99]))),
    section(
      'Last unit',
      last ? table(['concurrent', 'successes', '409', '5xx', 'errors', 'elapsed s'], [[last.concurrency!, last.successes!, last.conflicts!, last.fiveXx!, last.errors!, last.elapsedS!]]) : 'not run',
    ),
  ].join('\n');
}

await runBench({
  name: 'rentals',
  title: 'Fixnado rentals bench (last unit under contention, rental lifecycle)',
  scenarios: [lastUnit, lifecycle],
  serverSettings: { DATABASE_POOL_MAX: POOL_MAX },
  targets,
  report,
  defaultJsonFile: '.artifacts/bench-rentals.json',
});
