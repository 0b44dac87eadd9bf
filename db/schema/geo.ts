import { sql } from 'drizzle-orm';
import {

  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areaGeometry, createdAt, currency, id, mercatorAreaGeometry, pointGeometry, timestamps } from './_columns';
import { services } from './catalog';
import { orgKindEnum, organisations, users } from './identity';

export const zoneStatusEnum = pgEnum('zone_status', ['draft', 'active', 'paused', 'archived']);
export const demandLevelEnum = pgEnum('demand_level', ['high', 'medium', 'low']);

/**
 * A service zone (owned by the platform organisation) or a provider's own coverage area (owned by
 * that provider). Geometry is always a valid MultiPolygon in SRID 4326 — the CHECK is the safety
 * net behind lib/geo's validation, which explains failures to people. PostgreSQL keeps a web-
 * mercator copy (vector tiles), a label point, the area and the vertex count as generated columns.
 * SLA targets are per-zone overrides in minutes; null means the platform default (DOMAIN.md).
 */
export const zones = pgTable(
  'zones',
  {
    id: id(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    ownerKind: orgKindEnum().notNull(),
    name: text().notNull(),
    geom: areaGeometry('geom').notNull(),
    geomMercator: mercatorAreaGeometry('geom_mercator').generatedAlwaysAs(sql`ST_Transform(geom, 3857)`),
    labelPoint: pointGeometry('label_point').generatedAlwaysAs(sql`ST_PointOnSurface(geom)`),
    areaM2: doublePrecision('area_m2').generatedAlwaysAs(sql`ST_Area(geom::geography)`),
    vertexCount: integer().generatedAlwaysAs(sql`ST_NPoints(geom)`),
    demandLevel: demandLevelEnum().notNull().default('medium'),
    timeZone: text().notNull().default('Europe/London'),
    currency: currency().notNull().default('GBP'),
    taxRegion: text().notNull().default('GB'),
    /** Overlapping platform zones: the highest priority governs a booking (then the smallest area). */
    priority: integer().notNull().default(0),
    slaAcceptanceOnDemandMinutes: integer(),
    slaAcceptanceScheduledMinutes: integer(),
    slaArrivalMinutes: integer(),
    slaCompletionMinutes: integer(),
    status: zoneStatusEnum().notNull().default('active'),
    // Optimistic concurrency: an edit names the version it started from.
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps(),
  },
  (t) => [
    index('zones_geom_gix').using('gist', t.geom),
    index('zones_geom_mercator_gix').using('gist', t.geomMercator),
    index('zones_owner_idx').on(t.ownerOrgId, t.status),
    uniqueIndex('zones_owner_name_key').on(t.ownerOrgId, sql`lower(${t.name})`).where(sql`${t.status} <> 'archived'`),
    check('zones_geom_valid', sql`ST_IsValid(${t.geom})`),
    check('zones_owner_kind', sql`${t.ownerKind} in ('platform', 'provider')`),
    check('zones_name_length', sql`char_length(${t.name}) between 1 and 120`),
    check('zones_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check(
      'zones_sla_positive',
      sql`coalesce(${t.slaAcceptanceOnDemandMinutes}, 1) > 0 and coalesce(${t.slaAcceptanceScheduledMinutes}, 1) > 0 and coalesce(${t.slaArrivalMinutes}, 1) > 0 and coalesce(${t.slaCompletionMinutes}, 1) > 0`,
    ),
  ],
);

/**
 * Which zones a provider serves, per service, with a priority (1 = primary) and effective dates.
 * A provider may list platform zones and its own coverage areas (checked by lib/geo).
 */
export const zoneCoverage = pgTable(
  'zone_coverage',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    zoneId: uuid()
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    priority: smallint().notNull().default(1),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveTo: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('zone_coverage_key').on(t.providerOrgId, t.zoneId, t.serviceId),
    index('zone_coverage_zone_idx').on(t.zoneId),
    index('zone_coverage_service_idx').on(t.serviceId),
    check('zone_coverage_priority', sql`${t.priority} between 1 and 5`),
    check('zone_coverage_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

/**
 * Current analytics per zone, recomputed only for zones something touched since the previous
 * run (incremental); every run also appends those rows to zone_snapshots (history).
 */
export const zoneMetrics = pgTable('zone_metrics', {
  zoneId: uuid()
    .primaryKey()
    .references(() => zones.id, { onDelete: 'cascade' }),
  bookingsByStatus: jsonb().$type<Record<string, number>>().notNull().default({}),
  slaBreaches: integer().notNull().default(0),
  meanMinutesToAcceptance: integer(),
  activeProviders: integer().notNull().default(0),
  activeServices: integer().notNull().default(0),
  openDemand: integer().notNull().default(0),
  // supply / demand as basis points (10000 = 1.0); null while there is no demand.
  supplyDemandRatioBp: integer(),
  inventoryMatches: integer().notNull().default(0),
  computedAt: timestamp({ withTimezone: true }).notNull(),
});

export const zoneSnapshots = pgTable(
  'zone_snapshots',
  {
    id: id(),
    runId: uuid().notNull(),
    zoneId: uuid()
      .notNull()
      .references(() => zones.id, { onDelete: 'cascade' }),
    takenAt: timestamp({ withTimezone: true }).notNull(),
    metrics: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  // taken_at alone: the 90-day history prune runs every analytics run.
  (t) => [index('zone_snapshots_zone_taken_idx').on(t.zoneId, t.takenAt), index('zone_snapshots_taken_idx').on(t.takenAt)],
);

export const snapshotTriggerEnum = pgEnum('snapshot_trigger', ['schedule', 'manual']);

/** One row per analytics run: the watermark for the next run and the age shown next to metrics. */
export const zoneSnapshotRuns = pgTable(
  'zone_snapshot_runs',
  {
    id: id(),
    trigger: snapshotTriggerEnum().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    // Changes at or after this instant were looked at (run start minus a safety overlap).
    sinceAt: timestamp({ withTimezone: true }),
    zonesRecomputed: integer().notNull().default(0),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('zone_snapshot_runs_started_idx').on(t.startedAt)],
);

export const placeKindEnum = pgEnum('place_kind', ['area', 'postcode', 'landmark', 'station']);

/** The offline gazetteer behind the place search (seeded city: areas, postcode districts, landmarks). */
export const places = pgTable(
  'places',
  {
    id: id(),
    name: text().notNull(),
    kind: placeKindEnum().notNull(),
    region: text().notNull(),
    point: pointGeometry('point').notNull(),
    // Larger first when names tie (population or prominence); also breaks ties for prefixes.
    rank: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('places_name_lower_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    index('places_point_gix').using('gist', t.point),
  ],
);
