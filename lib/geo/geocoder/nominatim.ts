/**
 * Optional online geocoder for a Nominatim-compatible search endpoint (GEOCODER_URL). Used only
 * when that setting is present; on any failure (timeout, HTTP error, unexpected JSON) the caller
 * falls back to the offline gazetteer.
 *
 * SSRF: the only URL ever fetched is the configured one — the user's text goes into the `q`
 * search parameter, never into the host or path, and redirects are not followed.
 */
import { z } from 'zod';
import type { PlaceHit } from '../types';
import type { Geocoder, GeocoderOptions } from './types';

export const NOMINATIM_TIMEOUT_MS = 3000;

const hitSchema = z.object({
  place_id: z.union([z.number(), z.string()]).optional(),
  osm_type: z.string().optional(),
  osm_id: z.union([z.number(), z.string()]).optional(),
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  display_name: z.string().min(1).max(500),
  name: z.string().max(300).optional(),
});

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Splits "Tower Bridge, Tower Hill, London, SE1 2UP, United Kingdom" into a name and a region. */
function splitDisplayName(display: string, name?: string): { name: string; region: string } {
  const parts = display.split(',').map((p) => p.trim()).filter(Boolean);
  const first = name?.trim() || parts[0] || display;
  const rest = parts.slice(parts[0] === first ? 1 : 0).slice(0, 3).join(', ');
  return { name: first.slice(0, 200), region: rest.slice(0, 200) };
}

export function nominatimGeocoder(baseUrl: string, fetchImpl: FetchLike = fetch): Geocoder {
  const endpoint = new URL(baseUrl);
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') throw new Error('GEOCODER_URL must be an http(s) URL');
  return {
    name: 'nominatim',
    async search(q: string, opts: GeocoderOptions): Promise<PlaceHit[]> {
      const url = new URL(endpoint.toString());
      url.searchParams.set('q', q);
      url.searchParams.set('format', 'jsonv2');
      url.searchParams.set('limit', String(Math.max(1, Math.min(20, opts.limit))));
      if (opts.near) {
        // A soft preference box of about ±0.5° around the map centre (results outside still allowed).
        const [lon, lat] = opts.near;
        url.searchParams.set('viewbox', [lon - 0.5, lat + 0.5, lon + 0.5, lat - 0.5].map((v) => v.toFixed(5)).join(','));
      }
      const res = await fetchImpl(url.toString(), {
        method: 'GET',
        redirect: 'error',
        headers: { accept: 'application/json', 'user-agent': 'Fixnado place search' },
        signal: AbortSignal.timeout(NOMINATIM_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`geocoder answered HTTP ${res.status}`);
      const body: unknown = await res.json();
      if (!Array.isArray(body)) throw new Error('geocoder answered with something other than a list');
      const hits: PlaceHit[] = [];
      for (const item of body) {
        const parsed = hitSchema.safeParse(item);
        if (!parsed.success) continue;
        const h = parsed.data;
        const { name, region } = splitDisplayName(h.display_name, h.name);
        const id = h.osm_type && h.osm_id !== undefined ? `osm:${h.osm_type}:${h.osm_id}` : `nominatim:${h.place_id ?? `${h.lon},${h.lat}`}`;
        hits.push({ id, name, kind: 'address', region, lon: h.lon, lat: h.lat });
        if (hits.length >= opts.limit) break;
      }
      return hits;
    },
  };
}
