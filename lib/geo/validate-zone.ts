import { sql } from 'drizzle-orm';
import { pgErrorInfo, rowsOf, type Tx } from '@/db/client';
import { env } from '@/lib/core/env';
import { AppError } from '@/lib/core/errors';
import { parseZoneGeometry, type ParsedArea } from './geojson';

/**
 * The database half of zone validation, in DOMAIN.md order after the GeoJSON shape check:
 * PostGIS validity (with its reason and where) → area ≥ 10 m² and ≤ ZONE_MAX_AREA_KM2 → (vertex cap,
 * already counted in lib/geo/geojson.ts) → no overlap > 1 m² with another non-archived zone of the
 * same owner. Every failure is a VALIDATION (422) naming `field`, except the overlap, which is a
 * CONFLICT (409) naming the other zone. Callers run these inside their transaction after taking the
 * owner's advisory lock (lib/geo/owner.ts lockOwner), so the overlap answer stays true until commit.
 */

export const MIN_ZONE_AREA_M2 = 10;
/** Intersections up to this size are rounding noise along a shared edge, not an overlap. */
export const OVERLAP_TOLERANCE_M2 = 1;

export interface CheckedGeometry {
  /** The normalised MultiPolygon as GeoJSON text, ready for ST_GeomFromGeoJSON. */
  json: string;
  areaM2: number;
  vertexCount: number;
}

const geometryError = (field: string, reason: string, prefix = '') =>
  new AppError('VALIDATION', `${prefix}The zone outline is not valid: ${reason}.`, { fieldErrors: { [field]: [reason] } });

/** Step 1 (pure): GeoJSON shape, ranges, sizes. */
export function shapeOrThrow(input: unknown, field = 'geometry', prefix = ''): ParsedArea {
  const parsed = parseZoneGeometry(input);
  if (!parsed.ok) throw geometryError(field, parsed.reason, prefix);
  return parsed.value;
}

// PostGIS validity reason first (support staff search for it; its wording differs a little between
// PostGIS versions), then where, then what it means in words people use.
const reasonWords: Array<[RegExp, string]> = [
  [/ring self-intersection/i, 'a ring touches or doubles back on itself (a spike or a loop)'],
  [/self-intersection/i, 'the outline crosses itself, or two of its parts overlap or share an edge'],
  [/hole lies outside shell/i, 'a hole lies outside its outer ring'],
  [/nested holes/i, 'a hole lies inside another hole'],
  [/nested shells/i, 'one polygon lies inside another; make it a hole or merge the two'],
  [/interior is disconnected/i, 'the holes cut the area into separate pieces'],
  [/too few points/i, 'a ring has fewer than 3 distinct positions'],
  [/duplicate rings/i, 'the same ring appears twice'],
  [/invalid coordinate/i, 'a position is not a valid coordinate'],
];

export function describeInvalidity(reason: string, x: number | null, y: number | null): string {
  const words = reasonWords.find(([re]) => re.test(reason))?.[1] ?? 'the shape is not a valid area';
  const where = x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y) ? ` near ${+x.toFixed(6)}, ${+y.toFixed(6)}` : '';
  return `${reason.replace(/\[.*\]$/, '').trim()}${where} (${words})`;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Steps 2–3: PostGIS validity, then area bounds. One round trip. */
export async function checkGeometry(tx: Tx, shape: ParsedArea, field = 'geometry', prefix = ''): Promise<CheckedGeometry> {
  const json = JSON.stringify(shape.geometry);
  let row: { valid: boolean; reason: string | null; x: number | null; y: number | null; area_m2: number | null } | undefined;
  try {
    const res = await tx.execute(sql`
      with g as (select ST_SetSRID(ST_GeomFromGeoJSON(${json}), 4326) as geom),
           d as (select geom, ST_IsValidDetail(geom) as v from g)
      select (v).valid as valid, (v).reason as reason, ST_X((v).location) as x, ST_Y((v).location) as y,
             case when (v).valid then ST_Area(geom::geography) end as area_m2
      from d`);
    row = rowsOf<typeof row & object>(res)[0];
  } catch {
    // The shape check should make this unreachable; if PostGIS still cannot read it, say so as 422.
    throw geometryError(field, 'PostGIS could not read this geometry', prefix);
  }
  if (!row) throw geometryError(field, 'PostGIS could not read this geometry', prefix);
  if (!row.valid) {
    throw geometryError(field, describeInvalidity(row.reason ?? 'invalid', row.x === null ? null : Number(row.x), row.y === null ? null : Number(row.y)), prefix);
  }
  const areaM2 = Number(row.area_m2);
  if (!(areaM2 >= MIN_ZONE_AREA_M2)) {
    throw geometryError(field, `its area is about ${areaM2 < 1 ? areaM2.toFixed(2) : fmtInt(areaM2)} m²; a zone must cover at least ${MIN_ZONE_AREA_M2} m²`, prefix);
  }
  const maxKm2 = env().ZONE_MAX_AREA_KM2;
  if (areaM2 > maxKm2 * 1_000_000) {
    throw geometryError(field, `its area is about ${fmtInt(areaM2 / 1_000_000)} km²; the largest zone allowed is ${fmtInt(maxKm2)} km²`, prefix);
  }
  return { json, areaM2, vertexCount: shape.vertexCount };
}

/** Step 5: no overlap > 1 m² with another non-archived zone of the same owner (shared edges are fine). */
export async function assertNoOverlap(
  tx: Tx,
  geometryJson: string,
  ownerOrgId: string,
  opts: { excludeZoneId?: string | null; field?: string; prefix?: string } = {},
): Promise<void> {
  const field = opts.field ?? 'geometry';
  // GiST prefilter (&&) before the exact intersection; only the largest overlap matters.
  const res = await tx.execute(sql`
    with g as (select ST_SetSRID(ST_GeomFromGeoJSON(${geometryJson}), 4326) as geom)
    select z.id, z.name, ST_Area(ST_Intersection(z.geom, g.geom)::geography) as overlap_m2
    from zones z, g
    where z.owner_org_id = ${ownerOrgId}
      and z.status <> 'archived'
      and z.geom && g.geom
      and ST_Intersects(z.geom, g.geom)
      ${opts.excludeZoneId ? sql`and z.id <> ${opts.excludeZoneId}` : sql``}
    order by overlap_m2 desc
    limit 1`);
  const hit = rowsOf<{ id: string; name: string; overlap_m2: number | string }>(res)[0];
  if (!hit) return;
  const overlap = Number(hit.overlap_m2);
  if (!(overlap > OVERLAP_TOLERANCE_M2)) return;
  const reason = `overlaps "${hit.name}" by about ${fmtInt(overlap)} m²; shared edges are fine, but zones of one owner must not overlap`;
  throw new AppError('CONFLICT', `${opts.prefix ?? ''}This zone ${reason}.`, {
    fieldErrors: { [field]: [reason] },
    otherZoneId: hit.id,
    otherZoneName: hit.name,
    overlapM2: Math.round(overlap),
  });
}

/** Names are unique per owner among non-archived zones (case-insensitive), like the unique index. */
export async function assertNameFree(
  tx: Tx,
  ownerOrgId: string,
  name: string,
  opts: { excludeZoneId?: string | null; field?: string; prefix?: string } = {},
): Promise<void> {
  const res = await tx.execute(sql`
    select id from zones
    where owner_org_id = ${ownerOrgId} and status <> 'archived' and lower(name) = lower(${name})
      ${opts.excludeZoneId ? sql`and id <> ${opts.excludeZoneId}` : sql``}
    limit 1`);
  if (rowsOf(res).length) {
    const reason = `another zone is already called "${name}"`;
    throw new AppError('CONFLICT', `${opts.prefix ?? ''}${reason[0].toUpperCase()}${reason.slice(1)}; choose another name.`, {
      fieldErrors: { [opts.field ?? 'name']: [reason] },
    });
  }
}

/** Maps the database safety nets (CHECK / unique index) to the same answers the checks above give. */
export function zoneDbError(err: unknown): AppError | null {
  const { code, constraint } = pgErrorInfo(err);
  if (code === '23505' && constraint === 'zones_owner_name_key') {
    return new AppError('CONFLICT', 'Another zone is already called that; choose another name.', { fieldErrors: { name: ['is already used by another zone'] } });
  }
  if (code === '23514' && constraint === 'zones_geom_valid') {
    return new AppError('VALIDATION', 'The zone outline is not valid.', { fieldErrors: { geometry: ['is not a valid area'] } });
  }
  return null;
}
