/**
 * Explorer search: providers whose crew base is in the map view and that pass every filter, as a
 * ranked list page plus markers for the whole set (points, or grid clusters above 500), with zone
 * labels and gazetteer places for the view. Public.
 *
 * Rules (see docs/geo.md):
 * - A provider appears only with at least one ACTIVE service that has coverage effective now in
 *   an ACTIVE zone (a platform zone, or its own service area).
 * - q: provider name or the title of such a service contains the text (case-insensitive, literal).
 * - category: such a service is in the category; price, coverage and demand then look only at
 *   services of that category.
 * - demand: such a service is covered in an active PLATFORM zone of those levels within the view.
 * - available: open now by the provider's opening hours in its own time zone.
 * - priceMin/priceMax: the cheapest such service in `currency` (default GBP) is within the range;
 *   prices in other currencies are not compared (no silent FX).
 * - rating ≥ n: rated providers only. offer: rent → offers rentals, buy → offers sales.
 * - The list is ranked by the match score (score.ts weights, mirrored in SQL here) relative to
 *   the centre of the view, the radius being half the view's diagonal.
 *
 * One SQL statement computes the filtered set ONCE (a materialised CTE driven by the GiST index on
 * provider_profiles.base_point) and returns the markers (counts add up to `total`) and the ranked
 * page together; zone labels and places are two small index-driven queries run alongside.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';
import { parseInput } from '@/lib/core/validate';
import { EXPLORER_MARKER_POINT_LIMIT, EXPLORER_MAX_SPAN_DEG, explorerSearchInput } from './match-schemas';
import { RATING_PRIOR_COUNT, RATING_PRIOR_MEAN, demandValues, scoreWeights } from './score';
import type { BBox, DemandLevel, ExplorerMarkers, ExplorerProvider, ExplorerResult, PlaceHit } from './types';

export const EXPLORER_ZONE_LABEL_MIN_ZOOM = 9;
export const EXPLORER_ZONE_LABEL_LIMIT = 150;
export const EXPLORER_PLACE_MIN_ZOOM = 12;
export const EXPLORER_PLACE_LIMIT = 60;

/** Very large views are narrowed to a window around their centre so one request stays bounded. */
export function clampBbox([w, s, e, n]: BBox, maxSpan = EXPLORER_MAX_SPAN_DEG): BBox {
  const clampAxis = (lo: number, hi: number): [number, number] => {
    if (hi - lo <= maxSpan) return [lo, hi];
    const mid = (lo + hi) / 2;
    return [mid - maxSpan / 2, mid + maxSpan / 2];
  };
  const [cw, ce] = clampAxis(w, e);
  const [cs, cn] = clampAxis(s, n);
  return [cw, cs, ce, cn];
}

function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Cluster cell in degrees: about 64 screen pixels at this zoom (a 256-px tile spans 360/2^z°). */
export function clusterCell(zoom: number, centreLat: number): { lon: number; lat: number } {
  const lon = 360 / 2 ** Math.floor(zoom) / 4;
  // Degrees of latitude shrink on screen away from the equator (mercator), so cells stay square.
  return { lon, lat: lon * Math.max(0.05, Math.cos((centreLat * Math.PI) / 180)) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Row {
  kind: 'point' | 'cluster' | 'ranked';
  org_id: string | null;
  lon: number | string;
  lat: number | string;
  cnt: number | string;
  detail: RankedDetail | string | null;
}

interface RankedDetail {
  slug: string;
  name: string;
  tagline: string;
  ratingX100: number | null;
  ratingCount: number;
  priceFrom: string | null;
  categories: string[] | null;
  openNow: boolean;
  offersRentals: boolean;
  offersSales: boolean;
  score: number;
}

export async function searchExplorer(ctx: Ctx, raw: unknown): Promise<ExplorerResult> {
  const input = parseInput(explorerSearchInput, raw);
  const [w, s, e, n] = clampBbox(input.bbox);
  const centre = { lon: (w + e) / 2, lat: (s + n) / 2 };
  const radiusM = Math.max(1, haversineM(w, s, e, n) / 2);
  const currency = input.currency ?? 'GBP';
  const at = ctx.now.toISOString();
  const envelope = sql`ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`;
  const centrePt = sql`ST_SetSRID(ST_MakePoint(${centre.lon}::float8, ${centre.lat}::float8), 4326)`;
  const catMatch = input.category ? sql`c.slug = ${input.category}` : sql`true`;
  const pattern = input.q ? `%${escapeLike(input.q)}%` : null;
  const demandList = input.demand?.length ? sql.join(input.demand.map((d) => sql`${d}::demand_level`), sql`, `) : null;
  const local = sql`(${at}::timestamptz at time zone o.time_zone)`;

  // Profile filters narrow the candidates before any join; the rest need the coverage aggregate.
  const filters: { profile: SQL[]; set: SQL[] } = { profile: [], set: [sql`e.best_priority is not null`] };
  if (input.rating !== undefined) filters.profile.push(sql`p.rating_count > 0 and p.rating_x_100 >= ${Math.round(input.rating * 100)}`);
  if (input.offer === 'rent') filters.profile.push(sql`p.offers_rentals`);
  if (input.offer === 'buy') filters.profile.push(sql`p.offers_sales`);
  if (pattern) filters.set.push(sql`(cand.name ilike ${pattern} or e.title_hit)`);
  if (demandList) filters.set.push(sql`e.demand_hit`);
  if (input.priceMin !== undefined) filters.set.push(sql`e.price_from >= ${input.priceMin}::bigint`);
  if (input.priceMax !== undefined) filters.set.push(sql`e.price_from <= ${input.priceMax}::bigint`);
  if (input.available) filters.set.push(sql`coalesce(h.open_now, false)`);

  const cell = clusterCell(input.zoom, centre.lat);
  const wt = scoreWeights;
  const ratingExpr = sql`case when rating_count > 0 and rating_x_100 is not null
      then ((rating_count * rating_x_100 / 100.0 + ${RATING_PRIOR_COUNT * RATING_PRIOR_MEAN}::float8) / (rating_count + ${RATING_PRIOR_COUNT}) - 1) / 4 end`;

  // Set-based rather than a per-provider subquery: for a zoomed-out view with thousands of
  // providers the planner can hash-join coverage and hours once instead of probing per row.
  // `e` and `h` are materialized: inlined, the planner under-estimated their rows and joined them
  // to `cand` with a nested loop (quadratic: 4 s for 6,000 providers at zoom 9, 0.37 s now).
  const query = sql`
    with cand as materialized (
      select p.org_id, o.slug, o.name, o.time_zone, p.tagline, p.base_point,
             p.rating_x_100, p.rating_count, p.offers_rentals, p.offers_sales
      from provider_profiles p
      join organisations o on o.id = p.org_id and o.kind = 'provider'
      where p.base_point && ${envelope}
        ${filters.profile.length ? sql`and ${sql.join(filters.profile, sql` and `)}` : sql``}
    ),
    e as materialized (
      select zc.provider_org_id as org_id,
             min(s.price_minor) filter (where ${catMatch} and s.currency = ${currency}) as price_from,
             array_agg(distinct c.slug) as categories,
             min(zc.priority) filter (where ${catMatch}) as best_priority,
             max(case z.demand_level when 'high' then 3 when 'medium' then 2 else 1 end) filter (where ${catMatch} and z.owner_kind = 'platform') as demand_rank,
             ${pattern ? sql`bool_or(${catMatch} and s.title ilike ${pattern})` : sql`false`} as title_hit,
             ${demandList ? sql`bool_or(${catMatch} and z.owner_kind = 'platform' and z.demand_level in (${demandList}) and z.geom && ${envelope})` : sql`false`} as demand_hit
      from cand
      join zone_coverage zc on zc.provider_org_id = cand.org_id
      join services s on s.id = zc.service_id and s.status = 'active' and s.provider_org_id = cand.org_id
      join service_categories c on c.id = s.category_id
      join zones z on z.id = zc.zone_id and z.status = 'active' and (z.owner_kind = 'platform' or z.owner_org_id = cand.org_id)
      where zc.effective_from <= ${at}::timestamptz
        and (zc.effective_to is null or zc.effective_to > ${at}::timestamptz)
      group by zc.provider_org_id
    ),
    h as materialized (
      select hh.org_id,
             bool_or(hh.weekday = extract(isodow from ${local}) and ${local}::time >= hh.opens_at and ${local}::time < hh.closes_at) as open_now
      from cand o
      join provider_hours hh on hh.org_id = o.org_id
      group by hh.org_id
    ),
    m as materialized (
      select cand.org_id, cand.slug, cand.name, cand.tagline, ST_X(cand.base_point) as lon, ST_Y(cand.base_point) as lat,
             cand.rating_x_100, cand.rating_count, cand.offers_rentals, cand.offers_sales,
             e.price_from, e.categories, e.best_priority, e.demand_rank,
             h.org_id is not null as has_hours, coalesce(h.open_now, false) as open_now,
             ST_DistanceSphere(cand.base_point, ${centrePt}) as dist_m
      from cand
      join e on e.org_id = cand.org_id
      left join h on h.org_id = cand.org_id
      where ${sql.join(filters.set, sql` and `)}
    ),
    total as (select count(*)::int as n from m),
    scored as (
      select m.*,
             (${wt.demand}::float8 * coalesce(v_demand, 0) + ${wt.coverage}::float8 * coalesce(v_coverage, 0) + ${wt.distance}::float8 * coalesce(v_distance, 0)
               + ${wt.availability}::float8 * coalesce(v_availability, 0) + ${wt.rating}::float8 * coalesce(v_rating, 0))
             / nullif(${wt.demand}::float8 * (v_demand is not null)::int + ${wt.coverage}::float8 * (v_coverage is not null)::int
               + ${wt.distance}::float8 * (v_distance is not null)::int + ${wt.availability}::float8 * (v_availability is not null)::int
               + ${wt.rating}::float8 * (v_rating is not null)::int, 0) as score
      from (
        select m.*,
               case demand_rank when 3 then ${demandValues.high}::float8 when 2 then ${demandValues.medium}::float8 when 1 then ${demandValues.low}::float8 end as v_demand,
               (6 - best_priority) / 5.0 as v_coverage,
               greatest(0, 1 - dist_m / ${radiusM}::float8) as v_distance,
               case when not has_hours then null when open_now then 1 else 0 end as v_availability,
               ${ratingExpr} as v_rating
        from m
      ) m
    )
    select 'point' as kind, m.org_id, m.lon, m.lat, 1 as cnt, json_build_object('name', m.name) as detail
    from m, total where total.n <= ${EXPLORER_MARKER_POINT_LIMIT}
    union all
    select 'cluster', null, avg(m.lon), avg(m.lat), count(*)::int, null::json
    from m, total where total.n > ${EXPLORER_MARKER_POINT_LIMIT}
    group by floor(m.lon / ${cell.lon}::float8), floor(m.lat / ${cell.lat}::float8)
    union all
    (select 'ranked', org_id, lon, lat, 0,
            json_build_object('slug', slug, 'name', name, 'tagline', tagline, 'ratingX100', rating_x_100, 'ratingCount', rating_count,
                              'priceFrom', price_from::text, 'categories', categories, 'openNow', open_now,
                              'offersRentals', offers_rentals, 'offersSales', offers_sales, 'score', round(coalesce(score, 0)::numeric, 4))
     from scored
     order by score desc nulls last, dist_m asc, org_id
     limit ${input.limit})`;

  const x = exec(ctx);
  const wantZones = input.zoom >= EXPLORER_ZONE_LABEL_MIN_ZOOM;
  const wantPlaces = input.zoom >= EXPLORER_PLACE_MIN_ZOOM;
  const [rowsRaw, zoneRowsRaw, placeRowsRaw] = await Promise.all([
    x.execute(query),
    wantZones
      ? x.execute(sql`
          select z.id, z.name, z.demand_level, ST_X(z.label_point) as lon, ST_Y(z.label_point) as lat
          from zones z
          where z.geom && ${envelope} and z.label_point && ${envelope}
            and z.status = 'active' and z.owner_kind = 'platform'
          order by z.area_m2 desc, z.id
          limit ${EXPLORER_ZONE_LABEL_LIMIT}`)
      : Promise.resolve([]),
    wantPlaces
      ? x.execute(sql`
          select id, name, kind, region, ST_X(point) as lon, ST_Y(point) as lat
          from places
          where point && ${envelope} and kind in ('area', 'landmark')
          order by rank desc, name, id
          limit ${EXPLORER_PLACE_LIMIT}`)
      : Promise.resolve([]),
  ]);

  const rows = rowsOf<Row>(rowsRaw);
  const points: Array<{ orgId: string; name?: string; lon: number; lat: number }> = [];
  const clusters: Array<{ lon: number; lat: number; count: number }> = [];
  const providers: ExplorerProvider[] = [];
  let total = 0;
  for (const r of rows) {
    if (r.kind === 'point') {
      // Every marker is a named button, including those beyond the ranked page.
      const detail = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as { name?: string } | null;
      points.push({ orgId: r.org_id!, name: detail?.name, lon: Number(r.lon), lat: Number(r.lat) });
      total += 1;
    } else if (r.kind === 'cluster') {
      const count = Number(r.cnt);
      clusters.push({ lon: Number(r.lon), lat: Number(r.lat), count });
      total += count;
    } else {
      const d = (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as RankedDetail;
      providers.push({
        orgId: r.org_id!,
        slug: d.slug,
        name: d.name,
        tagline: d.tagline,
        lon: Number(r.lon),
        lat: Number(r.lat),
        ratingAverage: d.ratingX100 !== null && d.ratingCount > 0 ? d.ratingX100 / 100 : null,
        ratingCount: d.ratingCount,
        priceFromMinor: d.priceFrom === null ? null : toWire(toMinor(d.priceFrom)),
        currency: d.priceFrom === null ? null : currency,
        categories: [...(d.categories ?? [])].sort(),
        availableNow: d.openNow,
        offersRentals: d.offersRentals,
        offersSales: d.offersSales,
        score: Number(d.score),
      });
    }
  }
  points.sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  clusters.sort((a, b) => b.count - a.count || a.lon - b.lon || a.lat - b.lat);
  const markers: ExplorerMarkers = total > EXPLORER_MARKER_POINT_LIMIT ? { mode: 'clusters', clusters } : { mode: 'points', points };

  const zones = rowsOf<{ id: string; name: string; demand_level: DemandLevel; lon: number | string; lat: number | string }>(zoneRowsRaw).map((z) => ({
    id: z.id,
    name: z.name,
    demandLevel: z.demand_level,
    lon: Number(z.lon),
    lat: Number(z.lat),
  }));
  const placeHits: PlaceHit[] = rowsOf<{ id: string; name: string; kind: PlaceHit['kind']; region: string; lon: number | string; lat: number | string }>(placeRowsRaw).map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    region: p.region,
    lon: Number(p.lon),
    lat: Number(p.lat),
  }));

  return { total, providers, markers, zones, places: placeHits };
}
