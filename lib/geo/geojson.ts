/**
 * GeoJSON intake for zones, in pure TypeScript (client-safe: the paste/upload form runs the same
 * checks before submitting). This is step one of the zone validation order in DOMAIN.md — shape,
 * ranges and sizes — and it runs BEFORE PostGIS sees anything, so a hostile document (10k parts,
 * millions of positions, NaN, 3-D) costs a bounded walk in JS and never a PostGIS call.
 *
 * Accepted: a bare Polygon/MultiPolygon, a Feature carrying one, a FeatureCollection with exactly
 * one feature (for a single zone), or any of these as a JSON string. Everything is normalised to a
 * MultiPolygon. Coordinates are [longitude, latitude] (GeoJSON order), 2-D only.
 *
 * Rules chosen here (documented for people in the messages):
 * - a ring needs ≥ 4 positions (a triangle plus the closing point) and must be closed;
 * - longitude −180..180, latitude −90..90, finite numbers only;
 * - a ring spanning more than 180° of longitude is refused: it almost always means the shape crosses
 *   the antimeridian, which planar SRID 4326 would draw the wrong way round the world — split it;
 * - at most MAX_POLYGONS parts, MAX_RINGS_PER_POLYGON rings per part and MAX_VERTICES positions in
 *   total (the DOMAIN.md vertex cap, counted exactly as PostGIS ST_NPoints counts them). Counting
 *   here means the cap is enforced before the geometry validity check, so an over-large bow-tie is
 *   reported as too large rather than as self-intersecting.
 */
import type { GeoJsonMultiPolygon } from './types';

export const MAX_VERTICES = 10_000;
export const MAX_POLYGONS = 500;
export const MAX_RINGS_PER_POLYGON = 100;
/** Largest GeoJSON text accepted (a paste, an upload, an import file). */
export const MAX_GEOJSON_BYTES = 5_000_000;
export const MAX_IMPORT_FEATURES = 500;

export type GeoJsonResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface ParsedArea {
  geometry: GeoJsonMultiPolygon;
  vertexCount: number;
  polygonCount: number;
}

/** A feature of an import document: its geometry (not yet checked) and its properties. */
export interface RawFeature {
  index: number;
  name: string | null;
  properties: Record<string, unknown>;
  geometry: unknown;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `text "${v.length > 20 ? `${v.slice(0, 20)}…` : v}"`;
  return typeof v;
};

/** Parses JSON text with the size cap; objects pass through. */
export function readJsonDocument(input: unknown): GeoJsonResult<unknown> {
  if (typeof input !== 'string') return { ok: true, value: input };
  // String length counts UTF-16 units; a UTF-8 byte count is at most 3× that, at least 1×.
  if (input.length > MAX_GEOJSON_BYTES) return fail(`is larger than ${MAX_GEOJSON_BYTES / 1_000_000} MB; split it into smaller files`);
  const text = input.trim();
  if (!text) return fail('is empty; paste GeoJSON or choose a file');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return fail('is not valid JSON');
  }
}

/** Picks the one geometry out of a bare geometry / Feature / single-feature FeatureCollection. */
export function extractSingleGeometry(doc: unknown): GeoJsonResult<unknown> {
  if (!isObject(doc)) return fail('must be a GeoJSON object (Polygon, MultiPolygon, Feature or FeatureCollection)');
  if (doc.type === 'FeatureCollection') {
    const features = doc.features;
    if (!Array.isArray(features)) return fail('is a FeatureCollection without a "features" list');
    if (features.length !== 1) {
      return fail(`is a FeatureCollection with ${features.length} features; a zone needs exactly one (use import for several)`);
    }
    return extractSingleGeometry(features[0]);
  }
  if (doc.type === 'Feature') {
    if (doc.geometry === null || doc.geometry === undefined) return fail('is a Feature without a geometry');
    return { ok: true, value: doc.geometry };
  }
  return { ok: true, value: doc };
}

/** Full shape check of one geometry and normalisation to a MultiPolygon. */
export function parseAreaGeometry(geometry: unknown): GeoJsonResult<ParsedArea> {
  if (!isObject(geometry)) return fail('must be a GeoJSON Polygon or MultiPolygon');
  const { type, coordinates } = geometry;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return fail(`must be a Polygon or MultiPolygon, not ${typeof type === 'string' ? type.slice(0, 40) : describe(type)}`);
  }
  if (!Array.isArray(coordinates)) return fail(`is a ${type} without a "coordinates" list`);
  const polygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  if (polygons.length === 0) return fail('has no polygons');
  if (polygons.length > MAX_POLYGONS) return fail(`has ${polygons.length} polygons; at most ${MAX_POLYGONS} are accepted`);
  const multi = type === 'MultiPolygon';
  let vertexCount = 0;
  const out: number[][][][] = [];
  for (let p = 0; p < polygons.length; p++) {
    const poly = polygons[p];
    const polyLabel = multi ? ` of polygon ${p + 1}` : '';
    if (!Array.isArray(poly)) return fail(`polygon ${p + 1} must be a list of rings`);
    if (poly.length === 0) return fail(`polygon ${p + 1} has no rings`);
    if (poly.length > MAX_RINGS_PER_POLYGON) return fail(`polygon ${p + 1} has ${poly.length} rings; at most ${MAX_RINGS_PER_POLYGON} are accepted`);
    const rings: number[][][] = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = poly[r];
      const where = `ring ${r + 1}${polyLabel}`;
      if (!Array.isArray(ring)) return fail(`${where} must be a list of positions`);
      // Checked before walking the positions, so an enormous ring costs O(1) to refuse.
      if (vertexCount + ring.length > MAX_VERTICES) {
        return fail(`has more than ${MAX_VERTICES.toLocaleString('en-GB')} positions; simplify the outline (for example with a 10 m tolerance)`);
      }
      if (ring.length < 4) return fail(`${where} has ${ring.length} position${ring.length === 1 ? '' : 's'}; it needs at least 4 positions (a triangle plus the closing point)`);
      const positions: number[][] = [];
      let minLon = Infinity;
      let maxLon = -Infinity;
      for (let i = 0; i < ring.length; i++) {
        const pos = ring[i];
        const at = `position ${i + 1} of ${where}`;
        if (!Array.isArray(pos)) return fail(`${at} must be [longitude, latitude], not ${describe(pos)}`);
        if (pos.length < 2) return fail(`${at} must be [longitude, latitude]; it has ${pos.length} value${pos.length === 1 ? '' : 's'}`);
        if (pos.length > 2) return fail(`${at} has ${pos.length} values; only 2-D [longitude, latitude] positions are accepted (remove the altitude)`);
        const [lon, lat] = pos as unknown[];
        if (typeof lon !== 'number' || !Number.isFinite(lon)) return fail(`${at}: longitude must be a number, not ${describe(lon)}`);
        if (typeof lat !== 'number' || !Number.isFinite(lat)) return fail(`${at}: latitude must be a number, not ${describe(lat)}`);
        if (lon < -180 || lon > 180) return fail(`${at}: longitude ${lon} is out of range (-180..180)`);
        if (lat < -90 || lat > 90) return fail(`${at}: latitude ${lat} is out of range (-90..90)`);
        if (lon < minLon) minLon = lon;
        if (lon > maxLon) maxLon = lon;
        positions.push([lon, lat]);
      }
      const first = positions[0];
      const last = positions[positions.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) return fail(`${where} is not closed: its first and last positions differ`);
      if (maxLon - minLon > 180) {
        return fail(`${where} spans ${Math.round(maxLon - minLon)}° of longitude; a shape crossing the antimeridian (±180°) must be split into two polygons there`);
      }
      vertexCount += positions.length;
      rings.push(positions);
    }
    out.push(rings);
  }
  return { ok: true, value: { geometry: { type: 'MultiPolygon', coordinates: out }, vertexCount, polygonCount: out.length } };
}

/** A pasted/uploaded zone outline: JSON text or object → one normalised MultiPolygon. */
export function parseZoneGeometry(input: unknown): GeoJsonResult<ParsedArea> {
  const doc = readJsonDocument(input);
  if (!doc.ok) return doc;
  const geometry = extractSingleGeometry(doc.value);
  if (!geometry.ok) return geometry;
  return parseAreaGeometry(geometry.value);
}

/**
 * An import document → its features (geometry not yet checked). A bare geometry or a Feature is a
 * one-feature import. Feature names come from `properties.name` when it is text.
 */
export function readImportFeatures(input: unknown): GeoJsonResult<RawFeature[]> {
  const doc = readJsonDocument(input);
  if (!doc.ok) return doc;
  const value = doc.value;
  if (!isObject(value)) return fail('must be a GeoJSON FeatureCollection, Feature, Polygon or MultiPolygon');
  let list: unknown[];
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return fail('is a FeatureCollection without a "features" list');
    list = value.features;
  } else if (value.type === 'Feature') {
    list = [value];
  } else if (value.type === 'Polygon' || value.type === 'MultiPolygon') {
    list = [{ type: 'Feature', properties: {}, geometry: value }];
  } else {
    return fail(`must be a FeatureCollection, Feature, Polygon or MultiPolygon, not ${typeof value.type === 'string' ? value.type.slice(0, 40) : describe(value.type)}`);
  }
  if (list.length === 0) return fail('has no features');
  if (list.length > MAX_IMPORT_FEATURES) return fail(`has ${list.length} features; at most ${MAX_IMPORT_FEATURES} can be imported at once`);
  const features: RawFeature[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    const properties = isObject(f) && isObject(f.properties) ? f.properties : {};
    const name = typeof properties.name === 'string' ? properties.name : null;
    features.push({ index: i, name, properties, geometry: isObject(f) && f.type === 'Feature' ? f.geometry : f });
  }
  return { ok: true, value: features };
}

/** A label for messages about one import feature: `features[2] ("Camden")`. */
export function featureLabel(f: Pick<RawFeature, 'index' | 'name'>): string {
  return f.name ? `features[${f.index}] ("${f.name.slice(0, 60)}")` : `features[${f.index}]`;
}
