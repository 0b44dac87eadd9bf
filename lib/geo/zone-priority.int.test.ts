import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, zones } from '@/db/schema';
import { governingZone } from '@/lib/bookings/create-booking';
import type { Ctx } from '@/lib/core/context';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { createZone } from './create-zone';
import { importZones } from './import-zones';
import { exportZones, getZone } from './queries';
import { updateZone } from './update-zone';

// Around (2°, 52°): a 0.1° "city" square and a 0.02° "borough" square inside it.
const square = (x: number, y: number, d: number) => ({
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
const attrs = { demandLevel: 'medium', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB' } as const;
const POINT: [number, number] = [2.05, 52.05];

// Two operations users of two platform organisations: a platform owner may not overlap its own
// zones, but different platform owners may, which is exactly where priority decides.
let cityOps: Ctx;
let boroughOps: Ctx;
let provider: Ctx;

beforeAll(async () => {
  cityOps = await ctxFor((await makeUser(['operations'])).id);
  boroughOps = await ctxFor((await makeUser(['operations'])).id);
  provider = await ctxFor((await makeUser(['provider_admin'])).id);
});

describe('zone priority', () => {
  it('is validated as a whole number from -1000 to 1000, naming the field', async () => {
    for (const bad of [1001, -1001, 1.5, 'high', '2.5', true]) {
      const err = await expectAppError(createZone(cityOps, { scope: 'platform', name: `Bad ${String(bad)}`, ...attrs, geometry: square(3, 52, 0.01), priority: bad }), 'VALIDATION');
      expect(Object.keys(err.details.fieldErrors ?? {})).toEqual(['priority']);
    }
    const err = await expectAppError(updateZone(cityOps, { zoneId: '00000000-0000-4000-8000-000000000000', version: 1, priority: 5000 }), 'VALIDATION');
    expect(err.details.fieldErrors?.priority).toEqual(['must be at most 1000']);
    // Form text: "-1000" and "1000" are the bounds, an empty field means "not given" (0 on create).
    const { zoneId } = await createZone(cityOps, { scope: 'platform', name: 'Edge', ...attrs, geometry: square(3, 52, 0.01), priority: '' });
    expect((await getZone(cityOps, zoneId)).priority).toBe(0);
    const edited = await updateZone(cityOps, { zoneId, version: 1, priority: '-1000' });
    expect((await getZone(cityOps, zoneId)).priority).toBe(-1000);
    expect(edited.version).toBe(2);
  });

  it('of two overlapping platform zones the higher priority governs, then the smaller area', async () => {
    const city = await createZone(cityOps, { scope: 'platform', name: 'City', ...attrs, geometry: square(2, 52, 0.1) });
    const borough = await createZone(boroughOps, { scope: 'platform', name: 'Borough', ...attrs, geometry: square(2.04, 52.04, 0.02), priority: 0 });
    // Equal priority: the smaller (more specific) zone governs.
    expect((await governingZone(db(), ...POINT))?.id).toBe(borough.zoneId);

    const v = await updateZone(cityOps, { zoneId: city.zoneId, version: 1, priority: 10 });
    expect((await governingZone(db(), ...POINT))?.id).toBe(city.zoneId);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.entityId, city.zoneId), eq(auditLog.action, 'zones.update')));
    expect(audit.at(-1)?.data).toMatchObject({ fields: ['priority'], priority: 10, version: v.version });

    // The borough outranks it again; outside the borough the city still governs.
    await updateZone(boroughOps, { zoneId: borough.zoneId, version: 1, priority: 11 });
    expect((await governingZone(db(), ...POINT))?.id).toBe(borough.zoneId);
    expect((await governingZone(db(), 2.01, 52.01))?.id).toBe(city.zoneId);

    // A provider admin cannot change a platform zone's priority.
    await expectAppError(updateZone(provider, { zoneId: city.zoneId, version: v.version, priority: 999 }), 'FORBIDDEN');
    const [row] = await db().select({ priority: zones.priority }).from(zones).where(eq(zones.id, city.zoneId));
    expect(row.priority).toBe(10);
  });

  it('round-trips through GeoJSON export and import; a bad priority names the feature', async () => {
    const exported = await exportZones(cityOps, { scope: 'platform' });
    const city = exported.features.find((f) => f.properties.name === 'City')!;
    expect(city.properties.priority).toBe(10);

    const importer = await ctxFor((await makeUser(['operations'])).id);
    const defaults = { ...attrs };
    const fc = (props: Record<string, unknown>) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Imported', ...props }, geometry: square(4, 52, 0.01) }] });
    const bad = await expectAppError(importZones(importer, { scope: 'platform', geojson: fc({ priority: 2000 }), defaults }), 'VALIDATION');
    expect(bad.details.fieldErrors?.['features[0].priority']).toEqual(['must be at most 1000']);
    const ok = await importZones(importer, { scope: 'platform', geojson: fc({ priority: 7 }), defaults });
    expect((await getZone(importer, ok.zoneIds[0])).priority).toBe(7);
    const plain = await importZones(importer, { scope: 'platform', geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'No priority', priority: null }, geometry: square(5, 52, 0.01) }] }, defaults });
    expect((await getZone(importer, plain.zoneIds[0])).priority).toBe(0);
  });
});
