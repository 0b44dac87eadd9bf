import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, getDatabase, rowsOf } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { searchExplorer } from './explorer-search';
import { zoneTile } from './tiles';
import { anonCtx, expectAppError, makeOrg } from '@/test/factories';
import { match, zonesQuery } from './match';
import { around, cover, makeCategory, makeProvider, makeService, makeServingProvider, makeZone, weekdayHours } from './test-geo-fixtures';

// Wednesday 4 March 2026, 10:00 in London (GMT in winter).
const AT = new Date('2026-03-04T10:00:00Z');
let platformId: string;
let plumbing: { id: string; slug: string };
let cleaning: { id: string; slug: string };

beforeAll(async () => {
  platformId = (await makeOrg('platform')).id;
  plumbing = await makeCategory('plumbing', 'Plumbing');
  cleaning = await makeCategory('cleaning', 'Cleaning');
});

// Each test works in its own area (~0.5° apart) so they do not see each other's zones.
const site = (i: number) => ({ lon: -3 + i * 0.5, lat: 52 });

describe('match: zones', () => {
  it('returns the zone containing the point, not flagged as a fallback', async () => {
    const { lon, lat } = site(0);
    const zone = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.05), demand: 'high', name: 'Central' });
    const r = await match(anonCtx(AT), { lon, lat });
    expect(r.fallback).toBe(false);
    expect(r.zones).toEqual([{ id: zone.id, name: 'Central', demandLevel: 'high', ownerKind: 'platform', fallback: false, distanceM: 0 }]);
    expect(r.at).toBe(AT.toISOString());
    expect(r.radiusM).toBe(5000);
    expect(r.scoring.formula).toContain('renormalised');
  });

  it('falls back to the nearest zone within the radius, and to nothing beyond it', async () => {
    const { lon, lat } = site(1);
    // A zone whose east edge is 0.02° (~1.4 km at 52°N) west of the point; a further one 0.04° east.
    const near = await makeZone({ ownerOrgId: platformId, box: [lon - 0.1, lat - 0.05, lon - 0.02, lat + 0.05] });
    await makeZone({ ownerOrgId: platformId, box: [lon + 0.04, lat - 0.05, lon + 0.1, lat + 0.05] });
    const r = await match(anonCtx(AT), { lon, lat, radiusM: 5000 });
    expect(r.fallback).toBe(true);
    expect(r.zones).toHaveLength(1);
    expect(r.zones[0]).toMatchObject({ id: near.id, fallback: true });
    expect(r.zones[0].distanceM).toBeGreaterThan(1300);
    expect(r.zones[0].distanceM).toBeLessThan(1450);
    const none = await match(anonCtx(AT), { lon, lat, radiusM: 1000 });
    expect(none).toMatchObject({ fallback: false, zones: [], providers: [] });
  });

  it('filters zones by demand level and leaves out archived, paused and provider-owned zones', async () => {
    const { lon, lat } = site(2);
    await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.05), demand: 'low', name: 'Low' });
    const high = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.04), demand: 'high', name: 'High' });
    await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.03), status: 'archived', name: 'Old' });
    await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.03), status: 'paused', name: 'Paused' });
    const provider = await makeProvider({ base: [lon, lat] });
    await makeZone({ ownerOrgId: provider.id, ownerKind: 'provider', box: around(lon, lat, 0.02), name: 'Own area' });
    const all = await match(anonCtx(AT), { lon, lat });
    expect(all.zones.map((z) => z.name)).toEqual(['High', 'Low']);
    const onlyHigh = await match(anonCtx(AT), { lon: String(lon), lat: String(lat), demand: 'high' });
    expect(onlyHigh.zones.map((z) => z.id)).toEqual([high.id]);
  });
});

describe('match: providers', () => {
  it('includes only providers with coverage effective at `at`, for active services, in the requested categories', async () => {
    const { lon, lat } = site(3);
    const zone = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.05) });
    const ok = await makeServingProvider({ base: [lon, lat], zoneId: zone.id, categoryId: plumbing.id, name: 'Ok Plumbing' });
    const cleaner = await makeServingProvider({ base: [lon, lat], zoneId: zone.id, categoryId: cleaning.id, name: 'Clean Co' });
    // Coverage that starts later / ended before `at`.
    const future = await makeProvider({ base: [lon, lat], name: 'Future' });
    await cover({ providerOrgId: future.id, zoneId: zone.id, serviceId: await makeService({ providerOrgId: future.id, categoryId: plumbing.id }), from: new Date('2026-03-05T00:00:00Z') });
    const past = await makeProvider({ base: [lon, lat], name: 'Past' });
    await cover({
      providerOrgId: past.id,
      zoneId: zone.id,
      serviceId: await makeService({ providerOrgId: past.id, categoryId: plumbing.id }),
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2026-03-04T10:00:00Z'), // exclusive end: not effective at exactly `at`
    });
    const paused = await makeProvider({ base: [lon, lat], name: 'Paused' });
    await cover({ providerOrgId: paused.id, zoneId: zone.id, serviceId: await makeService({ providerOrgId: paused.id, categoryId: plumbing.id, status: 'paused' }) });

    const all = await match(anonCtx(AT), { lon, lat });
    expect(all.providers.map((p) => p.name).sort()).toEqual(['Clean Co', 'Ok Plumbing']);
    const plumbers = await match(anonCtx(AT), { lon, lat, categories: ['plumbing'] });
    expect(plumbers.providers.map((p) => p.orgId)).toEqual([ok.id]);
    expect(plumbers.providers[0].services).toEqual([{ id: ok.serviceId, title: expect.any(String), categorySlug: 'plumbing', priceMinor: 5000, currency: 'GBP' }]);
    expect((await match(anonCtx(AT), { lon, lat, categories: 'plumbing,cleaning' })).providers).toHaveLength(2);
    expect(cleaner.id).toBeDefined();
    // Later the future coverage is effective and the past one is not.
    const later = await match(anonCtx(AT), { lon, lat, at: '2026-03-06T10:00:00Z' });
    expect(later.providers.map((p) => p.name).sort()).toEqual(['Clean Co', 'Future', 'Ok Plumbing']);
    const earlier = await match(anonCtx(AT), { lon, lat, at: '2026-03-01T10:00:00Z' });
    expect(earlier.providers.map((p) => p.name).sort()).toEqual(['Clean Co', 'Ok Plumbing', 'Past']);
  });

  it('excludes coverage of archived zones; a provider’s own area counts only for that provider', async () => {
    const { lon, lat } = site(4);
    const old = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.05), status: 'archived' });
    await makeServingProvider({ base: [lon, lat], zoneId: old.id, categoryId: plumbing.id, name: 'Archived only' });
    const own = await makeProvider({ base: [lon, lat], name: 'Own area' });
    const ownArea = await makeZone({ ownerOrgId: own.id, ownerKind: 'provider', box: around(lon, lat, 0.02) });
    await cover({ providerOrgId: own.id, zoneId: ownArea.id, serviceId: await makeService({ providerOrgId: own.id, categoryId: plumbing.id }) });
    // Another provider listing someone else's area is not eligible.
    const squatter = await makeProvider({ base: [lon, lat], name: 'Squatter' });
    await cover({ providerOrgId: squatter.id, zoneId: ownArea.id, serviceId: await makeService({ providerOrgId: squatter.id, categoryId: plumbing.id }) });
    const r = await match(anonCtx(AT), { lon, lat });
    expect(r.zones).toEqual([]);
    expect(r.providers.map((p) => p.name)).toEqual(['Own area']);
    expect(r.providers[0].zoneIds).toEqual([]);
    expect(r.providers[0].components.find((c) => c.key === 'coverage')!.note).toContain('own service area');
  });

  it('ranks by the documented score and explains it', async () => {
    const { lon, lat } = site(5);
    const zone = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.1), demand: 'high' });
    // Best: primary coverage, near, open now, well rated.
    const best = await makeServingProvider({ base: [lon + 0.005, lat], zoneId: zone.id, categoryId: plumbing.id, name: 'Best', hours: weekdayHours, rating: { x100: 480, count: 40 } });
    // Same but secondary coverage and further away, closed (weekend hours only).
    const second = await makeServingProvider({ base: [lon + 0.03, lat], zoneId: zone.id, categoryId: plumbing.id, name: 'Second', priority: 3, hours: [{ weekday: 6, opens: '09:00', closes: '17:00' }] });
    // No hours, no reviews: both left out of its score.
    const newcomer = await makeServingProvider({ base: [lon + 0.02, lat], zoneId: zone.id, categoryId: plumbing.id, name: 'Newcomer', priority: 2 });
    const r = await match(anonCtx(AT), { lon, lat, radiusM: 5000 });
    expect(r.providers.map((p) => p.orgId)).toEqual([best.id, newcomer.id, second.id]);
    const b = r.providers[0];
    expect(b.availableNow).toBe(true);
    expect(b.rating).toEqual({ average: 4.8, count: 40 });
    const note = (p: typeof b, key: string) => p.components.find((c) => c.key === key)!;
    expect(note(b, 'availability').note).toBe('Open now until 18:00 (Europe/London)');
    expect(note(b, 'coverage').note).toBe('Primary coverage (priority 1)');
    expect(note(b, 'demand')).toMatchObject({ value: 1, note: 'High-demand zone' });
    expect(note(b, 'distance').note).toMatch(/^\d+ m from the crew base$/);
    expect(b.components.reduce((a, c) => a + c.contribution, 0)).toBeCloseTo(b.score, 3);
    const nc = r.providers[1];
    expect(note(nc, 'rating')).toMatchObject({ value: null, weight: 0, note: 'No reviews yet — not counted' });
    expect(note(nc, 'availability')).toMatchObject({ value: null, weight: 0 });
    expect(r.providers[2].availableNow).toBe(false);
    expect(note(r.providers[2], 'availability').note).toBe('Closed now (Europe/London)');
    expect(second.id).toBeDefined();
    for (const p of r.providers) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
      expect(p.zoneIds).toEqual([zone.id]);
    }
  });

  it('opening hours are read in the provider’s own time zone', async () => {
    const { lon, lat } = site(6);
    const zone = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.05) });
    // 10:00 UTC is 05:00 in New York: closed there, open in London.
    const ny = await makeServingProvider({ base: [lon, lat], zoneId: zone.id, categoryId: plumbing.id, name: 'NY', timeZone: 'America/New_York', hours: weekdayHours });
    const r = await match(anonCtx(AT), { lon, lat });
    expect(r.providers.find((p) => p.orgId === ny.id)!.availableNow).toBe(false);
    const r2 = await match(anonCtx(AT), { lon, lat, at: '2026-03-04T15:00:00Z' });
    expect(r2.providers.find((p) => p.orgId === ny.id)!.availableNow).toBe(true);
  });

  it('serves the fallback zone’s providers with halved coverage', async () => {
    const { lon, lat } = site(7);
    const zone = await makeZone({ ownerOrgId: platformId, box: [lon - 0.1, lat - 0.05, lon - 0.02, lat + 0.05] });
    const p = await makeServingProvider({ base: [lon - 0.03, lat], zoneId: zone.id, categoryId: plumbing.id });
    const r = await match(anonCtx(AT), { lon, lat });
    expect(r.fallback).toBe(true);
    expect(r.providers.map((x) => x.orgId)).toEqual([p.id]);
    const coverage = r.providers[0].components.find((c) => c.key === 'coverage')!;
    expect(coverage.value).toBe(0.5);
    expect(coverage.note).toContain('nearest zone');
  });
});

describe('match: input', () => {
  it('rejects bad input with 422 naming each field', async () => {
    const err = await expectAppError(match(anonCtx(AT), { lon: 181, lat: 'x', radiusM: 60_000, demand: 'urgent', at: 'yesterday' }), 'VALIDATION');
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['at', 'demand.0', 'lat', 'lon', 'radiusM']);
    await expectAppError(match(anonCtx(AT), { lat: 51 }), 'VALIDATION');
    await expectAppError(match(anonCtx(AT), { lon: 'Infinity', lat: 51 }), 'VALIDATION');
    await expectAppError(match(anonCtx(AT), { lon: 0, lat: 51, categories: Array.from({ length: 21 }, (_, i) => `c${i}`) }), 'VALIDATION');
    await expectAppError(match(anonCtx(AT), { lon: 0, lat: 51, categories: ['Not A Slug'] }), 'VALIDATION');
  });
});

describe('bad input never becomes a 5xx', () => {
  it('answers arbitrary query objects with a result or a VALIDATION error (match, explorer, tiles)', async () => {
    const scalar = fc.oneof(fc.string({ maxLength: 30 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('1e400', 'NaN', '-0', '0x10', ' 1 ', '\u202e1'));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }));
    const keys = ['lon', 'lat', 'radiusM', 'categories', 'demand', 'at', 'bbox', 'zoom', 'q', 'category', 'available', 'priceMin', 'priceMax', 'rating', 'offer', 'limit', 'z', 'x', 'y', '__proto__', 'constructor'];
    const input = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        for (const call of [() => match(anonCtx(AT), raw), () => searchExplorer(anonCtx(AT), raw), () => zoneTile(anonCtx(AT), raw)]) {
          const err = await call().then(
            () => null,
            (e: unknown) => e,
          );
          if (err !== null) {
            expect(err).toBeInstanceOf(AppError);
            expect((err as AppError).code).toBe('VALIDATION');
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('match: query plan (PostgreSQL)', () => {
  it('uses the GiST index for point-in-zone and the nearest zone', async (t) => {
    // PGlite plans differ (one connection, PG 18) and CI runs PostgreSQL; the reason shows in the report.
    t.skip(getDatabase().kind !== 'postgres', 'EXPLAIN plans are checked on PostgreSQL only');
    // 3,000 small zones far from the other tests so the planner has a reason to use the index.
    await db().execute(sql`
      insert into zones (id, owner_org_id, owner_kind, name, geom, status)
      select gen_random_uuid(), ${platformId}, 'platform', 'Bulk ' || g,
             ST_Multi(ST_MakeEnvelope(10 + (g % 60) * 0.01, 40 + (g / 60) * 0.01, 10 + (g % 60) * 0.01 + 0.009, 40 + (g / 60) * 0.01 + 0.009, 4326)),
             'active'
      from generate_series(0, 2999) g`);
    await db().execute(sql`analyze zones`);
    const plan = async (lon: number, lat: number) =>
      JSON.stringify(rowsOf<Record<string, unknown>>(await db().execute(sql`explain (format json) ${zonesQuery({ lon, lat, radiusM: 5000 })}`)));
    const inside = await plan(10.2, 40.2);
    expect(inside).toContain('zones_geom_gix');
    expect(inside).toMatch(/Index Scan|Bitmap Index Scan/);
    // The fallback branch walks the same index in distance order (KNN), never a sort of all zones.
    expect(inside).toMatch(/"Order By":\s*"\(geom <-> /);
    const r = await match(anonCtx(AT), { lon: 10.2045, lat: 40.2045 });
    expect(r.zones).toHaveLength(1);
    const near = await match(anonCtx(AT), { lon: 9.99, lat: 40.004, radiusM: 5000 });
    expect(near.fallback).toBe(true);
  });
});
