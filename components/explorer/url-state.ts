import { demandLevels, offerKinds, type BBox, type DemandLevel, type OfferKind } from '@/lib/geo/types';

/**
 * The explorer's whole state lives in the URL so a view can be shared: the map view (centre +
 * zoom, or a bbox), the filters, the open zone and the phone's list/map choice. This module is
 * pure (no React, no server code) so the server page and the client parse it the same way.
 * Prices are integer minor units in the URL and the API, and shown in pounds.
 */

export interface ExplorerView {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ExplorerFilters {
  q: string;
  category: string;
  demand: DemandLevel[];
  available: boolean;
  priceMin: number | null;
  priceMax: number | null;
  rating: number | null;
  offer: OfferKind | null;
}

export type PhoneMode = 'list' | 'map';

export interface ExplorerUrlState {
  view: ExplorerView;
  /** Only when the URL carried an explicit bbox (a shared link); otherwise derived from the view. */
  bbox: BBox | null;
  filters: ExplorerFilters;
  zone: string | null;
  mode: PhoneMode;
}

/** London, the launch market. */
export const DEFAULT_VIEW: ExplorerView = { lon: -0.1276, lat: 51.5072, zoom: 11 };
export const EMPTY_FILTERS: ExplorerFilters = {
  q: '',
  category: '',
  demand: [],
  available: false,
  priceMin: null,
  priceMax: null,
  rating: null,
  offer: null,
};
export const RESULT_LIMIT = 30;
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 18;

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(raw: RawParams) {
  return (key: string): string | undefined => {
    if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
    const v = raw[key];
    return Array.isArray(v) ? v[0] : v;
  };
}

function num(v: string | undefined, min: number, max: number): number | null {
  if (v === undefined || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Money in the URL: a whole number of minor units, never negative, never beyond the safe range. */
function minor(v: string | undefined): number | null {
  if (v === undefined || !/^\d{1,16}$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : null;
}

export function parseBBox(v: string | undefined): BBox | null {
  if (!v) return null;
  const parts = v.split(',').map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [w, s, e, n] = parts as BBox;
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
  return [w, s, e, n];
}

/** Anything malformed falls back to its default: a bad shared link still opens the explorer. */
export function parseExplorerParams(raw: RawParams): ExplorerUrlState {
  const get = getter(raw);
  const bbox = parseBBox(get('bbox'));
  const lon = num(get('lon'), -180, 180);
  const lat = num(get('lat'), -85, 85);
  const zoom = num(get('zoom'), MIN_ZOOM, MAX_ZOOM);
  let view: ExplorerView;
  if (lon !== null && lat !== null) view = { lon, lat, zoom: zoom ?? DEFAULT_VIEW.zoom };
  else if (bbox) view = viewFromBBox(bbox, DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height);
  else view = { ...DEFAULT_VIEW, zoom: zoom ?? DEFAULT_VIEW.zoom };

  const demand = (get('demand') ?? '')
    .split(',')
    .filter((d): d is DemandLevel => (demandLevels as readonly string[]).includes(d));
  const rating = num(get('rating'), 1, 5);
  const offer = get('offer');
  const category = get('category') ?? '';
  const zone = get('zone') ?? '';
  return {
    view,
    bbox: lon !== null && lat !== null ? null : bbox,
    filters: {
      q: (get('q') ?? '').slice(0, 100),
      category: /^[a-z0-9-]{1,64}$/.test(category) ? category : '',
      demand: [...new Set(demand)],
      available: get('available') === '1' || get('available') === 'true',
      priceMin: minor(get('priceMin')),
      priceMax: minor(get('priceMax')),
      rating: rating === null ? null : Math.round(rating),
      offer: (offerKinds as readonly string[]).includes(offer ?? '') ? (offer as OfferKind) : null,
    },
    zone: /^[0-9a-f-]{36}$/i.test(zone) ? zone : null,
    mode: get('view') === 'map' ? 'map' : 'list',
  };
}

function round(n: number, digits: number): string {
  return String(Number(n.toFixed(digits)));
}

/** The page URL's query: only what differs from the defaults, so plain links stay short. */
export function toUrlParams(state: { view: ExplorerView; filters: ExplorerFilters; zone: string | null; mode: PhoneMode }): URLSearchParams {
  const p = new URLSearchParams();
  const { view, filters: f } = state;
  const isDefaultView = view.lon === DEFAULT_VIEW.lon && view.lat === DEFAULT_VIEW.lat && view.zoom === DEFAULT_VIEW.zoom;
  if (!isDefaultView) {
    p.set('lon', round(view.lon, 5));
    p.set('lat', round(view.lat, 5));
    p.set('zoom', round(view.zoom, 2));
  }
  appendFilters(p, f);
  if (state.zone) p.set('zone', state.zone);
  if (state.mode === 'map') p.set('view', 'map');
  return p;
}

function appendFilters(p: URLSearchParams, f: ExplorerFilters) {
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.category) p.set('category', f.category);
  if (f.demand.length) p.set('demand', demandLevels.filter((d) => f.demand.includes(d)).join(','));
  if (f.available) p.set('available', '1');
  if (f.priceMin !== null) p.set('priceMin', String(f.priceMin));
  if (f.priceMax !== null) p.set('priceMax', String(f.priceMax));
  if (f.rating !== null) p.set('rating', String(f.rating));
  if (f.offer) p.set('offer', f.offer);
}

/** The query for GET /api/v1/explorer/search (same names as the page URL, plus bbox/zoom/limit). */
export function searchApiParams(bbox: BBox, zoom: number, filters: ExplorerFilters, limit = RESULT_LIMIT): URLSearchParams {
  const p = new URLSearchParams();
  p.set('bbox', bbox.map((n) => round(n, 6)).join(','));
  p.set('zoom', String(Math.max(0, Math.min(22, Math.round(zoom)))));
  // A reversed price range is flagged beside the boxes; the search ignores the upper bound
  // meanwhile instead of failing.
  const reversed = filters.priceMin !== null && filters.priceMax !== null && filters.priceMin > filters.priceMax;
  appendFilters(p, reversed ? { ...filters, priceMax: null } : filters);
  // Price bounds are typed in pounds, so they compare against GBP prices.
  if (filters.priceMin !== null || filters.priceMax !== null) p.set('currency', 'GBP');
  p.set('limit', String(limit));
  return p;
}

export function activeFilterCount(f: ExplorerFilters): number {
  return (
    (f.q.trim() ? 1 : 0) +
    (f.category ? 1 : 0) +
    (f.demand.length ? 1 : 0) +
    (f.available ? 1 : 0) +
    (f.priceMin !== null || f.priceMax !== null ? 1 : 0) +
    (f.rating !== null ? 1 : 0) +
    (f.offer ? 1 : 0)
  );
}

// ---- Web Mercator (512 px tiles, as maplibre and mapbox use) ----------------------------------

/** The map pane a laptop shows, used before the browser reports the real size (server render). */
export const DEFAULT_VIEWPORT = { width: 800, height: 700 };
const TILE = 512;

function worldSize(zoom: number) {
  return TILE * 2 ** zoom;
}
function lonToX(lon: number, ws: number) {
  return ((lon + 180) / 360) * ws;
}
function latToY(lat: number, ws: number) {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * ws;
}
function xToLon(x: number, ws: number) {
  return (x / ws) * 360 - 180;
}
function yToLat(y: number, ws: number) {
  const n = Math.PI - (2 * Math.PI * y) / ws;
  return (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n)));
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** The bbox a map of `width`×`height` px shows around a view (what the map would report). */
export function bboxAround(view: ExplorerView, width: number, height: number): BBox {
  const ws = worldSize(view.zoom);
  const cx = lonToX(view.lon, ws);
  const cy = latToY(clamp(view.lat, -85, 85), ws);
  return [
    clamp(xToLon(cx - width / 2, ws), -180, 180),
    clamp(yToLat(cy + height / 2, ws), -85, 85),
    clamp(xToLon(cx + width / 2, ws), -180, 180),
    clamp(yToLat(cy - height / 2, ws), -85, 85),
  ];
}

/** The centre and the largest zoom at which `bbox` fits in `width`×`height` px. */
export function viewFromBBox(bbox: BBox, width: number, height: number): ExplorerView {
  const [w, s, e, n] = bbox;
  const ws0 = worldSize(0);
  const dx = lonToX(e, ws0) - lonToX(w, ws0);
  const dy = latToY(clamp(s, -85, 85), ws0) - latToY(clamp(n, -85, 85), ws0);
  const zoom = clamp(Math.floor(Math.log2(Math.min(width / Math.max(dx, 1e-9), height / Math.max(dy, 1e-9))) * 100) / 100, MIN_ZOOM, MAX_ZOOM);
  const cy = (latToY(clamp(s, -85, 85), ws0) + latToY(clamp(n, -85, 85), ws0)) / 2;
  return { lon: (w + e) / 2, lat: yToLat(cy, ws0), zoom };
}
