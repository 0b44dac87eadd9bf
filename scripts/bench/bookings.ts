// npm run bench:bookings — the bookings bench (issue 4 "Bookings, crews, SLA timers and exact money"):
// one run against a production build on PostgreSQL (fresh database with the demo data):
//   - the full booking flow over HTTP as flows/s with per-step p50/p95/p99, each step the real route:
//     create  POST /api/v1/bookings (customer, Idempotency-Key; a service that needs confirmation,
//             so the booking waits as pending with its crew held)
//     assign  POST /api/v1/bookings/{id}/assign   (provider admin confirms the crew lead)
//     accept  POST /api/v1/bookings/{id}/confirm  (provider admin accepts the request → scheduled)
//     start   POST /api/v1/bookings/{id}/check-in (crew on site → in progress; payment captured)
//     complete POST /api/v1/bookings/{id}/complete (→ completed; provider share released, receipt)
//   - hot-slot contention: 1,000 concurrent POSTs for one slot that exactly one serviceman can take →
//     successes, 409s, 5xx, elapsed (target exactly 1, 0 × 5xx, ≤ 3 s);
//   - the raw SQL floor of the create transaction: a bare postgres.js loop inserting booking +
//     assignment + status row + audit row in one transaction (distinct slots), and the ratio;
//   - next-server RSS (from the runner).
// Bench data is created with SQL in the bench's own database before the scenarios: a category and
// two services of Thames Home Services covering one active platform zone, BENCH_CREW servicemen for
// the flow service and ONE serviceman for the hot-slot service.
//   DATABASE_URL=postgres://… npm run bench:bookings [-- --quick] [-- --only flow,hot-slot,sql-floor]
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { atLeast, atMost, section, table, type TargetCheck } from './lib/report';
import { runBench, SkipScenario, type BenchContext, type BenchResults, type Scenario } from './lib/runner';
import { flowScenario } from './lib/scenarios';
import { fetchNoRedirect, percentile, round } from './lib/util';

const CUSTOMER = 'customer@fixnado.test';
const PROVIDER_ADMIN = 'provider@fixnado.test';
const PROVIDER_SLUG = 'thames-home-services';
const BENCH_CREW = Number(process.env.BENCH_CREW ?? 12);
const HOT_CONCURRENCY = Number(process.env.BENCH_HOT_CONCURRENCY ?? 1000);
const POOL_MAX = process.env.DATABASE_POOL_MAX ?? '10';

interface Fixture {
  flowServiceId: string;
  hotServiceId: string;
  lon: number;
  lat: number;
  providerOrgId: string;
  hotServicemanId: string;
  /** Hourly UTC starts 07:00–19:00 from 2 days ahead (inside 06:00–22:00 London, BST or not). */
  slots: Date[];
}

let fixture: Fixture | null = null;

const uuid = () => randomUUID();

async function ensureFixture(ctx: BenchContext): Promise<Fixture> {
  if (fixture) return fixture;
  if (!ctx.app.databaseUrl) throw new SkipScenario('bench:bookings runs on PostgreSQL: set DATABASE_URL');
  const sql = postgres(ctx.app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [org] = await sql<{ id: string }[]>`select id from organisations where slug = ${PROVIDER_SLUG}`;
    if (!org) throw new Error(`provider ${PROVIDER_SLUG} is not in the demo data`);
    const [zone] = await sql<{ id: string; lon: number; lat: number; currency: string }[]>`
      select id, ST_X(label_point) as lon, ST_Y(label_point) as lat, currency from zones
      where owner_kind = 'platform' and status = 'active' order by name limit 1`;
    if (!zone) throw new Error('no active platform zone in the demo data');
    const catId = uuid();
    await sql`insert into service_categories (id, slug, name, sort_order) values (${catId}, 'bench-work', 'Bench work', 999) on conflict (slug) do nothing`;
    const [cat] = await sql<{ id: string }[]>`select id from service_categories where slug = 'bench-work'`;
    const mkService = async (title: string, requiresConfirmation: boolean) => {
      const id = uuid();
      await sql`insert into services (id, provider_org_id, category_id, title, price_minor, currency, tax_inclusive, duration_minutes, crew_size, buffer_before_minutes, buffer_after_minutes, min_notice_minutes, status, requires_confirmation)
                values (${id}, ${org.id}, ${cat.id}, ${title}, 10000, ${zone.currency.trim()}, false, 60, 1, 0, 0, 0, 'active', ${requiresConfirmation})`;
      await sql`insert into zone_coverage (id, provider_org_id, zone_id, service_id, priority, effective_from) values (${uuid()}, ${org.id}, ${zone.id}, ${id}, 1, '2020-01-01T00:00:00Z')`;
      return id;
    };
    const flowServiceId = await mkService('Bench flow service', true);
    const hotServiceId = await mkService('Bench hot-slot service', false);
    // Skills are category slugs: the flow crew gets 'bench-work', the hot serviceman a skill of its
    // own category so exactly one person can take the hot service.
    const hotCatId = uuid();
    await sql`insert into service_categories (id, slug, name, sort_order) values (${hotCatId}, 'bench-hot', 'Bench hot slot', 999) on conflict (slug) do nothing`;
    const [hotCat] = await sql<{ id: string }[]>`select id from service_categories where slug = 'bench-hot'`;
    await sql`update services set category_id = ${hotCat.id} where id = ${hotServiceId}`;
    const point = JSON.stringify({ type: 'Point', coordinates: [Number(zone.lon), Number(zone.lat)] });
    const mkServiceman = async (name: string, skill: string) => {
      const id = uuid();
      await sql`insert into servicemen (id, provider_org_id, display_name, skills, time_zone, base_point, status)
                values (${id}, ${org.id}, ${name}, ${sql.array([skill])}, 'Europe/London', ST_SetSRID(ST_GeomFromGeoJSON(${point}), 4326), 'active')`;
      for (let weekday = 1; weekday <= 7; weekday++) await sql`insert into serviceman_hours (id, serviceman_id, weekday, starts_at, ends_at) values (${uuid()}, ${id}, ${weekday}, '06:00', '22:00')`;
      return id;
    };
    for (let i = 0; i < BENCH_CREW; i++) await mkServiceman(`Bench crew ${i + 1}`, 'bench-work');
    const hotServicemanId = await mkServiceman('Bench hot', 'bench-hot');
    const day0 = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 2 * 86_400_000;
    const slots: Date[] = [];
    for (let d = 0; d < 300; d++) for (let h = 7; h <= 19; h++) slots.push(new Date(day0 + d * 86_400_000 + h * 3_600_000));
    ctx.note(`bench data: zone ${zone.id}, ${BENCH_CREW} flow servicemen + 1 hot-slot serviceman for ${PROVIDER_SLUG}; ${slots.length} distinct hourly slots`);
    fixture = { flowServiceId, hotServiceId, lon: Number(zone.lon), lat: Number(zone.lat), providerOrgId: org.id, hotServicemanId, slots };
    return fixture;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

const bookingBody = (f: Fixture, serviceId: string, startsAt: Date) =>
  JSON.stringify({ serviceId, type: 'scheduled', startsAt: startsAt.toISOString(), location: { lon: f.lon, lat: f.lat }, addressLine: '1 Bench Street, London', paymentMethod: 'pm_card_visa' });

// ---- (1) the flow over HTTP ---------------------------------------------------------------------

const STEPS = ['create', 'assign', 'accept', 'start', 'complete'] as const;
type Step = (typeof STEPS)[number];
const stepTimes: Record<Step, number[]> = { create: [], assign: [], accept: [], start: [], complete: [] };
let nextSlot = 0;
let cookie = '';
let providerCookie = '';

async function timed<T>(step: Step, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  stepTimes[step].push(performance.now() - t);
  return r;
}

const flow = flowScenario({
  name: 'flow',
  description: 'create (customer) → assign → accept (provider admin) → start → complete, each booking its own slot, every step its HTTP route',
  target: 'create → assign → accept → start → complete',
  async setup(ctx) {
    await ensureFixture(ctx);
    cookie = await ctx.session(CUSTOMER);
    providerCookie = await ctx.session(PROVIDER_ADMIN);
  },
  async iteration(ctx, _w, i) {
    const f = fixture!;
    const base = ctx.app.baseUrl;
    const slot = f.slots[nextSlot++ % f.slots.length];
    const created = await timed('create', () =>
      fetchNoRedirect(`${base}/api/v1/bookings`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `bench-${i}-${uuid()}` },
        body: bookingBody(f, f.flowServiceId, slot),
      }),
    );
    const createdBody = await created.text();
    if (created.status !== 200 && created.status !== 201) return { status: created.status, statusOk: false, ok: false, reason: `create ${created.status}: ${createdBody.slice(0, 80)}` };
    const booking = (JSON.parse(createdBody) as { booking: { id: string; crew: Array<{ servicemanId: string; role: string }> } }).booking;
    const lead = booking.crew.find((m) => m.role === 'lead');
    if (!lead) return { status: 200, statusOk: true, ok: false, reason: 'create: no crew held' };
    const step = async (name: Exclude<Step, 'create'>, path: string, body: unknown) => {
      const r = await timed(name, () =>
        fetchNoRedirect(`${base}/api/v1/bookings/${booking.id}/${path}`, {
          method: 'POST',
          headers: { cookie: providerCookie, 'content-type': 'application/json', 'idempotency-key': `bench-${name}-${booking.id}` },
          body: JSON.stringify(body),
        }),
      );
      const text = await r.text();
      return r.status === 200 ? null : { status: r.status, statusOk: false, ok: false, reason: `${name} ${r.status}: ${text.slice(0, 80)}` };
    };
    const failed =
      (await step('assign', 'assign', { leadId: lead.servicemanId, supportIds: [] })) ??
      (await step('accept', 'confirm', {})) ??
      (await step('start', 'check-in', {})) ??
      (await step('complete', 'complete', {}));
    return failed ?? { status: 200, statusOk: true, ok: true };
  },
});

function stepStats() {
  return STEPS.map((s) => {
    const v = Float64Array.from(stepTimes[s]).sort();
    return { step: s, n: v.length, p50: round(percentile(v, 50), 2), p95: round(percentile(v, 95), 2), p99: round(percentile(v, 99), 2) };
  });
}

// ---- (2) hot slot --------------------------------------------------------------------------------

const hotSlot: Scenario = {
  name: 'hot-slot',
  description: `${HOT_CONCURRENCY} concurrent POST /api/v1/bookings for one slot only one serviceman can take`,
  async prepare(ctx) {
    await ensureFixture(ctx);
    cookie = cookie || (await ctx.session(CUSTOMER));
  },
  async run(ctx) {
    const f = fixture!;
    // 06:00 UTC on the first bench day: inside the hot serviceman's 06:00–22:00 London hours in GMT
    // and BST; only that one serviceman has the hot service's skill.
    const slot = new Date(f.slots[13 * 2].getTime() - 60 * 60_000);
    const counts: Record<string, number> = {};
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: HOT_CONCURRENCY }, async (_, i) => {
        try {
          const r = await fetchNoRedirect(
            `${ctx.app.baseUrl}/api/v1/bookings`,
            { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `hot-${i}-${uuid()}` }, body: bookingBody(f, f.hotServiceId, slot) },
            60_000,
          );
          await r.arrayBuffer();
          counts[r.status] = (counts[r.status] ?? 0) + 1;
        } catch (err) {
          counts.error = (counts.error ?? 0) + 1;
          void err;
        }
      }),
    );
    const elapsedS = round((performance.now() - t0) / 1000, 2);
    // The framework's own floor for the same burst: 1,000 concurrent requests that do (almost) no
    // work — anonymous health and the signed-in /api/v1/me (session + one query) — so the hot-slot
    // time can be read against what this machine needs just to answer 1,000 requests at once.
    const floorBurst = async (path: string, headers: Record<string, string>) => {
      const t = performance.now();
      await Promise.all(
        Array.from({ length: HOT_CONCURRENCY }, async () => {
          const r = await fetchNoRedirect(`${ctx.app.baseUrl}${path}`, { headers }, 60_000).catch(() => null);
          await r?.arrayBuffer();
        }),
      );
      return round((performance.now() - t) / 1000, 2);
    };
    const healthFloorS = await floorBurst('/api/health', {});
    const meFloorS = await floorBurst('/api/v1/me', { cookie });
    const successes = (counts['200'] ?? 0) + (counts['201'] ?? 0);
    const conflicts = counts['409'] ?? 0;
    const fiveXx = Object.entries(counts).filter(([k]) => /^5\d\d$/.test(k)).reduce((a, [, n]) => a + n, 0);
    ctx.results.extra['hot-slot'] = { concurrency: HOT_CONCURRENCY, successes, conflicts, fiveXx, errors: counts.error ?? 0, statusCounts: counts, elapsedS, healthFloorS, meFloorS };
    ctx.note(`hot slot: ${JSON.stringify(counts)} in ${elapsedS} s; the same burst of GET /api/health takes ${healthFloorS} s, of GET /api/v1/me ${meFloorS} s`);
  },
};

// ---- (3) raw SQL floor of the create transaction -------------------------------------------------

const sqlFloor: Scenario = {
  name: 'sql-floor',
  description: 'bare postgres.js: booking + assignment + status row + audit row in one transaction, distinct slots, 1 and 8 concurrent loops',
  async prepare(ctx) {
    await ensureFixture(ctx);
  },
  async run(ctx) {
    const f = fixture!;
    const sql = postgres(ctx.app.databaseUrl!, { max: 8, onnotice: () => {} });
    try {
      const [tpl] = await sql<{ id: string }[]>`select id from bookings where service_id = ${f.flowServiceId} limit 1`;
      if (!tpl) throw new SkipScenario('sql-floor needs a booking of the flow service as a template (run the flow scenario too)');
      // The booking row is copied column by column from the template (not through to_jsonb, which
      // would render the PostGIS location through spatial_ref_sys and cost ~20 ms per insert).
      const cols = (await sql<{ column_name: string }[]>`select column_name from information_schema.columns where table_name = 'bookings' and is_generated = 'NEVER' order by ordinal_position`).map((c) => c.column_name);
      const override: Record<string, string> = { id: '$1::uuid', reference: '$2', starts_at: '$3::timestamptz', ends_at: '$4::timestamptz', status: `'scheduled'`, created_at: 'now()', updated_at: 'now()', cancelled_at: 'null', cancelled_by: 'null', cancellation_reason: 'null', cancellation_fee_minor: 'null', completed_at: 'null', started_at: 'null' };
      const insertBooking = `insert into bookings (${cols.map((c) => `"${c}"`).join(', ')}) select ${cols.map((c) => override[c] ?? `b."${c}"`).join(', ')} from bookings b where b.id = $5::uuid`;
      const crew = await sql<{ id: string }[]>`select id from servicemen where provider_org_id = ${f.providerOrgId} and 'bench-work' = any(skills) order by id`;
      const out: Array<{ conns: number; n: number; perS: number; p50: number; p95: number }> = [];
      let k = 0;
      for (const conns of [1, 8]) {
        const seconds = ctx.opts.quick ? 2 : 8;
        const times: number[] = [];
        const deadline = performance.now() + seconds * 1000;
        const t0 = performance.now();
        await Promise.all(
          Array.from({ length: conns }, async () => {
            while (performance.now() < deadline) {
              const n = k++;
              // Distinct (serviceman, window) per insert: far-future hours past the flow's grid.
              const start = new Date(Date.UTC(2030, 0, 1) + n * 3_600_000);
              const end = new Date(start.getTime() + 3_600_000);
              const sm = crew[n % crew.length].id;
              const id = uuid();
              const t = performance.now();
              await sql.begin(async (tx) => {
                await tx.unsafe(insertBooking, [id, `BF${id.slice(0, 8)}${n}`, start.toISOString(), end.toISOString(), tpl.id]);
                await tx`insert into booking_assignments (id, booking_id, serviceman_id, role, "window", active) values (${uuid()}, ${id}, ${sm}, 'lead', tstzrange(${start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz), true)`;
                await tx`insert into booking_status_changes (id, booking_id, from_status, to_status, at, actor_type, actor_id, note) values (${uuid()}, ${id}, null, 'scheduled', now(), 'user', 'bench', '')`;
                await tx`insert into audit_log (id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, tenant_id, data) values (${uuid()}, now(), 'user', 'bench', 'bookings.create', 'booking', ${id}, ${f.providerOrgId}, '{}'::jsonb)`;
              });
              times.push(performance.now() - t);
            }
          }),
        );
        const dur = (performance.now() - t0) / 1000;
        const sorted = Float64Array.from(times).sort();
        out.push({ conns, n: times.length, perS: round(times.length / dur, 1), p50: round(percentile(sorted, 50), 2), p95: round(percentile(sorted, 95), 2) });
      }
      ctx.results.extra['sql-floor'] = out;
    } finally {
      await sql.end({ timeout: 5 });
    }
  },
};

// ---- report --------------------------------------------------------------------------------------

const flowAt = (r: BenchResults, c: number) => r.load.find((l) => l.name === 'flow' && l.connections === c) ?? null;

function targets(r: BenchResults): TargetCheck[] {
  const steps = stepStats();
  const hot = r.extra['hot-slot'] as { successes: number; fiveXx: number; elapsedS: number } | undefined;
  const flows = flowAt(r, 8) ?? flowAt(r, Math.max(...r.load.filter((l) => l.name === 'flow').map((l) => l.connections)));
  const checks: TargetCheck[] = [atLeast('flows/s (create → assign → accept → start → complete, 8 workers)', flows?.rps, 100, 'flows/s', flows && (flows.non2xx || flows.errors) ? `${flows.non2xx} non-2xx, ${flows.errors} errors` : undefined)];
  for (const s of steps) checks.push(atMost(`${s.step} p95`, s.p95, 50, 'ms'));
  checks.push(atMost('hot slot successes', hot?.successes, 1, ''), atLeast('hot slot successes (≥ 1)', hot?.successes, 1, ''), atMost('hot slot 5xx', hot?.fiveXx, 0, ''), atMost('hot slot elapsed', hot?.elapsedS, 3, 's'));
  checks.push(atMost('next-server RSS peak under load', r.rss.peakUnderLoadMb === null ? null : Math.round(r.rss.peakUnderLoadMb), 700, 'MB'));
  return checks;
}

function report(r: BenchResults): string {
  const steps = stepStats();
  r.extra['flow-steps'] = steps;
  const floor = (r.extra['sql-floor'] as Array<{ conns: number; n: number; perS: number; p50: number; p95: number }> | undefined) ?? [];
  const hot = r.extra['hot-slot'] as Record<string, unknown> | undefined;
  const flows = flowAt(r, 8);
  const f8 = floor.find((x) => x.conns === 8);
  const parts = [
    section('Flow steps over HTTP (all runs)', table(['step', 'n', 'p50 ms', 'p95 ms', 'p99 ms'], steps.map((s) => [s.step, s.n, s.p50, s.p95, s.p99]))),
    section(
      'Hot slot',
      hot
        ? table(
            ['concurrent', 'successes', '409', '5xx', 'errors', 'elapsed s', 'same burst: /api/health s', 'same burst: /api/v1/me s'],
            [[hot.concurrency as number, hot.successes as number, hot.conflicts as number, hot.fiveXx as number, hot.errors as number, hot.elapsedS as number, hot.healthFloorS as number, hot.meFloorS as number]],
          )
        : 'not run',
    ),
    section(
      'Create transaction: SQL floor vs HTTP',
      table(
        ['loops', 'floor tx/s', 'floor p50 ms', 'floor p95 ms'],
        floor.map((x) => [x.conns, x.perS, x.p50, x.p95]),
      ) + (flows && f8 ? `\nHTTP flows/s (5 requests each, 8 workers) ÷ floor creates/s (8 loops) = ${round((flows.rps / f8.perS) * 100, 1)} %` : ''),
    ),
  ];
  return parts.join('\n');
}

await runBench({
  name: 'bookings',
  title: 'Fixnado bookings bench (full booking flow, hot slot, SQL floor)',
  scenarios: [flow, hotSlot, sqlFloor],
  serverSettings: { DATABASE_POOL_MAX: POOL_MAX },
  targets,
  report,
  defaultJsonFile: '.artifacts/bench-bookings.json',
});
