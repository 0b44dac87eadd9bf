/**
 * Vector tiles of the platform's active zones, so the explorer never downloads all geometry: the
 * map asks only for the tiles in view, and each tile carries geometry clipped and quantised to its
 * 4096-unit grid. Layer `zones`, properties id, name, demand, status. Public.
 *
 * The filter is `geom_mercator && ST_TileEnvelope(z, x, y)` on the stored web-mercator copy so
 * zones_geom_mercator_gix drives it (no per-request reprojection). Below zoom 12 geometry is
 * simplified to about one tile pixel first: detail finer than that is invisible and would only
 * cost CPU.
 *
 * Two encoders, same tile contents:
 * - PostgreSQL: ST_AsMVTGeom + ST_AsMVT (fastest; the production/CI engine).
 * - The embedded engine's PostGIS is built without protobuf support (ST_AsMVT raises "Compiled
 *   without protobuf-c support"), so there SQL clips, simplifies and quantises to tile
 *   coordinates and `encodeMvt` below writes the protobuf (Mapbox Vector Tile spec 2.1).
 */
import { sql } from 'drizzle-orm';
import { getDatabase, rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { tileInput } from './match-schemas';

export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const TILE_LAYER = 'zones';
const SIMPLIFY_BELOW_ZOOM = 12;
/** Web-mercator world width in metres. */
const WORLD_M = 40_075_016.685_578_5;

/** Metres per tile pixel (of TILE_EXTENT) at zoom z. */
export const tilePixelM = (z: number) => WORLD_M / 2 ** z / TILE_EXTENT;

export type TileEncoder = 'postgis' | 'portable';

/** The engine's default: PostGIS's own encoder where it has one. */
export const defaultTileEncoder = (): TileEncoder => (getDatabase().kind === 'postgres' ? 'postgis' : 'portable');

export async function zoneTile(ctx: Ctx, raw: unknown, encoder: TileEncoder = defaultTileEncoder()): Promise<Buffer> {
  const { z, x, y } = parseInput(tileInput, raw);
  const envelope = sql`ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int)`;
  const geom = z < SIMPLIFY_BELOW_ZOOM ? sql`ST_Simplify(zz.geom_mercator, ${tilePixelM(z)}::float8, true)` : sql`zz.geom_mercator`;
  const where = sql`zz.geom_mercator && ${envelope} and zz.status = 'active' and zz.owner_kind = 'platform'`;

  if (encoder === 'postgis') {
    const result = await exec(ctx).execute(sql`
      select ST_AsMVT(t.*, ${TILE_LAYER}, ${TILE_EXTENT}, 'geom') as tile
      from (
        select zz.id::text as id, zz.name, zz.demand_level::text as demand, zz.status::text as status,
               ST_AsMVTGeom(${geom}, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) as geom
        from zones zz
        where ${where}
      ) t
      where t.geom is not null`);
    const [row] = rowsOf<{ tile: Uint8Array | Buffer | null }>(result);
    if (!row?.tile) return Buffer.alloc(0);
    return Buffer.isBuffer(row.tile) ? row.tile : Buffer.from(row.tile.buffer, row.tile.byteOffset, row.tile.byteLength);
  }

  // Tile coordinates: x → (x − xmin) · 4096 / width, y → (ymax − y) · 4096 / height (y points down),
  // clipped to the tile plus its buffer, snapped to whole units.
  const size = (WORLD_M / 2 ** z) as number;
  const scale = TILE_EXTENT / size;
  const bufferM = TILE_BUFFER / scale;
  const xmin = -WORLD_M / 2 + x * size;
  const ymax = WORLD_M / 2 - y * size;
  const result = await exec(ctx).execute(sql`
    select id, name, demand, status, ST_AsGeoJSON(g, 0) as geojson
    from (
      select zz.id::text as id, zz.name, zz.demand_level::text as demand, zz.status::text as status,
             ST_SnapToGrid(ST_TransScale(ST_ClipByBox2D(${geom}, ST_Expand(${envelope}, ${bufferM}::float8)),
                                         ${-xmin}::float8, ${-ymax}::float8, ${scale}::float8, ${-scale}::float8), 1) as g
      from zones zz
      where ${where}
      order by zz.id
    ) t
    where g is not null and not ST_IsEmpty(g)`);
  const features: MvtFeature[] = [];
  for (const r of rowsOf<{ id: string; name: string; demand: string; status: string; geojson: string }>(result)) {
    const polygons = polygonsOf(JSON.parse(r.geojson));
    if (polygons.length) features.push({ properties: { id: r.id, name: r.name, demand: r.demand, status: r.status }, polygons });
  }
  return features.length ? encodeMvt(TILE_LAYER, features) : Buffer.alloc(0);
}

// ---- Minimal MVT (protobuf) encoder for polygons with string properties -----------------------

type Ring = Array<[number, number]>;
export interface MvtFeature {
  properties: Record<string, string>;
  /** Polygons in tile coordinates: [exterior, ...holes]. */
  polygons: Ring[][];
}

function polygonsOf(g: { type: string; coordinates?: unknown; geometries?: unknown[] }): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  if (g.type === 'GeometryCollection') return (g.geometries as Array<typeof g>).flatMap(polygonsOf);
  return []; // lines/points left by clipping a sliver are not drawn as areas
}

class Writer {
  private bytes: number[] = [];
  varint(v: number): this {
    let n = v >>> 0 === v ? v : Math.floor(v);
    while (n > 0x7f) {
      this.bytes.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    this.bytes.push(n);
    return this;
  }
  tag(field: number, wire: 0 | 2): this {
    return this.varint((field << 3) | wire);
  }
  uint(field: number, v: number): this {
    return this.tag(field, 0).varint(v);
  }
  bytesField(field: number, data: Uint8Array | number[]): this {
    this.tag(field, 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytesField(field, new TextEncoder().encode(s));
  }
  packed(field: number, values: number[]): this {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    return this.bytesField(field, inner.finish());
  }
  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);
const command = (id: number, count: number) => (id & 0x7) | (count << 3);

/** Drops the closing point and repeated points; null when fewer than 3 distinct points remain. */
function cleanRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [px, py] of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== px || last[1] !== py) out.push([px, py]);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out.length >= 3 ? out : null;
}

/** Surveyor's formula in tile coordinates (y down): exterior rings must be positive (spec 4.3.4.4). */
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return a;
}

function encodeGeometry(polygons: Ring[][]): number[] {
  const out: number[] = [];
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((raw, i) => {
      const ring = cleanRing(raw);
      if (!ring) return;
      const area = signedArea(ring);
      if (area === 0) return;
      const exterior = i === 0;
      if ((exterior && area < 0) || (!exterior && area > 0)) ring.reverse();
      out.push(command(1, 1), zigzag(ring[0][0] - cx), zigzag(ring[0][1] - cy));
      cx = ring[0][0];
      cy = ring[0][1];
      out.push(command(2, ring.length - 1));
      for (let k = 1; k < ring.length; k++) {
        out.push(zigzag(ring[k][0] - cx), zigzag(ring[k][1] - cy));
        cx = ring[k][0];
        cy = ring[k][1];
      }
      out.push(command(7, 1));
    });
  }
  return out;
}

export function encodeMvt(layerName: string, features: MvtFeature[], extent = TILE_EXTENT): Buffer {
  const keys: string[] = [];
  const values: string[] = [];
  const keyIndex = new Map<string, number>();
  const valueIndex = new Map<string, number>();
  const indexOf = (map: Map<string, number>, list: string[], v: string) => {
    let i = map.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      map.set(v, i);
    }
    return i;
  };
  const layer = new Writer().uint(15, 2).string(1, layerName);
  let written = 0;
  for (const f of features) {
    const geometry = encodeGeometry(f.polygons);
    if (!geometry.length) continue;
    written++;
    const tags: number[] = [];
    for (const [k, v] of Object.entries(f.properties)) tags.push(indexOf(keyIndex, keys, k), indexOf(valueIndex, values, v));
    const feature = new Writer().packed(2, tags).uint(3, 3 /* POLYGON */).packed(4, geometry);
    layer.bytesField(2, feature.finish());
  }
  for (const k of keys) layer.string(3, k);
  for (const v of values) layer.bytesField(4, new Writer().string(1, v).finish());
  layer.uint(5, extent);
  if (!written) return Buffer.alloc(0);
  return Buffer.from(new Writer().bytesField(3, layer.finish()).finish());
}
