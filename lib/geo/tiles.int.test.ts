import { beforeAll, describe, expect, it } from 'vitest';
import { getDatabase } from '@/db/client';
import { anonCtx, expectAppError, makeOrg } from '@/test/factories';
import { zoneTile, type TileEncoder } from './tiles';
import { around, makeZone } from './test-geo-fixtures';

/** Just enough protobuf to read an MVT: layers → name, feature count, keys, string values. */
function decodeMvt(buf: Uint8Array) {
  const readVarint = (b: Uint8Array, pos: { i: number }) => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const byte = b[pos.i++];
      v += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return v;
      shift += 7;
    }
  };
  const fields = (b: Uint8Array) => {
    const out: Array<{ field: number; bytes?: Uint8Array; value?: number }> = [];
    const pos = { i: 0 };
    while (pos.i < b.length) {
      const key = readVarint(b, pos);
      const field = key >> 3;
      const wire = key & 7;
      if (wire === 0) out.push({ field, value: readVarint(b, pos) });
      else if (wire === 2) {
        const len = readVarint(b, pos);
        out.push({ field, bytes: b.subarray(pos.i, pos.i + len) });
        pos.i += len;
      } else if (wire === 5) pos.i += 4;
      else if (wire === 1) pos.i += 8;
      else throw new Error(`unexpected wire type ${wire}`);
    }
    return out;
  };
  const text = (b?: Uint8Array) => new TextDecoder().decode(b);
  return fields(buf)
    .filter((f) => f.field === 3)
    .map((layer) => {
      const lf = fields(layer.bytes!);
      const features = lf.filter((f) => f.field === 2).map((f) => fields(f.bytes!));
      const packed = (b?: Uint8Array) => {
        const out: number[] = [];
        const pos = { i: 0 };
        while (b && pos.i < b.length) out.push(readVarint(b, pos));
        return out;
      };
      return {
        name: text(lf.find((f) => f.field === 1)?.bytes),
        extent: lf.find((f) => f.field === 5)?.value,
        version: lf.find((f) => f.field === 15)?.value,
        types: features.map((ff) => ff.find((f) => f.field === 3)?.value),
        geometries: features.map((ff) => packed(ff.find((f) => f.field === 4)?.bytes)),
        features: features.length,
        keys: lf.filter((f) => f.field === 3).map((f) => text(f.bytes)),
        values: lf.filter((f) => f.field === 4).flatMap((v) => fields(v.bytes!).filter((f) => f.field === 1).map((f) => text(f.bytes))),
      };
    });
}

/** Slippy-map tile containing lon/lat at zoom z. */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

const lon = 0.5;
const lat = 51.5;
let platformId: string;

beforeAll(async () => {
  platformId = (await makeOrg('platform')).id;
  await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.02), demand: 'high', name: 'Tile Zone' });
  await makeZone({ ownerOrgId: platformId, box: around(lon, lat, 0.01), status: 'archived', name: 'Archived Zone' });
  const provider = await makeOrg('provider');
  await makeZone({ ownerOrgId: provider.id, ownerKind: 'provider', box: around(lon, lat, 0.01), name: 'Provider Area' });
});

// PostgreSQL has PostGIS's encoder and the portable one; the embedded engine only the portable one.
const encoders = (): TileEncoder[] => (getDatabase().kind === 'postgres' ? ['postgis', 'portable'] : ['portable']);

/** Absolute tile coordinates of the first ring of a geometry command stream. */
function firstRing(cmds: number[]) {
  const zz = (n: number) => (n >>> 1) ^ -(n & 1);
  expect(cmds[0]).toBe((1 << 3) | 1); // MoveTo ×1
  let x = zz(cmds[1]);
  let y = zz(cmds[2]);
  const pts = [[x, y]];
  const lineCount = cmds[3] >> 3;
  expect(cmds[3] & 7).toBe(2); // LineTo
  for (let i = 0; i < lineCount; i++) {
    x += zz(cmds[4 + 2 * i]);
    y += zz(cmds[5 + 2 * i]);
    pts.push([x, y]);
  }
  expect(cmds[4 + 2 * lineCount]).toBe((1 << 3) | 7); // ClosePath
  return pts;
}

describe('zone tiles', () => {
  it('encodes active platform zones in layer "zones" at zooms 10, 12 and 14', async () => {
    for (const encoder of encoders()) {
      for (const z of [10, 12, 14]) {
        const buf = await zoneTile(anonCtx(), tileOf(lon, lat, z), encoder);
        expect(buf.length).toBeGreaterThan(0);
        const layers = decodeMvt(buf);
        expect(layers.map((l) => l.name)).toEqual(['zones']);
        expect(layers[0]).toMatchObject({ features: 1, extent: 4096, version: 2, types: [3] });
        expect(layers[0].keys.sort()).toEqual(['demand', 'id', 'name', 'status']);
        expect(layers[0].values).toEqual(expect.arrayContaining(['Tile Zone', 'high', 'active']));
        expect(layers[0].values).not.toContain('Archived Zone');
        expect(layers[0].values).not.toContain('Provider Area');
        const ring = firstRing(layers[0].geometries[0]);
        expect(ring.length).toBeGreaterThanOrEqual(4);
        for (const [px, py] of ring) {
          expect(px).toBeGreaterThanOrEqual(-64);
          expect(px).toBeLessThanOrEqual(4096 + 64);
          expect(py).toBeGreaterThanOrEqual(-64);
          expect(py).toBeLessThanOrEqual(4096 + 64);
        }
        // Exterior ring: positive area in tile coordinates (y down), i.e. clockwise on screen.
        let area = 0;
        for (let i = 0; i < ring.length; i++) area += ring[i][0] * ring[(i + 1) % ring.length][1] - ring[(i + 1) % ring.length][0] * ring[i][1];
        expect(area).toBeGreaterThan(0);
      }
    }
  });

  it('also works at low zoom (simplified) and accepts a .mvt suffix and string params', async () => {
    const t = tileOf(lon, lat, 4);
    for (const encoder of encoders()) {
      const buf = await zoneTile(anonCtx(), { z: String(t.z), x: String(t.x), y: `${t.y}.mvt` }, encoder);
      expect(decodeMvt(buf)[0].features).toBe(1);
    }
  });

  it('returns an empty buffer for a tile with no zones', async () => {
    for (const encoder of encoders()) {
      const buf = await zoneTile(anonCtx(), tileOf(-120, -40, 12), encoder);
      expect(buf.length).toBe(0);
    }
  });

  it('rejects an out-of-range z/x/y with 422', async () => {
    for (const bad of [
      { z: 23, x: 0, y: 0 },
      { z: -1, x: 0, y: 0 },
      { z: 2, x: 4, y: 0 },
      { z: 2, x: 0, y: 4 },
      { z: 2, x: -1, y: 0 },
      { z: 'a', x: 0, y: 0 },
      { z: 1.5, x: 0, y: 0 },
      { z: 10, x: '1e400', y: 0 },
    ]) {
      await expectAppError(zoneTile(anonCtx(), bad), 'VALIDATION');
    }
  });
});
