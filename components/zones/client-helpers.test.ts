import { describe, expect, it } from 'vitest';
import { londonLocalToIso } from './london-time';
import { boundsOf, errorsFor, joinPolygons, parseGeoJsonText } from './geojson-text';

describe('londonLocalToIso', () => {
  it('reads winter times as GMT and summer times as BST, by the date typed', () => {
    expect(londonLocalToIso('2026-01-15T09:30')).toBe('2026-01-15T09:30:00.000Z');
    expect(londonLocalToIso('2026-07-15T09:30')).toBe('2026-07-15T08:30:00.000Z');
  });
  it('refuses anything that is not a local date-time', () => {
    expect(londonLocalToIso('')).toBeNull();
    expect(londonLocalToIso('2026-07-15')).toBeNull();
  });
});

describe('geojson text helpers', () => {
  const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
  it('reads a Feature, a FeatureCollection and a bare geometry', () => {
    expect(parseGeoJsonText(JSON.stringify(square))).toMatchObject({ ok: true, features: [{ geometry: square }] });
    expect(parseGeoJsonText(JSON.stringify({ type: 'Feature', properties: { name: 'A' }, geometry: square }))).toMatchObject({ ok: true, features: [{ name: 'A' }] });
    const fc = parseGeoJsonText(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square }, { type: 'Feature', properties: { name: 'B' }, geometry: null }] }));
    expect(fc.ok && fc.features.length).toBe(2);
    expect(parseGeoJsonText('{').ok).toBe(false);
  });
  it('joins polygons and finds bounds', () => {
    const p = square as { type: 'Polygon'; coordinates: number[][][] };
    expect(joinPolygons([p])).toEqual(p);
    expect(joinPolygons([p, p])?.type).toBe('MultiPolygon');
    expect(boundsOf(p)).toEqual([0, 0, 1, 1]);
  });
  it('maps nested error keys in either spelling', () => {
    expect(errorsFor({ 'features[2].geometry': ['bad'] }, 'features.2')).toEqual(['bad']);
    expect(errorsFor({ 'sla.arrivalMinutes': ['x'] }, 'sla.arrivalMinutes')).toEqual(['x']);
    expect(errorsFor({ name: ['x'] }, 'geometry')).toBeUndefined();
  });
});
