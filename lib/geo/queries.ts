import { bookingStatusCounts } from './snapshot/metric-sources';
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { exec, type Ctx } from '@/lib/core/context';
import { organisations, zoneMetrics, zoneSnapshotRuns, zones } from '@/db/schema';
import { rowsOf } from '@/db/client';
import { authorize, can } from '@/lib/core/auth/permissions';
import { forbidden, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { adminProviderOrgIds, callerProviderOrgId, canReadZone } from './owner';
import { exportZonesQuery, listZonesQuery, zonesInBBoxQuery, type ExportZonesQuery, type ListZonesQuery, type ZonesInBBoxQuery } from './schemas';
import { buildZoneSla, slaKeys, type SlaOverrides } from './sla-defaults';
import type { BBox, DemandLevel, GeoJsonMultiPolygon, ZoneDetail, ZoneMetricsView, ZoneStatus, ZoneSummary } from './types';

/**
 * Reads of zones, scoped by who asks (lib/geo/owner.ts): zones.read_all sees every zone; a
 * provider admin sees ACTIVE platform zones and its own areas; everyone else active platform zones.
 */

export const ZONE_PAGE_SIZE = 50;
export const BBOX_FEATURE_LIMIT = 2000;

const summaryFields = {
  id: zones.id,
  name: zones.name,
  ownerOrgId: zones.ownerOrgId,
  ownerKind: zones.ownerKind,
  ownerName: organisations.name,
  demandLevel: zones.demandLevel,
  status: zones.status,
  timeZone: zones.timeZone,
  currency: zones.currency,
  taxRegion: zones.taxRegion,
  priority: zones.priority,
  slaAcceptanceOnDemandMinutes: zones.slaAcceptanceOnDemandMinutes,
  slaAcceptanceScheduledMinutes: zones.slaAcceptanceScheduledMinutes,
  slaArrivalMinutes: zones.slaArrivalMinutes,
  slaCompletionMinutes: zones.slaCompletionMinutes,
  areaM2: zones.areaM2,
  vertexCount: zones.vertexCount,
  labelLon: sql<number>`ST_X(${zones.labelPoint})`,
  labelLat: sql<number>`ST_Y(${zones.labelPoint})`,
  version: zones.version,
  updatedAt: zones.updatedAt,
};

type SummaryRow = {
  [K in keyof typeof summaryFields]: unknown;
} & { id: string; name: string; ownerOrgId: string; ownerName: string; updatedAt: Date | string };

function slaOverrides(r: Pick<SummaryRow, 'slaAcceptanceOnDemandMinutes' | 'slaAcceptanceScheduledMinutes' | 'slaArrivalMinutes' | 'slaCompletionMinutes'>): SlaOverrides {
  return {
    acceptanceOnDemandMinutes: (r.slaAcceptanceOnDemandMinutes as number | null) ?? null,
    acceptanceScheduledMinutes: (r.slaAcceptanceScheduledMinutes as number | null) ?? null,
    arrivalMinutes: (r.slaArrivalMinutes as number | null) ?? null,
    completionMinutes: (r.slaCompletionMinutes as number | null) ?? null,
  };
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function toSummary(r: SummaryRow): ZoneSummary {
  return {
    id: r.id,
    name: r.name,
    ownerOrgId: r.ownerOrgId,
    ownerKind: r.ownerKind as 'platform' | 'provider',
    ownerName: r.ownerName,
    demandLevel: r.demandLevel as DemandLevel,
    status: r.status as ZoneStatus,
    timeZone: r.timeZone as string,
    currency: r.currency as string,
    taxRegion: r.taxRegion as string,
    priority: Number(r.priority ?? 0),
    sla: buildZoneSla(slaOverrides(r)),
    // Six decimals of km² = 1 m², the precision the validation rules speak in.
    areaKm2: Math.round(Number(r.areaM2)) / 1_000_000,
    vertexCount: Number(r.vertexCount),
    labelPoint: [Number(r.labelLon), Number(r.labelLat)],
    version: Number(r.version),
    updatedAt: iso(r.updatedAt),
  };
}

/** Where-clause for the zones an actor may list under `scope`; throws FORBIDDEN when none. */
function scopeFilter(ctx: Ctx, scope: 'platform' | 'own' | 'all'): SQL {
  const actor = ctx.actor;
  if (scope === 'all') {
    authorize(actor, 'zones.read_all');
    return sql`true`;
  }
  if (scope === 'own') {
    const orgIds = adminProviderOrgIds(actor);
    if (!orgIds.length) throw forbidden('Only a provider admin has zones of its own.');
    return inArray(zones.ownerOrgId, orgIds);
  }
  if (can(actor, 'zones.read_all')) return eq(zones.ownerKind, 'platform');
  // Provider admins pick platform zones to serve; they see only the active ones.
  if (adminProviderOrgIds(actor).length) return and(eq(zones.ownerKind, 'platform'), eq(zones.status, 'active')) as SQL;
  throw forbidden('You do not have permission to list zones.');
}

export type ZoneListItem = ZoneSummary & { metrics: ZoneMetricsView | null };

async function latestRunAt(ctx: Ctx): Promise<string | null> {
  const [row] = await exec(ctx)
    .select({ at: zoneSnapshotRuns.finishedAt })
    .from(zoneSnapshotRuns)
    .where(isNotNull(zoneSnapshotRuns.finishedAt))
    .orderBy(desc(zoneSnapshotRuns.finishedAt))
    .limit(1);
  return row?.at ? iso(row.at) : null;
}

/** Zone list for the admin and provider panels, with the latest analytics per zone. */
export async function listZones(ctx: Ctx, raw: ListZonesQuery = {}): Promise<{ zones: ZoneListItem[]; total: number; page: number; pageSize: number }> {
  const q = parseInput(listZonesQuery, raw);
  const where: SQL[] = [scopeFilter(ctx, q.scope)];
  // Archived zones are history: listed only when asked for by status.
  where.push(q.status ? eq(zones.status, q.status) : ne(zones.status, 'archived'));
  if (q.demand) where.push(eq(zones.demandLevel, q.demand));
  if (q.ownerKind) where.push(eq(zones.ownerKind, q.ownerKind));
  if (q.q) where.push(sql`${zones.name} ilike ${`%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  const cond = and(...where);
  const ex = exec(ctx);
  const [rows, [{ n }], lastRunAt] = await Promise.all([
    ex
      .select({ ...summaryFields, metrics: zoneMetrics })
      .from(zones)
      .innerJoin(organisations, eq(organisations.id, zones.ownerOrgId))
      .leftJoin(zoneMetrics, eq(zoneMetrics.zoneId, zones.id))
      .where(cond)
      .orderBy(asc(zones.ownerKind), asc(sql`lower(${zones.name})`), asc(zones.id))
      .limit(ZONE_PAGE_SIZE)
      .offset((q.page - 1) * ZONE_PAGE_SIZE),
    ex.select({ n: count() }).from(zones).where(cond),
    latestRunAt(ctx),
  ]);
  return {
    zones: rows.map((r) => ({
      ...toSummary(r),
      metrics: r.metrics
        ? {
            zoneId: r.metrics.zoneId,
            bookingsByStatus: bookingStatusCounts(r.metrics.bookingsByStatus),
            slaBreaches: r.metrics.slaBreaches,
            meanMinutesToAcceptance: r.metrics.meanMinutesToAcceptance,
            activeProviders: r.metrics.activeProviders,
            activeServices: r.metrics.activeServices,
            openDemand: r.metrics.openDemand,
            supplyDemandRatioBp: r.metrics.supplyDemandRatioBp,
            inventoryMatches: r.metrics.inventoryMatches,
            computedAt: iso(r.metrics.computedAt),
            lastRunAt,
          }
        : null,
    })),
    total: Number(n),
    page: q.page,
    pageSize: ZONE_PAGE_SIZE,
  };
}

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One zone with its outline; NOT_FOUND when it does not exist or the caller may not see it. */
export async function getZone(ctx: Ctx, zoneId: string): Promise<ZoneDetail> {
  if (!uuidShape.test(zoneId)) throw notFound('That zone');
  const [row] = await exec(ctx)
    .select({
      ...summaryFields,
      geometry: sql<string>`ST_AsGeoJSON(${zones.geom}, 6)`,
      xmin: sql<number>`ST_XMin(${zones.geom})`,
      ymin: sql<number>`ST_YMin(${zones.geom})`,
      xmax: sql<number>`ST_XMax(${zones.geom})`,
      ymax: sql<number>`ST_YMax(${zones.geom})`,
    })
    .from(zones)
    .innerJoin(organisations, eq(organisations.id, zones.ownerOrgId))
    .where(eq(zones.id, zoneId));
  if (!row || !canReadZone(ctx.actor, { ownerOrgId: row.ownerOrgId, ownerKind: row.ownerKind, status: row.status })) throw notFound('That zone');
  const bbox: BBox = [Number(row.xmin), Number(row.ymin), Number(row.xmax), Number(row.ymax)];
  return { ...toSummary(row), geometry: JSON.parse(row.geometry) as GeoJsonMultiPolygon, bbox };
}

export interface ZoneFeature {
  type: 'Feature';
  id: string;
  geometry: GeoJsonMultiPolygon;
  properties: Record<string, unknown>;
}
export interface ZoneFeatureCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

/**
 * GeoJSON export of the caller's zones (platform: zones.read_all; own: the provider's areas), not
 * archived. Properties are exactly what lib/geo/import-zones.ts reads, SLA as overrides only, so an
 * export imported into an owner without zones recreates the same zones.
 */
export async function exportZones(ctx: Ctx, raw: ExportZonesQuery = {}): Promise<ZoneFeatureCollection> {
  const q = parseInput(exportZonesQuery, raw);
  let cond: SQL;
  if (q.scope === 'platform') {
    authorize(ctx.actor, 'zones.read_all');
    cond = eq(zones.ownerKind, 'platform');
  } else {
    cond = eq(zones.ownerOrgId, callerProviderOrgId(ctx.actor));
  }
  const rows = await exec(ctx)
    .select({ ...summaryFields, geometry: sql<string>`ST_AsGeoJSON(${zones.geom}, 9)` })
    .from(zones)
    .innerJoin(organisations, eq(organisations.id, zones.ownerOrgId))
    .where(and(cond, ne(zones.status, 'archived')))
    .orderBy(asc(sql`lower(${zones.name})`), asc(zones.id));
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => {
      const overrides = slaOverrides(r);
      const sla = Object.fromEntries(slaKeys.filter((k) => overrides[k] !== null).map((k) => [k, overrides[k]]));
      return {
        type: 'Feature',
        id: r.id,
        geometry: JSON.parse(r.geometry) as GeoJsonMultiPolygon,
        properties: {
          id: r.id,
          name: r.name,
          demandLevel: r.demandLevel,
          status: r.status,
          timeZone: r.timeZone,
          currency: r.currency,
          taxRegion: r.taxRegion,
          priority: Number(r.priority ?? 0),
          ...(Object.keys(sla).length ? { sla } : {}),
        },
      };
    }),
  };
}

/**
 * Zones intersecting a map view, simplified for the zoom (about half a pixel of a 512 px tile, so
 * the outline looks the same and payloads stay small), capped at BBOX_FEATURE_LIMIT (largest first).
 * platform: public for active zones (zones.read_all also sees draft/paused); own: the caller
 * provider's areas; all: zones.read_all.
 */
export async function zonesInBBox(ctx: Ctx, raw: ZonesInBBoxQuery): Promise<ZoneFeatureCollection & { truncated: boolean }> {
  const q = parseInput(zonesInBBoxQuery, raw);
  const [w, s, e, n] = q.bbox;
  let scope: SQL;
  if (q.scope === 'all') {
    authorize(ctx.actor, 'zones.read_all');
    scope = sql`z.status <> 'archived'`;
  } else if (q.scope === 'own') {
    const orgIds = adminProviderOrgIds(ctx.actor);
    if (!orgIds.length) throw forbidden('Only a provider admin has zones of its own.');
    scope = sql`z.owner_org_id in (${sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `)}) and z.status <> 'archived'`;
  } else {
    scope = can(ctx.actor, 'zones.read_all') ? sql`z.owner_kind = 'platform' and z.status <> 'archived'` : sql`z.owner_kind = 'platform' and z.status = 'active'`;
  }
  const tolerance = 180 / (512 * 2 ** Math.round(q.zoom));
  const res = await exec(ctx).execute(sql`
    select z.id, z.name, z.demand_level, z.status, z.owner_kind, o.name as owner_name,
           ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(z.geom, ${tolerance}::float8)), 6) as geometry
    from zones z
    join organisations o on o.id = z.owner_org_id
    where z.geom && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)
      and ${scope}
    order by z.area_m2 desc, z.id
    limit ${BBOX_FEATURE_LIMIT + 1}`);
  const rows = rowsOf<{ id: string; name: string; demand_level: string; status: string; owner_kind: string; owner_name: string; geometry: string }>(res);
  return {
    type: 'FeatureCollection',
    truncated: rows.length > BBOX_FEATURE_LIMIT,
    features: rows.slice(0, BBOX_FEATURE_LIMIT).map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: JSON.parse(r.geometry) as GeoJsonMultiPolygon,
      properties: { id: r.id, name: r.name, demandLevel: r.demand_level, status: r.status, ownerKind: r.owner_kind, ownerName: r.owner_name },
    })),
  };
}
