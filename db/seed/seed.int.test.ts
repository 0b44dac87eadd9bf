import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { env } from '@/lib/core/env';
import { seedAll } from './index';
import { seedId } from './ids';
import { boroughs, categories, demoProviderSlug, providers } from './london-data';

const count = async (query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number | string }>(await db().execute(query))[0].n);

const tableCounts = async () => ({
  zones: await count(sql`SELECT count(*) AS n FROM zones`),
  coverage: await count(sql`SELECT count(*) AS n FROM zone_coverage`),
  places: await count(sql`SELECT count(*) AS n FROM places`),
  categories: await count(sql`SELECT count(*) AS n FROM service_categories`),
  services: await count(sql`SELECT count(*) AS n FROM services`),
  organisations: await count(sql`SELECT count(*) AS n FROM organisations`),
  profiles: await count(sql`SELECT count(*) AS n FROM provider_profiles`),
  hours: await count(sql`SELECT count(*) AS n FROM provider_hours`),
  metrics: await count(sql`SELECT count(*) AS n FROM zone_metrics`),
});

describe('London demo seed', () => {
  it('is re-runnable: a second run changes no counts', async () => {
    await seedAll(db());
    const first = await tableCounts();
    await seedAll(db());
    expect(await tableCounts()).toEqual(first);
    expect(first).toMatchObject({
      zones: boroughs.length + 2, // boroughs, one draft zone, the demo provider's own area
      categories: categories.length,
      profiles: providers.length,
      services: providers.reduce((n, p) => n + p.services.length, 0),
      metrics: boroughs.length + 2,
    });
    expect(first.places).toBeGreaterThanOrEqual(boroughs.length + 60 + 30);
  });

  it('builds valid borough zones that share edges and never overlap', async () => {
    const zones = rowsOf<{ name: string; valid: boolean; vertex_count: number; area_m2: number; status: string; owner_kind: string }>(
      await db().execute(sql`SELECT name, ST_IsValid(geom) AS valid, vertex_count, area_m2, status, owner_kind FROM zones`),
    );
    const maxM2 = env().ZONE_MAX_AREA_KM2 * 1e6;
    for (const z of zones) {
      expect(z.valid, z.name).toBe(true);
      expect(Number(z.vertex_count)).toBeLessThanOrEqual(10_000);
      expect(Number(z.area_m2)).toBeGreaterThanOrEqual(10);
      expect(Number(z.area_m2)).toBeLessThanOrEqual(maxM2);
    }
    expect(zones.filter((z) => z.owner_kind === 'platform' && z.status === 'active')).toHaveLength(boroughs.length);
    expect(zones.filter((z) => z.status === 'draft')).toHaveLength(1);
    const overlaps = rowsOf<{ a: string; b: string; m2: number }>(
      await db().execute(sql`
        SELECT a.name AS a, b.name AS b, ST_Area(ST_Intersection(a.geom, b.geom)::geography) AS m2
        FROM zones a JOIN zones b ON a.id < b.id AND a.owner_org_id = b.owner_org_id AND a.geom && b.geom
        WHERE a.status <> 'archived' AND b.status <> 'archived' AND ST_Intersects(a.geom, b.geom)
          AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1`),
    );
    expect(overlaps).toEqual([]);
    // Neighbours really touch (a tiling, not islands): Westminster borders Camden.
    const touching = await count(sql`SELECT count(*) AS n FROM zones a, zones b
      WHERE a.id = ${seedId('zone:westminster')} AND b.id = ${seedId('zone:camden')} AND ST_Intersects(a.geom, b.geom)`);
    expect(touching).toBe(1);
    // Each borough's seed point lies in its own zone.
    for (const b of boroughs) {
      const inside = await count(sql`SELECT count(*) AS n FROM zones WHERE id = ${seedId(`zone:${b.key}`)}
        AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(${b.centre[0]}::float8, ${b.centre[1]}::float8), 4326))`);
      expect(inside, b.name).toBe(1);
    }
  });

  it('gives every borough providers, and bases every provider inside London', async () => {
    const unserved = rowsOf<{ name: string }>(
      await db().execute(sql`SELECT z.name FROM zones z JOIN zone_metrics m ON m.zone_id = z.id
        WHERE z.owner_kind = 'platform' AND z.status = 'active' AND m.active_providers < 1`),
    );
    expect(unserved).toEqual([]);
    const outside = rowsOf<{ slug: string }>(
      await db().execute(sql`SELECT o.slug FROM provider_profiles p JOIN organisations o ON o.id = p.org_id
        WHERE NOT EXISTS (SELECT 1 FROM zones z WHERE z.owner_kind = 'platform' AND z.status = 'active' AND ST_Contains(z.geom, p.base_point))`),
    );
    expect(outside).toEqual([]);
    const demo = rowsOf<{ slug: string; own_areas: number }>(
      await db().execute(sql`SELECT o.slug, (SELECT count(*) FROM zones z WHERE z.owner_org_id = o.id AND z.owner_kind = 'provider')::int AS own_areas
        FROM organisations o WHERE o.id = ${seedId('org:provider')}`),
    );
    expect(demo).toEqual([{ slug: demoProviderSlug, own_areas: 1 }]);
    const services = await count(sql`SELECT count(*) AS n FROM services WHERE price_minor <= 0 OR duration_minutes <= 0 OR currency <> 'GBP'`);
    expect(services).toBe(0);
  });

  it('leaves metrics and a finished analytics run behind', async () => {
    const runs = await count(sql`SELECT count(*) AS n FROM zone_snapshot_runs WHERE finished_at IS NOT NULL`);
    expect(runs).toBeGreaterThanOrEqual(1);
    expect(await count(sql`SELECT count(*) AS n FROM zone_snapshots`)).toBeGreaterThanOrEqual(boroughs.length);
    const gazetteer = rowsOf<{ kind: string; n: number }>(await db().execute(sql`SELECT kind::text, count(*)::int AS n FROM places GROUP BY 1`));
    const byKind = Object.fromEntries(gazetteer.map((g) => [g.kind, Number(g.n)]));
    expect(byKind).toMatchObject({ area: boroughs.length });
    expect(byKind.postcode).toBeGreaterThanOrEqual(60);
    expect(byKind.landmark + byKind.station).toBeGreaterThanOrEqual(30);
  });
});
