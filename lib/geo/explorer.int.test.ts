import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { anonCtx, expectAppError, makeOrg } from '@/test/factories';
import { clampBbox, searchExplorer } from './explorer-search';
import { zoneInsight } from './insight';
import type { BBox, ExplorerResult } from './types';
import { around, cover, makeCategory, makePlace, makeProvider, makeService, makeServingProvider, makeZone, weekdayHours } from './test-geo-fixtures';

const AT = new Date('2026-03-04T10:00:00Z'); // Wednesday, 10:00 London
let platformId: string;
let plumbing: { id: string; slug: string };
let cleaning: { id: string; slug: string };

beforeAll(async () => {
  platformId = (await makeOrg('platform')).id;
  plumbing = await makeCategory('plumbing', 'Plumbing');
  cleaning = await makeCategory('cleaning', 'Cleaning');
});

const bboxOf = (b: BBox) => b.join(',');
const markerTotal = (r: ExplorerResult) => (r.markers.mode === 'points' ? r.markers.points.length : r.markers.clusters.reduce((a, c) => a + c.count, 0));
const names = (r: ExplorerResult) => r.providers.map((p) => p.name).sort();

describe('explorer search: filters', () => {
  // One neighbourhood with a varied set of providers.
  const lon = 1;
  const lat = 51;
  const view = bboxOf(around(lon, lat, 0.2));
  beforeAll(async () => {
    const high = await makeZone({ ownerOrgId: platformId, box: around(lon - 0.05, lat, 0.04), demand: 'high' });
    const low = await makeZone({ ownerOrgId: platformId, box: around(lon + 0.05, lat, 0.04), demand: 'low' });
    await makeServingProvider({ base: [lon - 0.05, lat], zoneId: high.id, categoryId: plumbing.id, name: 'Ace Plumbing', title: 'Boiler repair', priceMinor: 8000, hours: weekdayHours, rating: { x100: 470, count: 12 } });
    await makeServingProvider({ base: [lon + 0.05, lat], zoneId: low.id, categoryId: cleaning.id, name: 'Sparkle 100%', title: 'Deep clean', priceMinor: 3000, offersRentals: true });
    await makeServingProvider({ base: [lon + 0.06, lat], zoneId: low.id, categoryId: cleaning.id, name: 'Tool Shop', title: 'Window cleaning', priceMinor: 12000, offersSales: true, rating: { x100: 320, count: 3 } });
    // Not listed: no coverage; only a paused service; coverage ended; outside the view.
    const idle = await makeProvider({ base: [lon, lat], name: 'No Coverage' });
    await makeService({ providerOrgId: idle.id, categoryId: plumbing.id });
    const paused = await makeProvider({ base: [lon, lat], name: 'Paused Service' });
    await cover({ providerOrgId: paused.id, zoneId: high.id, serviceId: await makeService({ providerOrgId: paused.id, categoryId: plumbing.id, status: 'paused' }) });
    const ended = await makeProvider({ base: [lon, lat], name: 'Ended' });
    await cover({ providerOrgId: ended.id, zoneId: high.id, serviceId: await makeService({ providerOrgId: ended.id, categoryId: plumbing.id }), to: new Date('2026-01-01T00:00:00Z') });
    await makeServingProvider({ base: [lon + 1, lat], zoneId: high.id, categoryId: plumbing.id, name: 'Far Away' });
  });

  const search = (extra: Record<string, unknown> = {}) => searchExplorer(anonCtx(AT), { bbox: view, zoom: '12', ...extra });

  it('lists providers in the view with an active, covered service; markers count the same set', async () => {
    const r = await search();
    expect(names(r)).toEqual(['Ace Plumbing', 'Sparkle 100%', 'Tool Shop']);
    expect(r.total).toBe(3);
    expect(r.markers.mode).toBe('points');
    expect(markerTotal(r)).toBe(r.total);
    const ace = r.providers.find((p) => p.name === 'Ace Plumbing')!;
    expect(ace).toMatchObject({ priceFromMinor: 8000, currency: 'GBP', categories: ['plumbing'], availableNow: true, ratingAverage: 4.7, ratingCount: 12 });
    expect(ace.score).toBeGreaterThan(0);
    expect(ace.score).toBeLessThanOrEqual(1);
    // Ranked: score descending.
    const scores = r.providers.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('filters by text (provider name or service title, literally) and category', async () => {
    expect(names(await search({ q: 'ace' }))).toEqual(['Ace Plumbing']);
    expect(names(await search({ q: 'WINDOW' }))).toEqual(['Tool Shop']);
    // % is a literal character, not a wildcard.
    expect(names(await search({ q: '100%' }))).toEqual(['Sparkle 100%']);
    expect(names(await search({ q: '%' }))).toEqual(['Sparkle 100%']);
    expect(names(await search({ q: '_' }))).toEqual([]);
    expect(names(await search({ category: 'cleaning' }))).toEqual(['Sparkle 100%', 'Tool Shop']);
    expect((await search({ category: 'no-such-category' })).total).toBe(0);
  });

  it('filters by demand, availability, price, rating and offer', async () => {
    expect(names(await search({ demand: 'high' }))).toEqual(['Ace Plumbing']);
    expect(names(await search({ demand: 'low,medium' }))).toEqual(['Sparkle 100%', 'Tool Shop']);
    expect(names(await search({ available: '1' }))).toEqual(['Ace Plumbing']);
    expect(names(await search({ available: 1 }))).toEqual(['Ace Plumbing']);
    expect((await search({ available: '0' })).total).toBe(3);
    expect(names(await search({ priceMin: '5000' }))).toEqual(['Ace Plumbing', 'Tool Shop']);
    expect(names(await search({ priceMax: '8000' }))).toEqual(['Ace Plumbing', 'Sparkle 100%']);
    expect(names(await search({ priceMin: 5000, priceMax: 9000 }))).toEqual(['Ace Plumbing']);
    expect(names(await search({ priceMax: 100_000, currency: 'EUR' }))).toEqual([]);
    expect(names(await search({ rating: '4' }))).toEqual(['Ace Plumbing']);
    expect(names(await search({ rating: 3 }))).toEqual(['Ace Plumbing', 'Tool Shop']);
    expect(names(await search({ offer: 'rent' }))).toEqual(['Sparkle 100%']);
    expect(names(await search({ offer: 'buy' }))).toEqual(['Tool Shop']);
    const combo = await search({ category: 'cleaning', demand: 'low', priceMax: 5000 });
    expect(names(combo)).toEqual(['Sparkle 100%']);
    expect(markerTotal(combo)).toBe(combo.total);
  });

  it('limits the list but not the total or the markers', async () => {
    const r = await search({ limit: 1 });
    expect(r.providers).toHaveLength(1);
    expect(r.total).toBe(3);
    expect(markerTotal(r)).toBe(3);
  });

  it('returns zone labels from zoom 9 and places from zoom 12', async () => {
    await makePlace({ name: 'Filter Green', kind: 'area', lon, lat, rank: 5 });
    await makePlace({ name: 'SW9', kind: 'postcode', lon, lat });
    const close = await search({ zoom: 13 });
    expect(close.zones.length).toBeGreaterThanOrEqual(2);
    expect(close.zones[0]).toMatchObject({ demandLevel: expect.stringMatching(/high|low/) });
    expect(close.places.map((p) => p.name)).toEqual(['Filter Green']);
    const mid = await search({ zoom: 10 });
    expect(mid.zones.length).toBeGreaterThanOrEqual(2);
    expect(mid.places).toEqual([]);
    const far = await search({ zoom: 8 });
    expect(far.zones).toEqual([]);
  });
});

describe('explorer search: clustering', () => {
  it('switches to clusters above 500 providers, and the cluster counts add up to the total', async () => {
    const lon = -2;
    const lat = 53;
    const zone = await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.3) });
    // 520 providers in bulk (a grid around the point), each with a covered active service.
    await db().execute(sql`
      with g as (select i, gen_random_uuid() as org, gen_random_uuid() as svc from generate_series(1, 520) i),
      o as (insert into organisations (id, kind, name, slug) select org, 'provider', 'Bulk ' || i, 'bulk-' || i || '-' || substr(org::text, 1, 8) from g returning id),
      p as (insert into provider_profiles (org_id, base_point)
            select org, ST_SetSRID(ST_MakePoint(${lon} - 0.2 + (i % 26) * 0.016, ${lat} - 0.2 + (i / 26) * 0.02), 4326) from g where exists (select 1 from o where o.id = g.org) returning org_id),
      s as (insert into services (id, provider_org_id, category_id, title, price_minor, currency, duration_minutes, status)
            select svc, org, ${plumbing.id}, 'Bulk service', 4000, 'GBP', 60, 'active' from g where exists (select 1 from p where p.org_id = g.org) returning id)
      insert into zone_coverage (id, provider_org_id, zone_id, service_id, priority, effective_from)
      select gen_random_uuid(), org, ${zone.id}, svc, 2, '2020-01-01' from g where exists (select 1 from s where s.id = g.svc)`);
    const view = bboxOf(around(lon, lat, 0.3));
    const r = await searchExplorer(anonCtx(AT), { bbox: view, zoom: 10 });
    expect(r.total).toBe(520);
    expect(r.markers.mode).toBe('clusters');
    if (r.markers.mode !== 'clusters') throw new Error('expected clusters');
    expect(r.markers.clusters.length).toBeGreaterThan(1);
    expect(markerTotal(r)).toBe(520);
    expect(r.providers).toHaveLength(30);
    // Narrowing the view below the threshold gives points again, still matching the total.
    const small = await searchExplorer(anonCtx(AT), { bbox: bboxOf(around(lon, lat, 0.05)), zoom: 13 });
    expect(small.markers.mode).toBe('points');
    expect(markerTotal(small)).toBe(small.total);
    expect(small.total).toBeGreaterThan(0);
    expect(small.total).toBeLessThan(520);
  });
});

describe('explorer search: input', () => {
  it('rejects a bad bounding box or filter with 422 naming the field', async () => {
    for (const bbox of ['1,2,3', '3,0,1,1', '0,3,1,1', '-181,0,0,1', '0,-91,1,1', 'a,b,c,d', '', '0,0,NaN,1']) {
      const err = await expectAppError(searchExplorer(anonCtx(AT), { bbox }), 'VALIDATION');
      expect(err.details.fieldErrors?.bbox).toBeDefined();
    }
    const err = await expectAppError(
      searchExplorer(anonCtx(AT), { bbox: '0,0,1,1', zoom: 30, rating: 6, offer: 'lease', priceMin: -1, priceMax: '1.5', limit: 0, demand: 'urgent', category: 'Bad Slug' }),
      'VALIDATION',
    );
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['category', 'demand.0', 'limit', 'offer', 'priceMax', 'priceMin', 'rating', 'zoom']);
    const range = await expectAppError(searchExplorer(anonCtx(AT), { bbox: '0,0,1,1', priceMin: 500, priceMax: 100 }), 'VALIDATION');
    expect(range.details.fieldErrors?.priceMax).toBeDefined();
    await expectAppError(searchExplorer(anonCtx(AT), { bbox: '0,0,1,1', priceMax: 2 ** 60 }), 'VALIDATION');
  });

  it('narrows a huge view to a bounded window around its centre', () => {
    expect(clampBbox([-180, -90, 180, 90])).toEqual([-15, -15, 15, 15]);
    expect(clampBbox([0, 50, 1, 51])).toEqual([0, 50, 1, 51]);
  });
});

describe('zone insight', () => {
  it('shows the zone, its SLA, latest metrics with the last run, and categories offered there', async () => {
    const zone = await makeZone({ ownerOrgId: platformId, box: around(5, 45, 0.05), demand: 'high', name: 'Insight Zone' });
    await db().execute(sql`update zones set sla_arrival_minutes = 45 where id = ${zone.id}`);
    await makeServingProvider({ base: [5, 45], zoneId: zone.id, categoryId: plumbing.id });
    await makeServingProvider({ base: [5, 45], zoneId: zone.id, categoryId: plumbing.id });
    await makeServingProvider({ base: [5, 45], zoneId: zone.id, categoryId: cleaning.id });
    const none = await zoneInsight(anonCtx(AT), zone.id);
    expect(none.metrics).toBeNull();
    expect(none.zone).toMatchObject({ id: zone.id, name: 'Insight Zone', demandLevel: 'high', currency: 'GBP', timeZone: 'Europe/London' });
    expect(none.zone.sla).toMatchObject({ arrivalMinutes: 45, acceptanceOnDemandMinutes: 90, overridden: ['arrivalMinutes'] });
    expect(none.services).toEqual([
      { categorySlug: 'plumbing', categoryName: 'Plumbing', providers: 2 },
      { categorySlug: 'cleaning', categoryName: 'Cleaning', providers: 1 },
    ]);
    await db().execute(sql`
      insert into zone_metrics (zone_id, bookings_by_status, sla_breaches, active_providers, active_services, open_demand, supply_demand_ratio_bp, inventory_matches, computed_at)
      values (${zone.id}, '{"completed": 4}'::jsonb, 2, 3, 3, 1, 30000, 7, '2026-03-04T09:30:00Z')`);
    await db().execute(sql`
      insert into zone_snapshot_runs (id, trigger, started_at, finished_at) values
        (gen_random_uuid(), 'schedule', '2026-03-04T09:29:00Z', '2026-03-04T09:30:05Z'),
        (gen_random_uuid(), 'manual', '2026-03-04T09:50:00Z', null)`);
    const r = await zoneInsight(anonCtx(AT), zone.id.toUpperCase());
    expect(r.metrics).toMatchObject({
      zoneId: zone.id,
      bookingsByStatus: { completed: 4 },
      slaBreaches: 2,
      meanMinutesToAcceptance: null,
      supplyDemandRatioBp: 30000,
      // Live from visible listings (none here), not the snapshot column.
      inventoryMatches: 0,
      computedAt: '2026-03-04T09:30:00.000Z',
      lastRunAt: '2026-03-04T09:30:05.000Z',
    });
  });

  it('answers NOT_FOUND for unknown, malformed, inactive and provider-owned zones', async () => {
    const paused = await makeZone({ ownerOrgId: platformId, box: around(6, 45, 0.05), status: 'paused' });
    const provider = await makeProvider({ base: [6, 45] });
    const own = await makeZone({ ownerOrgId: provider.id, ownerKind: 'provider', box: around(6, 45, 0.01) });
    for (const id of [paused.id, own.id, '0190a7c4-0000-7000-8000-000000000000', 'not-a-uuid', "' or 1=1 --"]) {
      await expectAppError(zoneInsight(anonCtx(AT), id), 'NOT_FOUND');
    }
  });
});
