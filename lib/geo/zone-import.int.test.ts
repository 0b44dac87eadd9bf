import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, domainEvents, zones } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { createZone } from './create-zone';
import { importZones } from './import-zones';
import { exportZones, getZone } from './queries';

const rect = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const feature = (name: string | undefined, geometry: unknown, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  properties: { ...(name ? { name } : {}), ...props },
  geometry,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const defaults = { demandLevel: 'medium', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB' } as const;

let ops: Ctx;
let platformOrg: string;
let providerA: Ctx;
let providerAOrg: string;
let providerB: Ctx;
let providerBOrg: string;

const countZones = async (ownerOrgId: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(zones).where(eq(zones.ownerOrgId, ownerOrgId)))[0].n;

beforeAll(async () => {
  const o = await makeUser(['operations']);
  platformOrg = o.orgs.platform!;
  ops = await ctxFor(o.id);
  const a = await makeUser(['provider_admin']);
  providerAOrg = a.orgs.provider!;
  providerA = await ctxFor(a.id);
  const b = await makeUser(['provider_admin']);
  providerBOrg = b.orgs.provider!;
  providerB = await ctxFor(b.id);
});

describe('importZones', () => {
  it('imports a FeatureCollection (properties override defaults) with one audit row and one event', async () => {
    const r = await importZones(ops, {
      scope: 'platform',
      geojson: JSON.stringify(
        collection(
          feature('North', rect(0, 51)),
          feature('South', rect(0, 50.9), { demandLevel: 'high', timeZone: 'Europe/Paris', currency: 'EUR', taxRegion: 'FR', status: 'draft', sla: { arrivalMinutes: 40 } }),
          // Shares an edge with North: allowed.
          feature('East', rect(0.01, 51)),
        ),
      ),
      defaults,
    });
    expect(r.created).toBe(3);
    const south = await getZone(ops, r.zoneIds[1]);
    expect(south).toMatchObject({ name: 'South', demandLevel: 'high', timeZone: 'Europe/Paris', currency: 'EUR', taxRegion: 'FR', status: 'draft' });
    expect(south.sla.overridden).toEqual(['arrivalMinutes']);
    expect((await getZone(ops, r.zoneIds[0])).demandLevel).toBe('medium');
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'zones.import'), eq(auditLog.tenantId, platformOrg)));
    expect(audits).toHaveLength(1);
    expect(audits[0].data).toMatchObject({ count: 3, zoneIds: r.zoneIds });
    const events = await db().select().from(domainEvents).where(eq(domainEvents.name, 'geo.zones_imported'));
    expect(events.at(-1)?.payload).toMatchObject({ ownerOrgId: platformOrg, count: 3 });
  });

  it('a bare geometry or Feature is a one-zone import (the name comes from the feature)', async () => {
    const r = await importZones(providerA, { scope: 'own', geojson: feature('Solo', rect(1, 51)), defaults });
    expect(r.created).toBe(1);
    const missingName = await expectAppError(importZones(providerA, { scope: 'own', geojson: rect(1.1, 51), defaults }), 'VALIDATION');
    expect(missingName.details.fieldErrors?.['features[0].name']).toBeDefined();
  });

  it('is all-or-nothing and names the failing feature for shape, validity, overlap and name problems', async () => {
    const before = await countZones(platformOrg);
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [2, 51],
          [2.01, 51.01],
          [2.01, 51],
          [2, 51.01],
          [2, 51],
        ],
      ],
    };
    const unclosed = { type: 'Polygon', coordinates: [rect(2, 52).coordinates[0].slice(0, 4)] };

    // Shape problems are reported for every feature at once, before the database is asked.
    const shape = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('Good', rect(2, 50)), feature('Open', unclosed), feature(undefined, rect(2.1, 50))), defaults }),
      'VALIDATION',
    );
    expect(shape.message).toMatch(/^Nothing was imported\. features\[1\] \("Open"\): the outline is not valid: ring 1 is not closed/);
    expect(Object.keys(shape.details.fieldErrors ?? {}).sort()).toEqual(['features[1].geometry', 'features[2].name']);

    const validity = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('Fine', rect(2, 50)), feature('Bow tie', bowTie)), defaults }),
      'VALIDATION',
    );
    expect(validity.message).toMatch(/features\[1\] \("Bow tie"\)/);
    expect(validity.details.fieldErrors?.['features[1].geometry']?.[0]).toMatch(/near 2\.005, 51\.005/);

    // Overlap with an EARLIER feature of the same file.
    const internal = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('One', rect(3, 51)), feature('Two', rect(3.005, 51))), defaults }),
      'CONFLICT',
    );
    expect(internal.message).toMatch(/features\[1\] \("Two"\).*overlaps "One"/);
    expect(internal.details.fieldErrors?.['features[1].geometry']).toBeDefined();

    // Overlap with an existing zone, and a name already used.
    await createZone(ops, { scope: 'platform', name: 'Existing', ...defaults, geometry: rect(4, 51) });
    const existing = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('Other', rect(4.1, 51)), feature('Clash', rect(4.005, 51.005))), defaults }),
      'CONFLICT',
    );
    expect(existing.message).toMatch(/features\[1\] \("Clash"\).*overlaps "Existing"/);
    const dupName = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('existing', rect(4.2, 51))), defaults }),
      'CONFLICT',
    );
    expect(dupName.details.fieldErrors?.['features[0].name']).toBeDefined();
    const dupInFile = await expectAppError(
      importZones(ops, { scope: 'platform', geojson: collection(feature('Twin', rect(4.3, 51)), feature('twin', rect(4.4, 51))), defaults }),
      'VALIDATION',
    );
    expect(dupInFile.details.fieldErrors?.['features[1].name']?.[0]).toMatch(/features\[0\] \("Twin"\)/);

    // Nothing from any failed import was written (only the zone created directly).
    expect(await countZones(platformOrg)).toBe(before + 1);
  });

  it('refuses files that are too large, too many features, or not GeoJSON', async () => {
    const many = collection(...Array.from({ length: 501 }, (_, i) => feature(`Z${i}`, rect(5 + i * 0.02, 51))));
    const tooMany = await expectAppError(importZones(ops, { scope: 'platform', geojson: many, defaults }), 'VALIDATION');
    expect(tooMany.details.fieldErrors?.geojson?.[0]).toMatch(/at most 500/);
    await expectAppError(importZones(ops, { scope: 'platform', geojson: 'x'.repeat(5_000_001), defaults }), 'VALIDATION');
    const notJson = await expectAppError(importZones(ops, { scope: 'platform', geojson: '{"type":', defaults }), 'VALIDATION');
    expect(notJson.details.fieldErrors?.geojson?.[0]).toBe('is not valid JSON');
    await expectAppError(importZones(ops, { scope: 'platform', geojson: { type: 'Point', coordinates: [0, 0] }, defaults }), 'VALIDATION');
  });

  it('checks the scope permission first', async () => {
    await expectAppError(importZones(providerA, { scope: 'platform', geojson: collection(feature('X', rect(6, 51))), defaults }), 'FORBIDDEN');
    await expectAppError(importZones(ops, { scope: 'own', geojson: collection(feature('X', rect(6, 51))), defaults }), 'FORBIDDEN');
  });

  it('an export imported into an owner without zones recreates the same zones', async () => {
    await importZones(providerA, {
      scope: 'own',
      geojson: collection(
        feature('Round A', rect(7, 51), { status: 'paused', sla: { acceptanceOnDemandMinutes: 30, completionMinutes: 480 } }),
        feature('Round B', { type: 'MultiPolygon', coordinates: [rect(7.02, 51).coordinates, rect(7.05, 51, 0.005).coordinates] }, { demandLevel: 'low' }),
      ),
      defaults,
    });
    const exported = await exportZones(providerA, { scope: 'own' });
    expect(exported.features.length).toBeGreaterThanOrEqual(3);
    expect(await countZones(providerBOrg)).toBe(0);
    const r = await importZones(providerB, { scope: 'own', geojson: JSON.stringify(exported), defaults });
    expect(r.created).toBe(exported.features.length);
    const again = await exportZones(providerB, { scope: 'own' });
    const strip = (fc: typeof exported) =>
      fc.features.map((f) => {
        const { id: _id, ...properties } = f.properties;
        return { properties, geometry: f.geometry };
      });
    expect(strip(again)).toEqual(strip(exported));
    const a = exported.features.find((f) => f.properties.name === 'Round A')!;
    expect(a.properties).toMatchObject({ status: 'paused', sla: { acceptanceOnDemandMinutes: 30, completionMinutes: 480 } });
    expect(providerAOrg).not.toBe(providerBOrg);
  });
});
