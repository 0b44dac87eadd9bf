import { sql } from 'drizzle-orm';
import { bigint, char, customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '@/lib/core/ids';

/** uuid v7 primary key: generated in the app (time-ordered for index locality). */
export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => newId());

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** Money: integer minor units (int8, read as string by postgres.js → lib/core/money) + ISO code. */
export const minorUnits = (name: string) => bigint(name, { mode: 'bigint' });
export const currency = (name = 'currency') => char(name, { length: 3 });

/**
 * Polygon/MultiPolygon in SRID 4326. drizzle's built-in geometry() is point-only and drops the
 * SRID, so areas use a custom type; writes go through ST_GeomFromGeoJSON, reads via ST_AsGeoJSON.
 */
export const areaGeometry = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(MultiPolygon,4326)';
  },
  toDriver(value: string) {
    return sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${value}),4326))` as unknown as string;
  },
});

export const pointGeometry = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(Point,4326)';
  },
  toDriver(value: string) {
    return sql`ST_SetSRID(ST_GeomFromGeoJSON(${value}),4326)` as unknown as string;
  },
});

/** Read-only projections kept by PostgreSQL (generated columns): web-mercator copy for tiles. */
export const mercatorAreaGeometry = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'geometry(MultiPolygon,3857)';
  },
});

/** A tstzrange as PostgreSQL text ('[2026-01-01 09:00:00+00,2026-01-01 10:00:00+00)'). */
export const tstzRange = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tstzrange';
  },
});
