// The geo scale set for benchmarks: a non-overlapping grid of platform zones over England and one
// provider business per --providers, written set-based (generate_series) in one transaction.
//   npx tsx scripts/geo-scale.ts --zones 10000 --providers 50000 [--seed 1] [--reset] [--no-snapshot]
// Runs against DATABASE_URL (else the embedded database). Everything it writes is named `scale-…`,
// which is how --reset finds (and deletes) exactly its own rows; without --reset it refuses to run
// twice. Afterwards one zone analytics run computes metrics for the new zones (timed).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDatabase, rowsOf, type Db, type Tx } from '@/db/client';
import { seedId } from '@/db/seed/ids';
import { categories } from '@/db/seed/london-data';
import { runZoneSnapshot } from '@/lib/geo/snapshot/run-snapshot';

export interface ScaleOptions {
  zones: number;
  providers: number;
  /** Varies the deterministic layout (ids, demand mix, prices); the same seed gives the same set. */
  seed?: number;
  /** Called after each step with its duration (the CLI prints them). */
  onStep?: (step: string, ms: number) => void;
}

export interface ScaleCounts {
  zones: number;
  providers: number;
  services: number;
  coverage: number;
  hours: number;
  ms: number;
}

export const SCALE_PREFIX = 'scale-';

// The area the grid covers (roughly England) and its size in km at ~53°N, to keep cells square-ish.
const AREA = { west: -5.5, south: 50.3, east: 1.7, north: 55.4 };
const AREA_KM = { width: (AREA.east - AREA.west) * 67, height: (AREA.north - AREA.south) * 111 };

/**
 * A deterministic uuid from a text key (md5, with the version/variant nibbles of a name-based v8
 * id so it passes the app's uuid validation). SQL text built from constants only.
 */
const scaleUuid = (keyExpr: string) => `overlay(overlay(md5(${keyExpr}) placing '8' from 13 for 1) placing '8' from 17 for 1)::uuid`;

/** True when any row this generator writes exists. */
export async function scaleSetExists(database: Db | Tx): Promise<boolean> {
  const [row] = rowsOf<{ present: boolean }>(
    await database.execute(sql`SELECT EXISTS (SELECT 1 FROM organisations WHERE slug LIKE 'scale-%')
                                OR EXISTS (SELECT 1 FROM zones WHERE name LIKE 'scale-%') AS present`),
  );
  return !!row?.present;
}

/** Deletes only what the generator wrote (organisations cascade to profiles, hours, services, coverage). */
export async function deleteScaleSet(database: Db | Tx): Promise<void> {
  await database.execute(sql`DELETE FROM zones WHERE name LIKE 'scale-%'`);
  await database.execute(sql`DELETE FROM organisations WHERE slug LIKE 'scale-%'`);
}

/**
 * Writes the scale set in one transaction: `zones` square cells of a grid over England (cells that
 * touch an existing platform zone, e.g. the London boroughs, are left out, so platform zones still
 * never overlap), mixed demand levels; `providers` organisations each with a profile based inside a
 * zone, opening hours, 1–2 active services and coverage of 1–3 neighbouring zones.
 */
export async function generateScaleSet(database: Db, opts: ScaleOptions): Promise<ScaleCounts> {
  const zoneCount = Math.trunc(opts.zones);
  const providerCount = Math.trunc(opts.providers);
  const seed = Math.trunc(opts.seed ?? 1);
  if (!(zoneCount >= 1 && zoneCount <= 200_000)) throw new Error('--zones must be between 1 and 200000');
  if (!(providerCount >= 0 && providerCount <= 1_000_000)) throw new Error('--providers must be between 0 and 1000000');
  const started = Date.now();

  // Candidates beyond the target absorb the cells dropped for touching existing zones.
  const candidates = Math.ceil(zoneCount * 1.1) + 100;
  const cols = Math.max(1, Math.ceil(Math.sqrt((candidates * AREA_KM.width) / AREA_KM.height)));
  const rows = Math.ceil(candidates / cols);
  const dx = (AREA.east - AREA.west) / cols;
  const dy = (AREA.north - AREA.south) / rows;

  let mark = Date.now();
  const step = (name: string) => {
    const t = Date.now();
    opts.onStep?.(name, t - mark);
    mark = t;
  };

  return database.transaction(async (tx) => {
    if (await scaleSetExists(tx)) throw new Error('The scale set already exists: run again with --reset to replace it.');

    const platform = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT id::text AS id FROM organisations WHERE kind = 'platform'
                           ORDER BY (id = ${seedId('org:platform')}::uuid) DESC, created_at LIMIT 1`),
    )[0];
    let platformId = platform?.id;
    if (!platformId) {
      platformId = seedId('org:scale-platform');
      await tx.execute(sql`INSERT INTO organisations (id, kind, name, slug) VALUES (${platformId}::uuid, 'platform', 'Scale platform', 'scale-platform')`);
    }

    // Categories are shared reference data: make sure they exist, never delete them.
    const cats = categories.map((c, i) => ({ id: seedId(`category:${c.slug}`), slug: c.slug, name: c.name, sort: (i + 1) * 10 }));
    await tx.execute(sql`
      INSERT INTO service_categories (id, slug, name, sort_order)
      SELECT id, slug, name, sort FROM jsonb_to_recordset(${JSON.stringify(cats)}::jsonb) AS c(id uuid, slug text, name text, sort int)
      ON CONFLICT DO NOTHING`);
    await tx.execute(sql`CREATE TEMP TABLE scale_categories ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS ix, id, name FROM service_categories`);
    const [{ n: categoryCount }] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM scale_categories`));

    await tx.execute(sql`CREATE TEMP TABLE scale_cells ON COMMIT DROP AS
      SELECT (row_number() OVER (ORDER BY r, c) - 1)::int AS ix, r, c, geom,
             ${sql.raw(scaleUuid(`'scale-zone:' || ${seed} || ':' || r || ':' || c`))} AS id
      FROM (
        SELECT r, c, ST_MakeEnvelope(${AREA.west}::float8 + c * ${dx}::float8, ${AREA.south}::float8 + r * ${dy}::float8,
                                     ${AREA.west}::float8 + (c + 1) * ${dx}::float8, ${AREA.south}::float8 + (r + 1) * ${dy}::float8, 4326) AS geom
        FROM generate_series(0, ${rows - 1}::int) AS r, generate_series(0, ${cols - 1}::int) AS c
      ) cand
      WHERE NOT EXISTS (
        SELECT 1 FROM zones z
        WHERE z.owner_org_id = ${platformId}::uuid AND z.status <> 'archived' AND ST_Intersects(z.geom, cand.geom)
      )
      ORDER BY r, c
      LIMIT ${zoneCount}::int`);
    await tx.execute(sql`CREATE UNIQUE INDEX ON scale_cells (ix)`);
    await tx.execute(sql`CREATE UNIQUE INDEX ON scale_cells (r, c)`);
    const [{ n: cellCount }] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM scale_cells`));
    if (cellCount < zoneCount) throw new Error(`Only ${cellCount} grid cells are free of existing zones; asked for ${zoneCount}.`);
    step('grid');

    // Demand: a deterministic mix, about 20 % high, 30 % medium, 50 % low.
    await tx.execute(sql`
      INSERT INTO zones (id, owner_org_id, owner_kind, name, geom, demand_level, time_zone, currency, tax_region, status)
      SELECT id, ${platformId}::uuid, 'platform', format('scale-%s-%s', lpad(r::text, 4, '0'), lpad(c::text, 4, '0')), ST_Multi(geom),
             (CASE WHEN (r * 7 + c * 13 + ${seed}::int) % 10 < 2 THEN 'high'
                   WHEN (r * 7 + c * 13 + ${seed}::int) % 10 < 5 THEN 'medium' ELSE 'low' END)::demand_level,
             'Europe/London', 'GBP', 'GB', 'active'
      FROM scale_cells`);
    step('zones');

    if (providerCount > 0) {
      // Provider i is based in cell (i·7919 + seed) mod zones, at a deterministic spot inside it.
      await tx.execute(sql`CREATE TEMP TABLE scale_providers ON COMMIT DROP AS
        SELECT i, ${sql.raw(scaleUuid(`'scale-org:' || ${seed} || ':' || i`))} AS id, cell.ix AS cell_ix, cell.r, cell.c,
               ST_SetSRID(ST_MakePoint(
                 ST_XMin(cell.geom) + (0.1 + 0.8 * ((i * 37 + ${seed}::int) % 100) / 100.0) * ${dx}::float8,
                 ST_YMin(cell.geom) + (0.1 + 0.8 * ((i * 61 + ${seed}::int) % 100) / 100.0) * ${dy}::float8), 4326) AS base
        FROM generate_series(1, ${providerCount}::int) AS i
        JOIN scale_cells cell ON cell.ix = ((i::bigint * 7919 + ${seed}::int) % ${zoneCount}::int)::int`);

      await tx.execute(sql`
        INSERT INTO organisations (id, kind, name, slug, time_zone)
        SELECT id, 'provider', format('Scale Provider %s', i), format('scale-p-%s', lpad(i::text, 7, '0')), 'Europe/London'
        FROM scale_providers`);
      step('organisations');
      await tx.execute(sql`
        INSERT INTO provider_profiles (org_id, tagline, description, base_point, rating_x_100, rating_count,
                                       accepts_on_demand, offers_rentals, offers_sales)
        SELECT id, 'Benchmark provider', '', base,
               CASE WHEN i % 2 = 0 THEN 300 + (i * 13) % 200 END, CASE WHEN i % 2 = 0 THEN 1 + i % 50 ELSE 0 END,
               i % 3 <> 0, i % 7 = 0, i % 11 = 0
        FROM scale_providers`);
      step('profiles');
      // Every fifth provider is open round the clock; the rest weekdays, every other one Saturdays too.
      await tx.execute(sql`
        INSERT INTO provider_hours (id, org_id, weekday, opens_at, closes_at)
        SELECT ${sql.raw(scaleUuid(`'scale-hours:' || ${seed} || ':' || p.i || ':' || d`))}, p.id, d,
               CASE WHEN p.i % 5 = 0 THEN time '00:00' WHEN d = 6 THEN time '09:00' ELSE time '08:00' END,
               CASE WHEN p.i % 5 = 0 THEN time '24:00' WHEN d = 6 THEN time '14:00' ELSE time '18:00' END
        FROM scale_providers p, generate_series(1, 7) AS d
        WHERE p.i % 5 = 0 OR d <= 5 OR (d = 6 AND p.i % 2 = 0)`);
      step('hours');
      await tx.execute(sql`
        INSERT INTO services (id, provider_org_id, category_id, title, description, price_minor, currency, tax_inclusive,
                              duration_minutes, crew_size, status)
        SELECT ${sql.raw(scaleUuid(`'scale-service:' || ${seed} || ':' || p.i || ':' || s`))}, p.id, cat.id,
               format('%s (option %s)', cat.name, s), '', 2000 + ((p.i::bigint * 7919 + s * 104729) % 200) * 100, 'GBP', true,
               30 * (1 + (p.i + s) % 8), 1, 'active'
        FROM scale_providers p
        CROSS JOIN generate_series(1, 2) AS s
        JOIN scale_categories cat ON cat.ix = (p.i + s * 3) % ${categoryCount}::int
        WHERE s = 1 OR p.i % 2 = 0`);
      step('services');
      // Coverage with the first service: the base cell, then the cell east, then the cell north.
      await tx.execute(sql`
        INSERT INTO zone_coverage (id, provider_org_id, zone_id, service_id, priority, effective_from)
        SELECT ${sql.raw(scaleUuid(`'scale-coverage:' || ${seed} || ':' || p.i || ':' || k`))}, p.id, cell.id,
               ${sql.raw(scaleUuid(`'scale-service:' || ${seed} || ':' || p.i || ':1'`))}, k + 1, now() - interval '30 days'
        FROM scale_providers p
        CROSS JOIN generate_series(0, 2) AS k
        JOIN scale_cells cell ON cell.r = p.r + (k = 2)::int AND cell.c = p.c + (k = 1)::int
        WHERE k <= p.i % 3`);
      step('coverage');
    }

    const [counts] = rowsOf<{ zones: number; providers: number; services: number; coverage: number; hours: number }>(
      await tx.execute(sql`SELECT
        (SELECT count(*) FROM zones WHERE name LIKE 'scale-%')::int AS zones,
        (SELECT count(*) FROM organisations WHERE slug LIKE 'scale-p-%')::int AS providers,
        (SELECT count(*) FROM services s JOIN organisations o ON o.id = s.provider_org_id WHERE o.slug LIKE 'scale-p-%')::int AS services,
        (SELECT count(*) FROM zone_coverage zc JOIN organisations o ON o.id = zc.provider_org_id WHERE o.slug LIKE 'scale-p-%')::int AS coverage,
        (SELECT count(*) FROM provider_hours h JOIN organisations o ON o.id = h.org_id WHERE o.slug LIKE 'scale-p-%')::int AS hours`),
    );
    return { ...counts, ms: Date.now() - started };
  });
}

async function main(argv: string[]): Promise<void> {
  const num = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
    return v;
  };
  const zones = num('zones', 10_000);
  const providers = num('providers', 50_000);
  const seed = num('seed', 1);
  const database = getDatabase();
  try {
    if (argv.includes('--reset')) {
      const t = Date.now();
      await database.db.transaction((tx) => deleteScaleSet(tx));
      process.stdout.write(`removed the previous scale set in ${Date.now() - t} ms\n`);
    }
    const steps: string[] = [];
    const counts = await generateScaleSet(database.db, { zones, providers, seed, onStep: (name, ms) => steps.push(`${name} ${ms} ms`) });
    process.stdout.write(`steps: ${steps.join(', ')}\n`);
    // A bulk load leaves the planner without statistics until autovacuum comes by; without them
    // the spatial joins pick nested loops over whole tables. Analyze what was just written.
    const analyzed = Date.now();
    await database.raw.executeSql('ANALYZE zones, zone_coverage, services, provider_profiles, provider_hours, organisations, places');
    process.stdout.write(`analyzed in ${Date.now() - analyzed} ms\n`);
    process.stdout.write(
      `scale set on ${database.kind}: ${counts.zones} zones, ${counts.providers} providers, ${counts.services} services, ` +
        `${counts.coverage} coverage rows, ${counts.hours} opening-hour rows in ${counts.ms} ms\n`,
    );
    if (!argv.includes('--no-snapshot')) {
      const outcome = await runZoneSnapshot({ trigger: 'schedule', at: new Date() });
      process.stdout.write(
        outcome.status === 'completed'
          ? `zone analytics: ${outcome.zonesRecomputed} zones recomputed in ${outcome.durationMs} ms\n`
          : `zone analytics skipped (${outcome.reason})\n`,
      );
    }
  } finally {
    await closeDatabase();
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
