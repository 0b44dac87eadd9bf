/**
 * The offline geocoder: the `places` gazetteer of the seeded city (areas, postcode districts,
 * landmarks, stations). Works with no network at all, which is the default.
 *
 * Ranking: an exact postcode district first ("sw1a 1aa" → SW1A: a full postcode is matched on its
 * outward code, case and spaces ignored), then names starting with the text (the prefix branch
 * uses places_name_lower_idx with text_pattern_ops), then names containing it; within a tier by
 * prominence (rank), then nearness to `near`, then name.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Executor } from '@/db/client';
import type { PlaceHit } from '../types';
import type { Geocoder, GeocoderOptions } from './types';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** UK outward code of a full or partial postcode ("SW1A 1AA" → "SW1A"), or null when it is not one. */
export function outwardCode(q: string): string | null {
  const compact = q.replace(/\s+/g, '').toUpperCase();
  const full = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/.exec(compact);
  if (full) return full[1];
  const outward = /^[A-Z]{1,2}\d[A-Z\d]?$/.exec(compact);
  return outward ? outward[0] : null;
}

export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().slice(0, 100);
}

interface Row {
  id: string;
  name: string;
  kind: PlaceHit['kind'];
  region: string;
  lon: number | string;
  lat: number | string;
}

export function gazetteerGeocoder(executor: () => Executor = db): Geocoder {
  return {
    name: 'gazetteer',
    async search(raw: string, opts: GeocoderOptions): Promise<PlaceHit[]> {
      const q = normaliseQuery(raw).toLowerCase();
      if (!q) return [];
      const limit = Math.max(1, Math.min(50, Math.floor(opts.limit)));
      const postcode = outwardCode(q);
      const prefix = `${escapeLike(q)}%`;
      const contains = `%${escapeLike(q)}%`;
      const near = opts.near ? sql`ST_SetSRID(ST_MakePoint(${opts.near[0]}::float8, ${opts.near[1]}::float8), 4326)` : null;
      const nearness = near ? sql`(point <-> ${near})::float8` : sql`0::float8`;
      const rows = rowsOf<Row>(
        await executor().execute(sql`
          select id, name, kind, region, lon, lat from (
            ${
              postcode
                ? sql`(select id, name, kind, region, ST_X(point) as lon, ST_Y(point) as lat, rank, 0 as tier, ${nearness} as near_d
                       from places where kind = 'postcode' and upper(replace(name, ' ', '')) = ${postcode}
                       limit ${limit})
                      union all`
                : sql``
            }
            (select id, name, kind, region, ST_X(point) as lon, ST_Y(point) as lat, rank, 1 as tier, ${nearness} as near_d
             from places where lower(name) like ${prefix}
             order by rank desc, ${nearness}, name limit ${limit * 2})
            union all
            (select id, name, kind, region, ST_X(point) as lon, ST_Y(point) as lat, rank, 2 as tier, ${nearness} as near_d
             from places where lower(name) like ${contains} and lower(name) not like ${prefix}
             order by rank desc, ${nearness}, name limit ${limit})
          ) hits
          order by tier, rank desc, near_d, name, id`),
      );
      const seen = new Set<string>();
      const out: PlaceHit[] = [];
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        out.push({ id: r.id, name: r.name, kind: r.kind, region: r.region, lon: Number(r.lon), lat: Number(r.lat) });
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}
