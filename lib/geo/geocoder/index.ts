/**
 * Place search: picks the geocoder from configuration (the online adapter only when GEOCODER_URL
 * is set, the offline gazetteer otherwise) and falls back to the gazetteer when the online one
 * fails, so the place box always answers.
 */
import { env } from '@/lib/core/env';
import type { Ctx } from '@/lib/core/context';
import { logger } from '@/lib/core/logger';
import { parseInput } from '@/lib/core/validate';
import { placesInput } from '../match-schemas';
import type { PlaceHit } from '../types';
import { gazetteerGeocoder, normaliseQuery } from './gazetteer';
import { nominatimGeocoder, type FetchLike } from './nominatim';
import type { Geocoder, GeocoderOptions } from './types';

export type { Geocoder, GeocoderOptions } from './types';
export { gazetteerGeocoder, outwardCode } from './gazetteer';
export { nominatimGeocoder } from './nominatim';

/** Online first with the gazetteer behind it; any online failure is logged and answered offline. */
export function withFallback(primary: Geocoder, fallback: Geocoder): Geocoder {
  return {
    name: `${primary.name}+${fallback.name}`,
    async search(q, opts) {
      try {
        const hits = await primary.search(q, opts);
        if (hits.length) return hits;
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err), geocoder: primary.name }, 'online geocoder failed; answering from the gazetteer');
      }
      return fallback.search(q, opts);
    },
  };
}

export function geocoder(opts: { url?: string; fetchImpl?: FetchLike } = {}): Geocoder {
  const url = opts.url ?? env().GEOCODER_URL;
  const offline = gazetteerGeocoder();
  return url ? withFallback(nominatimGeocoder(url, opts.fetchImpl), offline) : offline;
}

/** GET /api/v1/geo/places — public. */
export async function searchPlaces(_ctx: Ctx, raw: unknown, impl: Geocoder = geocoder()): Promise<{ places: PlaceHit[] }> {
  const input = parseInput(placesInput, raw);
  const q = normaliseQuery(input.q);
  if (q.length < 1) return { places: [] };
  const options: GeocoderOptions = { limit: input.limit, ...(input.near ? { near: input.near as [number, number] } : {}) };
  return { places: await impl.search(q, options) };
}
