import type { AreaGeometry, GeoJsonMultiPolygon, GeoJsonPolygon } from '@/lib/geo/types';

/**
 * Client-side reading of pasted/uploaded GeoJSON, for previews and for mirroring the map only.
 * The server validates everything again (shape, validity, area, overlap) and its answer is the one
 * shown; these helpers never decide whether a zone is acceptable.
 */

export type ParsedGeoJson =
  | { ok: true; features: Array<{ name: string | null; geometry: AreaGeometry | null; geometryType: string | null }> }
  | { ok: false; reason: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asArea(geometry: unknown): AreaGeometry | null {
  if (!isObject(geometry)) return null;
  if ((geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && Array.isArray(geometry.coordinates)) {
    return geometry as unknown as AreaGeometry;
  }
  return null;
}

function featureOf(v: unknown) {
  if (!isObject(v)) return { name: null, geometry: null, geometryType: null };
  const props = isObject(v.properties) ? v.properties : {};
  const name = typeof props.name === 'string' ? props.name : null;
  const geometryType = isObject(v.geometry) && typeof v.geometry.type === 'string' ? v.geometry.type : null;
  return { name, geometry: asArea(v.geometry), geometryType };
}

/** Feature, FeatureCollection or bare Polygon/MultiPolygon → a list of features (names + geometry). */
export function parseGeoJsonText(text: string): ParsedGeoJson {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'Empty: paste GeoJSON or draw on the map.' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, reason: 'This is not valid JSON.' };
  }
  if (!isObject(value)) return { ok: false, reason: 'Expected a GeoJSON object.' };
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return { ok: false, reason: 'A FeatureCollection needs a "features" array.' };
    return { ok: true, features: value.features.map(featureOf) };
  }
  if (value.type === 'Feature') return { ok: true, features: [featureOf(value)] };
  if (value.type === 'Polygon' || value.type === 'MultiPolygon') {
    return { ok: true, features: [{ name: null, geometry: asArea(value), geometryType: value.type }] };
  }
  return { ok: false, reason: `Unsupported GeoJSON type ${JSON.stringify(value.type ?? null)}: use a Feature, FeatureCollection, Polygon or MultiPolygon.` };
}

/** Splits an area into its polygons (the drawing library edits single polygons). */
export function polygonsOf(geometry: AreaGeometry): GeoJsonPolygon[] {
  if (geometry.type === 'Polygon') return [geometry];
  return geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

/** One polygon stays a Polygon; several become a MultiPolygon; none is null. */
export function joinPolygons(polygons: GeoJsonPolygon[]): AreaGeometry | null {
  if (polygons.length === 0) return null;
  if (polygons.length === 1) return polygons[0];
  const multi: GeoJsonMultiPolygon = { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
  return multi;
}

/** Six decimals ≈ 0.1 m: enough for zone edges, and keeps the textarea readable. */
function roundPosition(position: number[]): number[] {
  return position.map((n) => Math.round(n * 1e6) / 1e6);
}

export function roundGeometry<G extends AreaGeometry>(geometry: G): G {
  if (geometry.type === 'Polygon') {
    return { ...geometry, coordinates: geometry.coordinates.map((ring) => ring.map(roundPosition)) };
  }
  return { ...geometry, coordinates: (geometry as GeoJsonMultiPolygon).coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition))) };
}

export function geometryText(geometry: AreaGeometry | null): string {
  return geometry ? JSON.stringify(roundGeometry(geometry), null, 2) : '';
}

/** The first area geometry in a text, or null when there is none (or the text is not GeoJSON). */
export function firstGeometry(text: string): AreaGeometry | null {
  const parsed = parseGeoJsonText(text);
  if (!parsed.ok) return null;
  return parsed.features.find((f) => f.geometry)?.geometry ?? null;
}

/** [west, south, east, north] of an area, or null when it has no positions. */
export function boundsOf(geometry: AreaGeometry): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const poly of polygonsOf(geometry)) {
    for (const ring of poly.coordinates) {
      for (const [lon, lat] of ring) {
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
        w = Math.min(w, lon);
        e = Math.max(e, lon);
        s = Math.min(s, lat);
        n = Math.max(n, lat);
      }
    }
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Reads a server field-error map for one field, also under bracket or dot spellings of nested keys. */
export function errorsFor(fieldErrors: Record<string, string[]> | undefined, field: string): string[] | undefined {
  if (!fieldErrors) return undefined;
  const out: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const normal = key.replace(/\[(\d+)\]/g, '.$1');
    if (normal === field || normal.startsWith(`${field}.`)) out.push(...messages);
  }
  return out.length ? out : undefined;
}
