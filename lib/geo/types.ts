/**
 * Wire types of the geo domain, shared by lib/geo (server), the route handlers and the map/list
 * clients. Coordinates are [lon, lat] (GeoJSON order). Money is integer minor units + currency.
 * Nothing here imports server code, so client components may import it.
 */

export const demandLevels = ['high', 'medium', 'low'] as const;
export type DemandLevel = (typeof demandLevels)[number];

export const zoneStatuses = ['draft', 'active', 'paused', 'archived'] as const;
export type ZoneStatus = (typeof zoneStatuses)[number];

export type LonLat = [number, number];
/** [west, south, east, north] */
export type BBox = [number, number, number, number];

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}
export type AreaGeometry = GeoJsonPolygon | GeoJsonMultiPolygon;

/** SLA targets in minutes: the zone's override, or the platform default when it has none. */
export interface ZoneSla {
  acceptanceOnDemandMinutes: number;
  acceptanceScheduledMinutes: number;
  arrivalMinutes: number;
  completionMinutes: number;
  /** Which of the four are this zone's own values (the rest are platform defaults). */
  overridden: Array<'acceptanceOnDemandMinutes' | 'acceptanceScheduledMinutes' | 'arrivalMinutes' | 'completionMinutes'>;
}

export interface ZoneSummary {
  id: string;
  name: string;
  ownerOrgId: string;
  ownerKind: 'platform' | 'provider';
  ownerName: string;
  demandLevel: DemandLevel;
  status: ZoneStatus;
  timeZone: string;
  currency: string;
  taxRegion: string;
  /** Overlapping platform zones: the highest priority governs a booking (then the smallest area). */
  priority: number;
  sla: ZoneSla;
  areaKm2: number;
  vertexCount: number;
  labelPoint: LonLat;
  version: number;
  updatedAt: string;
}

export interface ZoneDetail extends ZoneSummary {
  geometry: GeoJsonMultiPolygon;
  bbox: BBox;
}

export interface ZoneMetricsView {
  zoneId: string;
  bookingsByStatus: Record<string, number>;
  slaBreaches: number;
  meanMinutesToAcceptance: number | null;
  activeProviders: number;
  activeServices: number;
  openDemand: number;
  /** supply ÷ demand as basis points (10000 = 1.0); null while there is no open demand. */
  supplyDemandRatioBp: number | null;
  inventoryMatches: number;
  computedAt: string;
  /** When the latest analytics run finished (every zone is current as of that run). */
  lastRunAt: string | null;
}

// ---- Matching ---------------------------------------------------------------------------------

export const scoreKeys = ['demand', 'coverage', 'distance', 'availability', 'rating'] as const;
export type ScoreKey = (typeof scoreKeys)[number];

/** One term of the ranking score; `value` null = not known yet, left out and weights renormalised. */
export interface ScoreComponent {
  key: ScoreKey;
  weight: number;
  value: number | null;
  contribution: number;
  note: string;
}

export interface MatchedZone {
  id: string;
  name: string;
  demandLevel: DemandLevel;
  ownerKind: 'platform' | 'provider';
  /** True when no zone contains the point and this is the nearest within the radius. */
  fallback: boolean;
  distanceM: number;
}

export interface MatchedService {
  id: string;
  title: string;
  categorySlug: string;
  priceMinor: number;
  currency: string;
}

export interface MatchedProvider {
  orgId: string;
  slug: string;
  name: string;
  score: number;
  components: ScoreComponent[];
  zoneIds: string[];
  services: MatchedService[];
  distanceM: number;
  availableNow: boolean;
  rating: { average: number; count: number } | null;
  basePoint: LonLat;
}

export interface MatchResult {
  point: LonLat;
  at: string;
  radiusM: number;
  fallback: boolean;
  zones: MatchedZone[];
  providers: MatchedProvider[];
  scoring: { weights: Record<ScoreKey, number>; formula: string };
}

// ---- Explorer ---------------------------------------------------------------------------------

export const offerKinds = ['rent', 'buy'] as const;
export type OfferKind = (typeof offerKinds)[number];

export interface ExplorerProvider {
  orgId: string;
  slug: string;
  name: string;
  tagline: string;
  lon: number;
  lat: number;
  ratingAverage: number | null;
  ratingCount: number;
  priceFromMinor: number | null;
  currency: string | null;
  categories: string[];
  availableNow: boolean;
  offersRentals: boolean;
  offersSales: boolean;
  score: number;
}

export type ExplorerMarkers =
  | { mode: 'points'; points: Array<{ orgId: string; name?: string; lon: number; lat: number }> }
  | { mode: 'clusters'; clusters: Array<{ lon: number; lat: number; count: number }> };

export interface ExplorerResult {
  /** Providers in the view that pass every filter (the list and the markers count the same set). */
  total: number;
  /** The best-ranked page of them for the list. */
  providers: ExplorerProvider[];
  markers: ExplorerMarkers;
  /** Platform zones whose label point is in view (for HTML labels; at most 150, zoom ≥ 9). */
  zones: Array<{ id: string; name: string; demandLevel: DemandLevel; lon: number; lat: number }>;
  /** Gazetteer places in view for offline place labels (areas/landmarks; at most 60, zoom ≥ 12). */
  places: PlaceHit[];
}

export interface PlaceHit {
  id: string;
  name: string;
  kind: 'area' | 'postcode' | 'landmark' | 'station' | 'address';
  region: string;
  lon: number;
  lat: number;
}

export interface ZoneInsight {
  zone: Pick<ZoneSummary, 'id' | 'name' | 'demandLevel' | 'timeZone' | 'currency' | 'sla'>;
  metrics: ZoneMetricsView | null;
  services: Array<{ categorySlug: string; categoryName: string; providers: number }>;
}
