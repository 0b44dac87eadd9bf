/**
 * Matching: which zones contain a point and which providers serve it, ranked by the documented
 * score (lib/geo/score.ts) with an explanation per provider. Public: everything returned is shown
 * on the explorer anyway (provider names, prices, zones).
 *
 * Eligibility — a provider serves the point at instant `at` when it has a zone_coverage row
 * effective at `at` (effective_from ≤ at < effective_to, open-ended when null) for an ACTIVE
 * service, restricted to the requested categories, in an ACTIVE zone that is either
 *   - a platform zone in the response (containing the point, or the fallback zone), or
 *   - the provider's OWN service area containing the point (a provider cannot list another
 *     provider's area).
 * Zones in the response are active platform zones containing the point (boundary included),
 * filtered by demand level; when none contains it, the nearest one within the radius, flagged
 * `fallback` — its providers' coverage counts half (see score.ts).
 *
 * Two SQL round trips: (1) zones — GiST `ST_Intersects` for containment and KNN `<->` for the
 * fallback; (2) providers with everything the score needs. Ranking happens in TypeScript so the
 * formula lives in one place.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import {
  MATCH_DEFAULT_RADIUS_M,
  MATCH_PROVIDER_LIMIT,
  matchInput,
  type MatchQuery,
} from './match-schemas';
import { availabilityFromHours, scoreFormula, scoreProvider, scoreWeights } from './score';
import type { DemandLevel, MatchedProvider, MatchedService, MatchedZone, MatchResult } from './types';

/** KNN candidates checked with the exact geodesic distance (planar degree distance ≠ metres). */
const FALLBACK_CANDIDATES = 8;
/** Candidates ranked in TypeScript; the best by coverage and distance when a point is very busy. */
const PROVIDER_CANDIDATES = 1000;

const demandRank: Record<DemandLevel, number> = { high: 3, medium: 2, low: 1 };

export function pointSql(lon: number, lat: number): SQL {
  return sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
}

interface ZoneRow {
  id: string;
  name: string;
  demand_level: DemandLevel;
  owner_kind: 'platform' | 'provider';
  owner_org_id: string;
  fallback: boolean;
  distance_m: number | string;
}

/**
 * Zones SQL — the point-in-zone branch must stay `ST_Intersects(geom, point)` on the bare column
 * so zones_geom_gix drives it; the fallback runs only when no platform zone contains the point.
 */
export function zonesQuery(q: { lon: number; lat: number; radiusM: number; demand?: DemandLevel[] }): SQL {
  const pt = pointSql(q.lon, q.lat);
  const demand = q.demand?.length ? sql`and z.demand_level in (${sql.join(q.demand.map((d) => sql`${d}::demand_level`), sql`, `)})` : sql``;
  return sql`
    with inside as (
      select z.id, z.name, z.demand_level, z.owner_kind, z.owner_org_id, false as fallback, 0::float8 as distance_m
      from zones z
      where ST_Intersects(z.geom, ${pt}) and z.status = 'active' ${demand}
    ),
    nearest as (
      select c.id, c.name, c.demand_level, c.owner_kind, c.owner_org_id, true as fallback, c.distance_m
      from (
        select k.*, ST_Distance(k.geom::geography, ${pt}::geography) as distance_m
        from (
          select z.id, z.name, z.demand_level, z.owner_kind, z.owner_org_id, z.geom
          from zones z
          where z.status = 'active' and z.owner_kind = 'platform' ${demand}
            and not exists (select 1 from inside i where i.owner_kind = 'platform')
          order by z.geom <-> ${pt}
          limit ${FALLBACK_CANDIDATES}
        ) k
      ) c
      where c.distance_m <= ${q.radiusM}::float8
      order by c.distance_m, c.id
      limit 1
    )
    select * from inside
    union all
    select * from nearest`;
}

interface ProviderRow {
  org_id: string;
  slug: string;
  name: string;
  time_zone: string;
  lon: number | string;
  lat: number | string;
  distance_m: number | string;
  rating_x100: number | null;
  rating_count: number | string;
  has_hours: boolean;
  closes_at: string | null;
  best_priority: number | string;
  best_direct_priority: number | string | null;
  own_area_only: boolean;
  demand_rank: number | string | null;
  zone_ids: string[] | string | null;
  services: Array<{ id: string; title: string; categorySlug: string; priceMinor: string; currency: string }> | string;
}

/** Providers SQL (also compiled by the bench's bare floor server, so both run the same statement). */
export function providersQuery(q: {
  lon: number;
  lat: number;
  at: Date;
  platformZoneIds: string[];
  fallbackZoneIds: string[];
  ownAreaIds: string[];
  categories?: string[];
}): SQL {
  const pt = pointSql(q.lon, q.lat);
  const at = q.at.toISOString();
  const uuidArray = (ids: string[]) => (ids.length ? sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]` : sql`array[]::uuid[]`);
  const allZoneIds = [...q.platformZoneIds, ...q.ownAreaIds];
  const categories = q.categories?.length ? sql`and c.slug in (${sql.join(q.categories.map((s) => sql`${s}`), sql`, `)})` : sql``;
  return sql`
    with cov as (
      select zc.provider_org_id, zc.zone_id, zc.priority, z.owner_kind, z.demand_level,
             (zc.zone_id = any(${uuidArray(q.fallbackZoneIds)})) as via_fallback,
             s.id as service_id, s.title, s.price_minor, s.currency, c.slug as category_slug
      from zone_coverage zc
      join zones z on z.id = zc.zone_id and z.status = 'active'
      join services s on s.id = zc.service_id and s.status = 'active' and s.provider_org_id = zc.provider_org_id
      join service_categories c on c.id = s.category_id
      where zc.zone_id = any(${uuidArray(allZoneIds)})
        and zc.effective_from <= ${at}::timestamptz
        and (zc.effective_to is null or zc.effective_to > ${at}::timestamptz)
        and (z.owner_kind = 'platform' or z.owner_org_id = zc.provider_org_id)
        ${categories}
    ),
    agg as (
      select provider_org_id,
             min(priority) as best_priority,
             min(priority) filter (where not via_fallback) as best_direct_priority,
             bool_and(owner_kind = 'provider') as own_area_only,
             max(case demand_level when 'high' then 3 when 'medium' then 2 else 1 end) as demand_rank,
             array_agg(distinct zone_id) filter (where owner_kind = 'platform') as zone_ids,
             json_agg(distinct jsonb_build_object('id', service_id, 'title', title, 'categorySlug', category_slug,
                                                  'priceMinor', price_minor::text, 'currency', currency)) as services
      from cov
      group by provider_org_id
    )
    select o.id as org_id, o.slug, o.name, o.time_zone,
           ST_X(p.base_point) as lon, ST_Y(p.base_point) as lat,
           ST_Distance(p.base_point::geography, ${pt}::geography) as distance_m,
           p.rating_x_100 as rating_x100, p.rating_count,
           exists (select 1 from provider_hours h0 where h0.org_id = o.id) as has_hours,
           (select h.closes_at::text from provider_hours h
             where h.org_id = o.id
               and h.weekday = extract(isodow from (${at}::timestamptz at time zone o.time_zone))
               and (${at}::timestamptz at time zone o.time_zone)::time >= h.opens_at
               and (${at}::timestamptz at time zone o.time_zone)::time < h.closes_at
             order by h.closes_at desc limit 1) as closes_at,
           a.best_priority, a.best_direct_priority, a.own_area_only, a.demand_rank, a.zone_ids, a.services
    from agg a
    join organisations o on o.id = a.provider_org_id and o.kind = 'provider'
    join provider_profiles p on p.org_id = o.id
    order by coalesce(a.best_direct_priority, a.best_priority + 5), distance_m, o.id
    limit ${PROVIDER_CANDIDATES}`;
}

const asNumber = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function parseJson<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

function parseUuidArray(v: string[] | string | null): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  // PGlite may hand back the text form "{a,b}".
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

const levelOfRank = (r: number | null): DemandLevel | null => (r === 3 ? 'high' : r === 2 ? 'medium' : r === 1 ? 'low' : null);

/** match(point, radius?, categories?, demand levels?, at?) — see the module comment. */
export async function match(ctx: Ctx, raw: unknown): Promise<MatchResult> {
  const input: MatchQuery = parseInput(matchInput, raw);
  const radiusM = input.radiusM ?? MATCH_DEFAULT_RADIUS_M;
  const at = input.at ?? ctx.now;
  const x = exec(ctx);

  const zoneRows = rowsOf<ZoneRow>(await x.execute(zonesQuery({ lon: input.lon, lat: input.lat, radiusM, demand: input.demand })));
  const platform = zoneRows.filter((z) => z.owner_kind === 'platform');
  const ownAreas = zoneRows.filter((z) => z.owner_kind === 'provider');
  const fallback = platform.some((z) => z.fallback);
  const zones: MatchedZone[] = platform
    .map((z) => ({ id: z.id, name: z.name, demandLevel: z.demand_level, ownerKind: z.owner_kind, fallback: z.fallback, distanceM: Math.round(Number(z.distance_m)) }))
    .sort((a, b) => demandRank[b.demandLevel] - demandRank[a.demandLevel] || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const base = { point: [input.lon, input.lat] as [number, number], at: at.toISOString(), radiusM, fallback, zones, scoring: { weights: { ...scoreWeights }, formula: scoreFormula } };
  if (!platform.length && !ownAreas.length) return { ...base, providers: [] };

  const rows = rowsOf<ProviderRow>(
    await x.execute(
      providersQuery({
        lon: input.lon,
        lat: input.lat,
        at,
        platformZoneIds: platform.map((z) => z.id),
        fallbackZoneIds: platform.filter((z) => z.fallback).map((z) => z.id),
        ownAreaIds: ownAreas.map((z) => z.id),
        categories: input.categories,
      }),
    ),
  );

  const providers = rows.map((r): MatchedProvider => {
    const distanceM = Number(r.distance_m);
    const ratingCount = Number(r.rating_count);
    const rating = r.rating_x100 !== null && ratingCount > 0 ? { average: r.rating_x100 / 100, count: ratingCount } : null;
    const bestDirect = asNumber(r.best_direct_priority);
    const viaFallbackOnly = bestDirect === null;
    const priority = viaFallbackOnly ? Number(r.best_priority) : bestDirect;
    const availability = availabilityFromHours({ hasHours: r.has_hours, openNow: r.closes_at !== null, closesAt: r.closes_at, timeZone: r.time_zone });
    const { score, components } = scoreProvider({
      demandLevel: levelOfRank(asNumber(r.demand_rank)),
      coveragePriority: priority,
      viaFallbackOnly,
      viaOwnArea: r.own_area_only,
      distanceM,
      radiusM,
      availability,
      rating,
    });
    const services: MatchedService[] = parseJson(r.services)
      .map((s) => ({ id: s.id, title: s.title, categorySlug: s.categorySlug, priceMinor: toWire(toMinor(s.priceMinor)), currency: s.currency }))
      .sort((a, b) => a.priceMinor - b.priceMinor || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    return {
      orgId: r.org_id,
      slug: r.slug,
      name: r.name,
      score,
      components,
      zoneIds: parseUuidArray(r.zone_ids).sort(),
      services,
      distanceM: Math.round(distanceM),
      availableNow: availability.value === 1,
      rating,
      basePoint: [Number(r.lon), Number(r.lat)],
    };
  });
  // Deterministic: score, then nearer, then id.
  providers.sort((a, b) => b.score - a.score || a.distanceM - b.distanceM || (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  return { ...base, providers: providers.slice(0, MATCH_PROVIDER_LIMIT) };
}
