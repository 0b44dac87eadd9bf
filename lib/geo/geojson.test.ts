import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featureLabel, MAX_POLYGONS, MAX_VERTICES, parseAreaGeometry, parseZoneGeometry, readImportFeatures } from './geojson';

const square = (x = 0, y = 51, d = 0.01) => [
  [x, y],
  [x + d, y],
  [x + d, y + d],
  [x, y + d],
  [x, y],
];
const polygon = (ring = square()) => ({ type: 'Polygon', coordinates: [ring] });

const reason = (input: unknown) => {
  const r = parseZoneGeometry(input);
  if (r.ok) throw new Error('expected a failure');
  return r.reason;
};

describe('parseZoneGeometry', () => {
  it('accepts a bare Polygon, a Feature, a one-feature FeatureCollection and JSON text, normalised to a MultiPolygon', () => {
    const inputs = [
      polygon(),
      { type: 'Feature', properties: {}, geometry: polygon() },
      { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: polygon() }] },
      JSON.stringify(polygon()),
      { type: 'MultiPolygon', coordinates: [[square()]] },
    ];
    for (const input of inputs) {
      const r = parseZoneGeometry(input);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[square()]] });
        expect(r.value.vertexCount).toBe(5);
      }
    }
  });

  it('explains each shape problem with its place', () => {
    expect(reason(polygon(square().slice(0, 4)))).toBe('ring 1 is not closed: its first and last positions differ');
    expect(reason(polygon([[0, 0], [1, 1], [0, 0]]))).toMatch(/ring 1 has 3 positions; it needs at least 4 positions \(a triangle plus the closing point\)/);
    const lat91 = square();
    lat91[2] = [0.01, 91];
    expect(reason(polygon(lat91))).toBe('position 3 of ring 1: latitude 91 is out of range (-90..90)');
    const lon181 = square();
    lon181[1] = [181, 51];
    expect(reason(polygon(lon181))).toMatch(/position 2 of ring 1: longitude 181 is out of range/);
    const nan = square();
    nan[1] = [NaN, 51];
    expect(reason(polygon(nan))).toMatch(/longitude must be a number, not NaN/);
    const z3 = square().map(([x, y]) => [x, y, 10]);
    expect(reason(polygon(z3))).toMatch(/only 2-D \[longitude, latitude\] positions are accepted/);
    const text = square();
    (text as unknown[])[1] = ['1', '2'];
    expect(reason(polygon(text))).toMatch(/longitude must be a number, not text "1"/);
    expect(reason({ type: 'Point', coordinates: [0, 0] })).toBe('must be a Polygon or MultiPolygon, not Point');
    expect(reason('{nope')).toBe('is not valid JSON');
    expect(reason({ type: 'FeatureCollection', features: [] })).toMatch(/needs exactly one/);
    expect(reason({ type: 'Feature', geometry: null })).toBe('is a Feature without a geometry');
    const multi = { type: 'MultiPolygon', coordinates: [[square()], [square(1, 51).slice(0, 4)]] };
    expect(reason(multi)).toBe('ring 1 of polygon 2 is not closed: its first and last positions differ');
  });

  it('refuses a ring spanning the antimeridian and asks for a split', () => {
    const ring = [
      [179, 0],
      [-179, 0],
      [-179, 1],
      [179, 1],
      [179, 0],
    ];
    expect(reason(polygon(ring))).toMatch(/antimeridian.*split it into two polygons|must be split into two polygons/);
  });

  it('caps parts and vertices before walking them (bounded work)', () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => [square(i * 0.001, 0, 0.0005)]);
    expect(reason({ type: 'MultiPolygon', coordinates: parts })).toBe(`has 10000 polygons; at most ${MAX_POLYGONS} are accepted`);
    const big = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [Math.cos(i) * 0.01, 51 + Math.sin(i) * 0.01]);
    big.push(big[0]);
    expect(reason(polygon(big))).toMatch(/more than 10,000 positions/);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.string()), (v) => {
        const r = parseZoneGeometry(v);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on near-valid polygons with random positions, and accepts exactly the in-range closed ones', () => {
    const position = fc.tuple(fc.double({ min: -200, max: 200, noNaN: false }), fc.double({ min: -100, max: 100, noNaN: false }));
    fc.assert(
      fc.property(fc.array(position, { minLength: 0, maxLength: 8 }), fc.boolean(), (positions, close) => {
        const ring = close && positions.length ? [...positions, positions[0]] : positions;
        const r = parseAreaGeometry({ type: 'Polygon', coordinates: [ring] });
        const inRange = ring.every(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90);
        const lons = ring.map(([x]) => x);
        const narrow = Math.max(...lons) - Math.min(...lons) <= 180;
        const closed = ring.length > 0 && ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1];
        expect(r.ok).toBe(ring.length >= 4 && inRange && closed && narrow);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readImportFeatures', () => {
  it('reads features with their names and treats a bare geometry as one feature', () => {
    const r = readImportFeatures({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'A' }, geometry: polygon() },
        { type: 'Feature', properties: null, geometry: polygon() },
      ],
    });
    expect(r.ok && r.value.map((f) => [f.index, f.name])).toEqual([
      [0, 'A'],
      [1, null],
    ]);
    const bare = readImportFeatures(polygon());
    expect(bare.ok && bare.value).toHaveLength(1);
    expect(featureLabel({ index: 2, name: 'Camden' })).toBe('features[2] ("Camden")');
  });

  it('refuses empty and oversized collections', () => {
    expect(readImportFeatures({ type: 'FeatureCollection', features: [] })).toEqual({ ok: false, reason: 'has no features' });
    const many = { type: 'FeatureCollection', features: Array.from({ length: 501 }, () => ({ type: 'Feature', properties: {}, geometry: polygon() })) };
    expect(readImportFeatures(many)).toMatchObject({ ok: false, reason: expect.stringMatching(/at most 500/) });
  });
});
