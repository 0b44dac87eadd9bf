import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { ctxFor, makeUser } from '@/test/factories';
import { createZone } from './create-zone';
import { importZones } from './import-zones';
import { updateZone } from './update-zone';

// RELIABILITY B1/B3: whatever a client sends to the zone verbs, the answer is a success or an
// AppError a person can act on (422/409/404), never an unexpected (5xx) error.

let ops: Ctx;
let provider: Ctx;
let seededZone: { zoneId: string };

const allowed = new Set(['VALIDATION', 'CONFLICT', 'NOT_FOUND']);

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (!allowed.has(err.code)) throw new Error(`unexpected ${err.code}: ${err.message}`);
    if (err.code === 'VALIDATION') expect(Object.keys(err.details.fieldErrors ?? {}).length).toBeGreaterThan(0);
    expect(err.message.length).toBeGreaterThan(0);
    return err.code;
  }
}

// Numbers that break naive code: NaN, ±Infinity, huge, -0, near the range limits.
const nastyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 180, -180, 90, -90, 180.0000001, 1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.integer({ min: -200, max: 200 }),
);
// Positions in a small area (so PostGIS validity, area and overlap checks really run), sometimes odd.
// (A grid of 0.001°: fast-check's doubles cluster at the bounds and would mostly give slivers.)
const localPosition = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([x, y]) => [x / 1000, 51 + y / 1000]);
const position = fc.oneof(
  { weight: 6, arbitrary: localPosition },
  { weight: 1, arbitrary: fc.array(nastyNumber, { minLength: 0, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.anything() },
);
const ring = fc.oneof(
  fc.array(localPosition, { minLength: 3, maxLength: 9 }).map((ps) => [...ps, ps[0]]),
  fc.array(position, { minLength: 0, maxLength: 8 }),
);
const polygonCoords = fc.array(ring, { minLength: 0, maxLength: 3 });
const closedRing = fc.array(localPosition, { minLength: 3, maxLength: 6 }).map((ps) => [...ps, ps[0]]);
const geometry = fc.oneof(
  // Often a plausible one-ring polygon, so validity, area, overlap and the insert really run.
  closedRing.map((r) => ({ type: 'Polygon', coordinates: [r] })),
  closedRing.map((r) => ({ type: 'Polygon', coordinates: [r] })),
  polygonCoords.map((coordinates) => ({ type: 'Polygon', coordinates })),
  fc.array(polygonCoords, { minLength: 0, maxLength: 3 }).map((coordinates) => ({ type: 'MultiPolygon', coordinates })),
  polygonCoords.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })),
  polygonCoords.map((coordinates) => JSON.stringify({ type: 'Polygon', coordinates })),
  fc.record({ type: fc.constantFrom('Point', 'LineString', 'GeometryCollection', 'FeatureCollection', 'Feature', '__proto__'), coordinates: fc.anything(), features: fc.anything() }),
  fc.jsonValue(),
  fc.string(),
  fc.anything(),
);
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '\u202eevil', 'a\u0000b', 'x'.repeat(500)), fc.anything());
const attributes = fc.record(
  {
    name: text,
    demandLevel: fc.oneof(fc.constantFrom('high', 'medium', 'low'), text),
    timeZone: fc.oneof(fc.constantFrom('Europe/London', 'UTC', 'America/St_Johns'), text),
    currency: fc.oneof(fc.constantFrom('GBP', 'eur', 'JPY', 'XXX'), text),
    taxRegion: fc.oneof(fc.constantFrom('GB', 'gb-sct', 'US-CA'), text),
    status: fc.oneof(fc.constantFrom('draft', 'active', 'paused', 'archived'), text),
    sla: fc.oneof(fc.record({ arrivalMinutes: fc.oneof(nastyNumber, text, fc.constant(null)) }, { requiredKeys: [] }), fc.anything()),
    role: fc.constant('admin'),
    ownerOrgId: fc.uuid(),
  },
  { requiredKeys: [] },
);

beforeAll(async () => {
  ops = await ctxFor((await makeUser(['operations'])).id);
  provider = await ctxFor((await makeUser(['provider_admin'])).id);
  seededZone = await createZone(provider, {
    scope: 'own',
    name: 'Seed',
    demandLevel: 'low',
    timeZone: 'UTC',
    currency: 'GBP',
    taxRegion: 'GB',
    geometry: { type: 'Polygon', coordinates: [[[5, 5], [5.01, 5], [5.01, 5.01], [5, 5.01], [5, 5]]] },
  });
});

describe('zone verbs under fuzzed input', () => {
  it('createZone never fails unexpectedly', async () => {
    await fc.assert(
      fc.asyncProperty(attributes, geometry, fc.constantFrom('platform', 'own', 'nope'), async (attrs, geom, scope) => {
        const ctx = scope === 'own' ? provider : ops;
        await outcome(createZone(ctx, { ...attrs, scope, geometry: geom }));
      }),
      { numRuns: 150 },
    );
  });

  it('createZone with valid attributes reaches the geometry checks and still never fails unexpectedly', async () => {
    let n = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(geometry, async (geom) => {
        seen.add(await outcome(createZone(ops, { scope: 'platform', name: `Fuzz ${n++}`, demandLevel: 'high', timeZone: 'UTC', currency: 'GBP', taxRegion: 'GB', geometry: geom })));
      }),
      { numRuns: 150, seed: 20260501 },
    );
    // The generator really reaches the database checks (saves and overlaps), not only the shape check.
    expect(seen.has('ok')).toBe(true);
    expect(seen.has('CONFLICT')).toBe(true);
  });

  it('updateZone and importZones never fail unexpectedly', async () => {
    await fc.assert(
      fc.asyncProperty(attributes, fc.option(geometry), fc.oneof(fc.constant(1), nastyNumber, text), async (attrs, geom, version) => {
        await outcome(updateZone(provider, { ...attrs, zoneId: seededZone.zoneId, version, ...(geom === null ? {} : { geometry: geom }) }));
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ type: fc.constant('Feature'), properties: attributes, geometry }), { maxLength: 4 }), attributes, async (features, defaults) => {
        await outcome(importZones(provider, { scope: 'own', geojson: { type: 'FeatureCollection', features }, defaults }));
      }),
      { numRuns: 80 },
    );
  });
});
