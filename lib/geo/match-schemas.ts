/**
 * Inputs of matching, explorer search, tiles, place search and favourites. Client-safe (zod only):
 * the same schemas validate route query strings (everything arrives as a string) and server-action
 * objects, so each field accepts its string form too.
 */
import { z } from 'zod';
import { demandLevels, offerKinds } from './types';

/** A finite number, also from its string form. An empty string is missing, never 0. */
const num = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z.number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) }),
  );

const int = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z.number({ error: (i) => (i.input === undefined ? `${label} is required` : `${label} must be a number`) }).int({ error: `${label} must be a whole number` }),
  );

/** "a,b,c" or ["a","b"] → ["a","b","c"]; blanks dropped. */
const list = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === '') return undefined;
      const parts = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : v;
      return Array.isArray(parts) ? parts.map((p) => (typeof p === 'string' ? p.trim() : p)).filter((p) => p !== '') : parts;
    },
    z.array(item).max(max, { error: `at most ${max} ${label}` }).optional(),
  );

const flag = z.preprocess((v) => {
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === '') return undefined;
    if (s === '1' || s === 'true' || s === 'yes') return true;
    if (s === '0' || s === 'false' || s === 'no') return false;
  }
  return v;
}, z.boolean({ error: 'must be 1 or 0' }).optional());

export const categorySlug = z
  .string()
  .min(1)
  .max(64, { error: 'category slug is too long' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be a category slug like "plumbing"' });

const instant = z
  .union([z.date(), z.string().trim()])
  .transform((v, c) => {
    const d = v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(v) ? new Date(v) : new Date(NaN);
    if (Number.isNaN(d.getTime())) {
      c.addIssue({ code: 'custom', message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-05-01T09:30:00Z' });
      return z.NEVER;
    }
    return d;
  });

export const MATCH_DEFAULT_RADIUS_M = 5_000;
export const MATCH_MAX_RADIUS_M = 50_000;
export const MATCH_PROVIDER_LIMIT = 50;

export const matchInput = z.object({
  lon: num('longitude').pipe(z.number().min(-180, { error: 'longitude must be between -180 and 180' }).max(180, { error: 'longitude must be between -180 and 180' })),
  lat: num('latitude').pipe(z.number().min(-90, { error: 'latitude must be between -90 and 90' }).max(90, { error: 'latitude must be between -90 and 90' })),
  radiusM: num('radius')
    .pipe(z.number().min(1, { error: 'radius must be at least 1 m' }).max(MATCH_MAX_RADIUS_M, { error: `radius must be at most ${MATCH_MAX_RADIUS_M} m` }))
    .optional(),
  categories: list(categorySlug, 20, 'categories'),
  demand: list(z.enum(demandLevels, { error: 'must be high, medium or low' }), 3, 'demand levels'),
  at: instant.optional(),
});
export type MatchInput = z.input<typeof matchInput>;
export type MatchQuery = z.output<typeof matchInput>;

export const EXPLORER_MARKER_POINT_LIMIT = 500;
export const EXPLORER_MAX_SPAN_DEG = 30;

/** "w,s,e,n" → [w, s, e, n], validated (in range, west < east, south < north). */
export const bboxParam = z
  .union([z.string(), z.array(z.union([z.number(), z.string()]))])
  .transform((v, c) => {
    const parts = (typeof v === 'string' ? v.split(',') : v).map((p) => (typeof p === 'string' ? (p.trim() === '' ? NaN : Number(p)) : p));
    const fail = (message: string) => {
      c.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return fail('must be four numbers: west,south,east,north');
    const [w, s, e, n] = parts as [number, number, number, number];
    if (w < -180 || e > 180) return fail('longitudes must be between -180 and 180');
    if (s < -90 || n > 90) return fail('latitudes must be between -90 and 90');
    if (w >= e) return fail('west must be less than east (boxes across the antimeridian are not supported)');
    if (s >= n) return fail('south must be less than north');
    return [w, s, e, n] as [number, number, number, number];
  });

const minor = (label: string) =>
  int(label).pipe(
    z
      .number()
      .min(0, { error: `${label} cannot be negative` })
      .max(Number.MAX_SAFE_INTEGER, { error: `${label} is above the safe integer range` }),
  );

export const explorerSearchInput = z
  .object({
    bbox: bboxParam,
    zoom: num('zoom').pipe(z.number().min(0, { error: 'zoom must be between 0 and 22' }).max(22, { error: 'zoom must be between 0 and 22' })).default(11),
    q: z.string().trim().max(100, { error: 'search text is at most 100 characters' }).optional(),
    category: z.preprocess((v) => (v === '' ? undefined : v), categorySlug.optional()),
    demand: list(z.enum(demandLevels, { error: 'must be high, medium or low' }), 3, 'demand levels'),
    available: flag,
    priceMin: z.preprocess((v) => (v === '' ? undefined : v), minor('minimum price').optional()),
    priceMax: z.preprocess((v) => (v === '' ? undefined : v), minor('maximum price').optional()),
    /** Currency the price range is in (prices in other currencies are not compared). */
    currency: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^[A-Z]{3}$/, { error: 'must be a 3-letter currency code' }).optional()),
    rating: z.preprocess((v) => (v === '' ? undefined : v), num('rating').pipe(z.number().min(1, { error: 'rating must be between 1 and 5' }).max(5, { error: 'rating must be between 1 and 5' })).optional()),
    offer: z.preprocess((v) => (v === '' ? undefined : v), z.enum(offerKinds, { error: 'must be rent or buy' }).optional()),
    limit: int('limit').pipe(z.number().min(1, { error: 'limit must be between 1 and 100' }).max(100, { error: 'limit must be between 1 and 100' })).default(30),
  })
  .superRefine((v, c) => {
    if (v.priceMin !== undefined && v.priceMax !== undefined && v.priceMin > v.priceMax) {
      c.addIssue({ code: 'custom', path: ['priceMax'], message: 'maximum price must not be below the minimum price' });
    }
  });
export type ExplorerSearchInput = z.input<typeof explorerSearchInput>;
export type ExplorerSearchQuery = z.output<typeof explorerSearchInput>;

export const TILE_MAX_ZOOM = 22;

export const tileInput = z
  .object({
    z: int('z').pipe(z.number().min(0, { error: `z must be between 0 and ${TILE_MAX_ZOOM}` }).max(TILE_MAX_ZOOM, { error: `z must be between 0 and ${TILE_MAX_ZOOM}` })),
    x: int('x').pipe(z.number().min(0, { error: 'x cannot be negative' })),
    // Accept "12.mvt" / "12.pbf" as map clients often append the format to the last segment.
    y: z.preprocess((v) => (typeof v === 'string' ? v.replace(/\.(mvt|pbf)$/i, '') : v), int('y').pipe(z.number().min(0, { error: 'y cannot be negative' }))),
  })
  .superRefine((v, c) => {
    const n = 2 ** v.z;
    if (v.x >= n) c.addIssue({ code: 'custom', path: ['x'], message: `x must be below ${n} at zoom ${v.z}` });
    if (v.y >= n) c.addIssue({ code: 'custom', path: ['y'], message: `y must be below ${n} at zoom ${v.z}` });
  });
export type TileInput = z.input<typeof tileInput>;

export const placesInput = z.object({
  q: z.string({ error: 'search text is required' }).trim().max(100, { error: 'search text is at most 100 characters' }),
  limit: int('limit').pipe(z.number().min(1, { error: 'limit must be between 1 and 20' }).max(20, { error: 'limit must be between 1 and 20' })).default(8),
  near: z
    .preprocess(
      (v) => (v === '' || v === undefined ? undefined : typeof v === 'string' ? v.split(',').map((p) => Number(p)) : v),
      z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], { error: 'must be lon,lat' }).optional(),
    )
    .optional(),
});
export type PlacesInput = z.input<typeof placesInput>;

export const toggleFavouriteInput = z.object({
  providerOrgId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'must be a provider id' }).toLowerCase(),
  favourite: flag.pipe(z.boolean({ error: 'must be true or false' })),
});
export type ToggleFavouriteInput = z.input<typeof toggleFavouriteInput>;
