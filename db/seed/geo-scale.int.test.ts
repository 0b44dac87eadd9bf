import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { deleteScaleSet, generateScaleSet } from '@/scripts/geo-scale';
import { seedAll } from './index';
import { boroughs } from './london-data';

const one = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db().execute(query))[0];
const scaleZoneIds = async () =>
  rowsOf<{ id: string }>(await db().execute(sql`SELECT id::text AS id FROM zones WHERE name LIKE 'scale-%' ORDER BY id`)).map((r) => r.id);

describe('geo scale generator (small numbers)', () => {
  it('writes the requested counts beside the London seed without any platform-zone overlap', async () => {
    await seedAll(db());
    const counts = await generateScaleSet(db(), { zones: 200, providers: 1000, seed: 7 });
    expect(counts).toMatchObject({ zones: 200, providers: 1000, services: 1500 });
    expect(counts.coverage).toBeGreaterThanOrEqual(1000);
    expect(counts.coverage).toBeLessThanOrEqual(3000);
    expect(counts.hours).toBeGreaterThanOrEqual(5000);

    const overlaps = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM zones a JOIN zones b
        ON a.id < b.id AND a.owner_org_id = b.owner_org_id AND a.geom && b.geom
      WHERE a.owner_kind = 'platform' AND a.status <> 'archived' AND b.status <> 'archived'
        AND ST_Intersects(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 1`);
    expect(Number(overlaps.n)).toBe(0);
    const mix = rowsOf<{ demand_level: string }>(await db().execute(sql`SELECT DISTINCT demand_level::text FROM zones WHERE name LIKE 'scale-%'`));
    expect(mix.map((m) => m.demand_level).sort()).toEqual(['high', 'low', 'medium']);
    // Every provider is based inside the zone it covers first.
    const misplaced = await one<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM zone_coverage zc
      JOIN organisations o ON o.id = zc.provider_org_id AND o.slug LIKE 'scale-p-%'
      JOIN provider_profiles p ON p.org_id = zc.provider_org_id
      JOIN zones z ON z.id = zc.zone_id
      WHERE zc.priority = 1 AND NOT ST_Contains(z.geom, p.base_point)`);
    expect(Number(misplaced.n)).toBe(0);
  });

  it('refuses a second run, and --reset removes only its own rows; the set is deterministic', async () => {
    const before = await scaleZoneIds();
    await expect(generateScaleSet(db(), { zones: 10, providers: 10, seed: 7 })).rejects.toThrow(/already exists/);
    await db().transaction((tx) => deleteScaleSet(tx));
    expect(await scaleZoneIds()).toEqual([]);
    const left = await one<{ zones: number; orgs: number }>(sql`SELECT
      (SELECT count(*) FROM zones WHERE owner_kind = 'platform' AND status = 'active')::int AS zones,
      (SELECT count(*) FROM organisations WHERE slug LIKE 'scale-%')::int AS orgs`);
    expect(left).toEqual({ zones: boroughs.length, orgs: 0 });
    await generateScaleSet(db(), { zones: 200, providers: 1000, seed: 7 });
    expect(await scaleZoneIds()).toEqual(before);
  });
});
