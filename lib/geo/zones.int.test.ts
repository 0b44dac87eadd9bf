import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, domainEvents, zones } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { anonCtx, ctxFor, expectAppError, makeUser } from '@/test/factories';
import { createZone } from './create-zone';
import { exportZones, getZone, listZones, zonesInBBox } from './queries';
import { setZoneStatus } from './set-zone-status';
import { updateZone } from './update-zone';

// Zones around (0°, 51°): 0.01° squares are ~0.77 km².
type Ring = number[][];
const rectRing = (x: number, y: number, dx = 0.01, dy = 0.01): Ring => [
  [x, y],
  [x + dx, y],
  [x + dx, y + dy],
  [x, y + dy],
  [x, y],
];
const poly = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });
const attrs = { demandLevel: 'high', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB' } as const;
let seq = 0;
const zoneInput = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ scope: 'platform', name: `Zone ${++seq}`, ...attrs, geometry, ...extra });

let ops: Ctx;
let opsPlatformOrg: string;
let providerA: Ctx;
let providerAOrg: string;
let providerB: Ctx;
let customer: Ctx;

const countZones = async (ownerOrgId: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(zones).where(eq(zones.ownerOrgId, ownerOrgId)))[0].n;

beforeAll(async () => {
  const o = await makeUser(['operations']);
  opsPlatformOrg = o.orgs.platform!;
  ops = await ctxFor(o.id);
  const a = await makeUser(['provider_admin']);
  providerAOrg = a.orgs.provider!;
  providerA = await ctxFor(a.id);
  providerB = await ctxFor((await makeUser(['provider_admin'])).id);
  customer = await ctxFor((await makeUser(['customer'])).id);
});

describe('createZone', () => {
  it('creates a platform zone with audit row, event and platform SLA defaults', async () => {
    const { zoneId } = await createZone(ops, zoneInput(poly(rectRing(0, 51)), { name: 'Central', sla: { arrivalMinutes: 45 } }));
    const z = await getZone(anonCtx(), zoneId);
    expect(z).toMatchObject({ name: 'Central', ownerKind: 'platform', ownerOrgId: opsPlatformOrg, status: 'active', vertexCount: 5, version: 1 });
    expect(z.geometry.type).toBe('MultiPolygon');
    expect(z.areaKm2).toBeGreaterThan(0.6);
    expect(z.areaKm2).toBeLessThan(0.9);
    expect(z.sla).toEqual({ acceptanceOnDemandMinutes: 90, acceptanceScheduledMinutes: 240, arrivalMinutes: 45, completionMinutes: 240, overridden: ['arrivalMinutes'] });
    expect(z.bbox[0]).toBeCloseTo(0);
    expect(z.bbox[3]).toBeCloseTo(51.01);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entityId, zoneId), eq(auditLog.action, 'zones.create')));
    expect(audit).toHaveLength(1);
    const events = await db().select().from(domainEvents).where(sql`${domainEvents.payload}->>'zoneId' = ${zoneId}`);
    expect(events.map((e) => e.name)).toEqual(['geo.zone_created']);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    [
      'bow-tie (self-intersection, with its location)',
      poly([
        [0, 52],
        [0.01, 52.01],
        [0.01, 52],
        [0, 52.01],
        [0, 52],
      ]),
      /self-intersection near 0\.005, 52\.005 \(the outline crosses itself/i,
    ],
    ['unclosed ring', poly(rectRing(0, 52).slice(0, 4).concat([[0.001, 52]])), /not closed: its first and last positions differ/],
    [
      'fewer than 4 positions',
      poly([
        [0, 52],
        [0.01, 52],
        [0, 52],
      ]),
      /needs at least 4 positions/,
    ],
    [
      'spike (ring doubles back)',
      poly([
        [0, 52],
        [0.01, 52],
        [0.01, 52.01],
        [0.01, 52.02],
        [0.01, 52.01],
        [0, 52.01],
        [0, 52],
      ]),
      /self-intersection near 0\.01, 52\.0[12] \((a ring touches or doubles back|the outline crosses itself)/i,
    ],
    ['hole outside shell', poly(rectRing(0, 52), rectRing(0.05, 52.05, 0.001, 0.001)), /near 0\.05, 52\.05 \(a hole lies outside its outer ring\)/i],
    ['latitude 91', poly(rectRing(0, 52).map(([x, y], i) => (i === 2 ? [x, 91] : [x, y]))), /position 3 of ring 1: latitude 91 is out of range/],
    ['longitude 181', poly(rectRing(0, 52).map(([x, y], i) => (i === 1 ? [181, y] : [x, y]))), /longitude 181 is out of range/],
    ['NaN', poly(rectRing(0, 52).map(([x, y], i) => (i === 1 ? [NaN, y] : [x, y]))), /must be a number, not NaN/],
    ['3-D positions', poly(rectRing(0, 52).map(([x, y]) => [x, y, 12])), /only 2-D/],
    [
      'antimeridian',
      poly([
        [179.9, 0],
        [-179.9, 0],
        [-179.9, 0.1],
        [179.9, 0.1],
        [179.9, 0],
      ]),
      /antimeridian/,
    ],
    ['10k-part multipolygon', { type: 'MultiPolygon', coordinates: Array.from({ length: 10_000 }, (_, i) => [rectRing(i * 0.0002, 53, 0.0001, 0.0001)]) }, /10000 polygons/],
    ['area below 10 m²', poly(rectRing(0, 52, 0.00002, 0.00002)), /at least 10 m²/],
    ['area above the maximum', poly(rectRing(0, 52, 1, 1)), /largest zone allowed is 5,000 km²/],
    ['not a polygon', { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, /must be a Polygon or MultiPolygon/],
  ];
  for (const [label, geometry, pattern] of bad) {
    it(`refuses ${label} with a 422 naming geometry, and saves nothing`, async () => {
      const before = await countZones(opsPlatformOrg);
      const err = await expectAppError(createZone(ops, zoneInput(geometry)), 'VALIDATION');
      expect(err.details.fieldErrors?.geometry?.[0]).toMatch(pattern);
      expect(err.message).toMatch(pattern);
      expect(await countZones(opsPlatformOrg)).toBe(before);
    });
  }

  it('enforces the vertex cap at exactly 10,000 positions', async () => {
    const circle = (n: number, cx: number, cy: number) => {
      const ring = Array.from({ length: n - 1 }, (_, i) => [cx + 0.01 * Math.cos((2 * Math.PI * i) / (n - 1)), cy + 0.01 * Math.sin((2 * Math.PI * i) / (n - 1))]);
      return poly([...ring, ring[0]]);
    };
    const err = await expectAppError(createZone(ops, zoneInput(circle(10_001, 0.5, 52))), 'VALIDATION');
    expect(err.details.fieldErrors?.geometry?.[0]).toMatch(/more than 10,000 positions/);
    const { zoneId } = await createZone(ops, zoneInput(circle(10_000, 0.5, 52)));
    expect((await getZone(ops, zoneId)).vertexCount).toBe(10_000);
  });

  it('names the other zone on a same-owner overlap; shared edges and other owners are fine', async () => {
    const { zoneId: first } = await createZone(ops, zoneInput(poly(rectRing(1, 51)), { name: 'Westside' }));
    const err = await expectAppError(createZone(ops, zoneInput(poly(rectRing(1.005, 51)))), 'CONFLICT');
    expect(err.message).toMatch(/overlaps "Westside" by about [\d,]+ m²; shared edges are fine/);
    expect(err.details).toMatchObject({ otherZoneId: first, otherZoneName: 'Westside' });
    expect(err.details.fieldErrors?.geometry).toBeDefined();
    // Sharing the east edge exactly.
    await createZone(ops, zoneInput(poly(rectRing(1.01, 51))));
    // Another owner (a provider's own area) may overlap a platform zone.
    await createZone(providerA, zoneInput(poly(rectRing(1.005, 51)), { scope: 'own' }));
    // An archived zone no longer blocks its area.
    await setZoneStatus(ops, { zoneId: first, status: 'archived' });
    await createZone(ops, zoneInput(poly(rectRing(1.005, 51.002, 0.002, 0.002))));
  });

  it('two concurrent overlapping creates of one owner: exactly one wins', async () => {
    const results = await Promise.allSettled([
      createZone(ops, zoneInput(poly(rectRing(2, 51)))),
      createZone(ops, zoneInput(poly(rectRing(2.005, 51)))),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
  });

  it('refuses a duplicate name of the same owner (409) and bad attributes (422 per field)', async () => {
    await createZone(ops, zoneInput(poly(rectRing(3, 51)), { name: 'Harbour' }));
    const dup = await expectAppError(createZone(ops, zoneInput(poly(rectRing(3.1, 51)), { name: 'harbour' })), 'CONFLICT');
    expect(dup.details.fieldErrors?.name).toBeDefined();
    const err = await expectAppError(
      createZone(ops, { scope: 'platform', name: '', demandLevel: 'extreme', timeZone: 'Mars/Base', currency: 'XXX', taxRegion: 'Great Britain', geometry: poly(rectRing(3.2, 51)), sla: { arrivalMinutes: 0 } }),
      'VALIDATION',
    );
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['currency', 'demandLevel', 'name', 'sla.arrivalMinutes', 'taxRegion', 'timeZone']);
  });

  it('accepts GeoJSON text, a Feature and a FeatureCollection of one, and ignores owner fields sent by the client', async () => {
    const text = JSON.stringify({ type: 'Feature', properties: {}, geometry: poly(rectRing(4, 51)) });
    const { zoneId } = await createZone(providerA, zoneInput(text, { scope: 'own', ownerOrgId: opsPlatformOrg, ownerKind: 'platform' }));
    const z = await getZone(providerA, zoneId);
    expect(z.ownerOrgId).toBe(providerAOrg);
    expect(z.ownerKind).toBe('provider');
    await createZone(providerA, zoneInput({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: poly(rectRing(4.02, 51)) }] }, { scope: 'own' }));
  });

  it('checks the permission of the scope before anything else', async () => {
    await expectAppError(createZone(customer, zoneInput(poly(rectRing(5, 51)))), 'FORBIDDEN');
    await expectAppError(createZone(customer, zoneInput('garbage', { scope: 'own' })), 'FORBIDDEN');
    await expectAppError(createZone(providerA, zoneInput(poly(rectRing(5, 51)))), 'FORBIDDEN');
    await expectAppError(createZone(ops, zoneInput(poly(rectRing(5, 51)), { scope: 'own' })), 'FORBIDDEN');
    await expectAppError(createZone(anonCtx(), zoneInput(poly(rectRing(5, 51)))), 'FORBIDDEN');
  });
});

describe('tenant scope', () => {
  it("another provider's zone is NOT_FOUND for every verb; operations may read but not change it", async () => {
    const { zoneId } = await createZone(providerA, zoneInput(poly(rectRing(6, 51)), { scope: 'own', status: 'draft' }));
    await expectAppError(getZone(providerB, zoneId), 'NOT_FOUND');
    await expectAppError(getZone(anonCtx(), zoneId), 'NOT_FOUND');
    await expectAppError(updateZone(providerB, { zoneId, version: 1, name: 'Mine now' }), 'NOT_FOUND');
    await expectAppError(setZoneStatus(providerB, { zoneId, status: 'archived' }), 'NOT_FOUND');
    expect((await getZone(ops, zoneId)).id).toBe(zoneId);
    await expectAppError(updateZone(ops, { zoneId, version: 1, name: 'Ops edit' }), 'FORBIDDEN');
    const list = await listZones(providerB, { scope: 'own' });
    expect(list.zones.map((z) => z.id)).not.toContain(zoneId);
    await expectAppError(listZones(providerB, { scope: 'all' }), 'FORBIDDEN');
    await expectAppError(listZones(customer, { scope: 'platform' }), 'FORBIDDEN');
  });

  it('a provider sees active platform zones only; a draft platform zone is NOT_FOUND to it', async () => {
    const { zoneId } = await createZone(ops, zoneInput(poly(rectRing(7, 51)), { status: 'draft' }));
    await expectAppError(getZone(providerA, zoneId), 'NOT_FOUND');
    await setZoneStatus(ops, { zoneId, status: 'active' });
    expect((await getZone(providerA, zoneId)).status).toBe('active');
    await expectAppError(updateZone(providerA, { zoneId, version: 2, name: 'Taken' }), 'FORBIDDEN');
    const platform = await listZones(providerA, { scope: 'platform' });
    expect(platform.zones.every((z) => z.status === 'active' && z.ownerKind === 'platform')).toBe(true);
    expect(platform.zones.map((z) => z.id)).toContain(zoneId);
  });
});

describe('updateZone and setZoneStatus', () => {
  it('updates fields and outline, bumps the version, and refuses a stale version', async () => {
    const { zoneId } = await createZone(ops, zoneInput(poly(rectRing(8, 51)), { name: 'Old name' }));
    await createZone(ops, zoneInput(poly(rectRing(8.02, 51)), { name: 'Neighbour' }));
    const r = await updateZone(ops, { zoneId, version: 1, name: 'New name', sla: { completionMinutes: 300 }, geometry: poly(rectRing(8, 51, 0.015, 0.01)) });
    expect(r.version).toBe(2);
    const z = await getZone(ops, zoneId);
    expect(z).toMatchObject({ name: 'New name', version: 2 });
    expect(z.sla.overridden).toEqual(['completionMinutes']);
    expect(z.bbox[2]).toBeCloseTo(8.015);
    // Unchanged input: no new version.
    expect(await updateZone(ops, { zoneId, version: 2, name: 'New name', geometry: z.geometry })).toEqual({ zoneId, version: 2 });
    const stale = await expectAppError(updateZone(ops, { zoneId, version: 1, name: 'Late' }), 'CONFLICT');
    expect(stale.details.currentVersion).toBe(2);
    // Growing into the neighbour is an overlap naming it; nothing changes.
    const overlap = await expectAppError(updateZone(ops, { zoneId, version: 2, geometry: poly(rectRing(8, 51, 0.025, 0.01)) }), 'CONFLICT');
    expect(overlap.message).toMatch(/"Neighbour"/);
    const invalid = await expectAppError(updateZone(ops, { zoneId, version: 2, geometry: poly(rectRing(8, 51).slice(0, 4)) }), 'VALIDATION');
    expect(invalid.details.fieldErrors?.geometry).toBeDefined();
    expect((await getZone(ops, zoneId)).version).toBe(2);
    // Clearing an SLA override goes back to the default.
    await updateZone(ops, { zoneId, version: 2, sla: { completionMinutes: null } });
    expect((await getZone(ops, zoneId)).sla).toMatchObject({ completionMinutes: 240, overridden: [] });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, zoneId), eq(auditLog.action, 'zones.update')));
    expect(audits).toHaveLength(2);
  });

  it('archives for good: archived zones are read-only, free their name and leave the default list', async () => {
    const { zoneId } = await createZone(ops, zoneInput(poly(rectRing(9, 51)), { name: 'Short-lived' }));
    await setZoneStatus(ops, { zoneId, status: 'paused' });
    const r = await setZoneStatus(ops, { zoneId, status: 'archived' });
    expect(r).toMatchObject({ status: 'archived', version: 3 });
    await expectAppError(updateZone(ops, { zoneId, version: 3, name: 'Back' }), 'CONFLICT');
    await expectAppError(setZoneStatus(ops, { zoneId, status: 'active' }), 'CONFLICT');
    await createZone(ops, zoneInput(poly(rectRing(9, 51)), { name: 'Short-lived' }));
    const events = await db().select().from(domainEvents).where(sql`${domainEvents.payload}->>'zoneId' = ${zoneId}`);
    expect(events.map((e) => e.name)).toEqual(['geo.zone_created', 'geo.zone_updated', 'geo.zone_archived']);
    const listed = await listZones(ops, { scope: 'platform', q: 'short-lived' });
    expect(listed.total).toBe(1);
    const archived = await listZones(ops, { scope: 'platform', status: 'archived', q: 'short' });
    expect(archived.zones.map((z) => z.id)).toEqual([zoneId]);
    expect(archived.zones[0].metrics).toBeNull();
  });
});

describe('reads for maps and downloads', () => {
  it('zonesInBBox returns simplified GeoJSON in scope; export round-trips properties', async () => {
    const { zoneId } = await createZone(ops, zoneInput(poly(rectRing(10, 51)), { name: 'Map zone', sla: { arrivalMinutes: 30 } }));
    const { zoneId: draft } = await createZone(ops, zoneInput(poly(rectRing(10.02, 51)), { status: 'draft' }));
    const { zoneId: own } = await createZone(providerA, zoneInput(poly(rectRing(10.04, 51)), { scope: 'own' }));
    const pub = await zonesInBBox(anonCtx(), { bbox: '9.9,50.9,10.1,51.1', zoom: 12 });
    expect(pub.features.map((f) => f.id)).toEqual([zoneId]);
    expect(pub.features[0].properties).toMatchObject({ name: 'Map zone', demandLevel: 'high', status: 'active', ownerKind: 'platform' });
    expect(pub.features[0].geometry.type).toBe('MultiPolygon');
    const all = await zonesInBBox(ops, { bbox: '9.9,50.9,10.1,51.1', zoom: 8, scope: 'all' });
    expect(all.features.map((f) => f.id).sort()).toEqual([zoneId, draft, own].sort());
    const mine = await zonesInBBox(providerA, { bbox: '9.9,50.9,10.1,51.1', scope: 'own' });
    expect(mine.features.map((f) => f.id)).toEqual([own]);
    await expectAppError(zonesInBBox(anonCtx(), { bbox: '10,51,9,52' }), 'VALIDATION');
    await expectAppError(zonesInBBox(customer, { bbox: '9,51,10,52', scope: 'all' }), 'FORBIDDEN');

    const fc = await exportZones(ops, { scope: 'platform' });
    const f = fc.features.find((x) => x.id === zoneId)!;
    expect(f.properties).toEqual({ id: zoneId, name: 'Map zone', demandLevel: 'high', status: 'active', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB', priority: 0, sla: { arrivalMinutes: 30 } });
    expect(f.geometry.coordinates[0][0]).toEqual(rectRing(10, 51));
    await expectAppError(exportZones(providerA, { scope: 'platform' }), 'FORBIDDEN');
    const ownExport = await exportZones(providerA, { scope: 'own' });
    expect(ownExport.features.every((x) => x.properties.id !== zoneId)).toBe(true);
  });
});
