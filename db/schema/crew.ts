import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgEnum, pgTable, smallint, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, pointGeometry, timestamps } from './_columns';
import { organisations, users } from './identity';

/**
 * A provider's crew. Working hours are local wall-clock in the serviceman's own IANA zone; slots
 * are generated per calendar date and converted to instants at the end (DST-safe). Exceptions add
 * or remove hours on one date; time off blocks an instant range.
 */
export const servicemanStatusEnum = pgEnum('serviceman_status', ['invited', 'active', 'inactive']);

export const servicemen = pgTable(
  'servicemen',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    displayName: text().notNull(),
    // Category slugs this person may be dispatched for.
    skills: text().array().notNull().default(sql`'{}'::text[]`),
    timeZone: text().notNull().default('Europe/London'),
    basePoint: pointGeometry('base_point'),
    canLead: boolean().notNull().default(true),
    status: servicemanStatusEnum().notNull().default('active'),
    ...timestamps(),
  },
  (t) => [
    index('servicemen_provider_idx').on(t.providerOrgId, t.status),
    uniqueIndex('servicemen_provider_user_key').on(t.providerOrgId, t.userId),
    check('servicemen_name_length', sql`char_length(${t.displayName}) between 1 and 120`),
  ],
);

export const servicemanHours = pgTable(
  'serviceman_hours',
  {
    id: id(),
    servicemanId: uuid()
      .notNull()
      .references(() => servicemen.id, { onDelete: 'cascade' }),
    weekday: smallint().notNull(),
    startsAt: time().notNull(),
    endsAt: time().notNull(),
  },
  (t) => [
    index('serviceman_hours_idx').on(t.servicemanId, t.weekday),
    check('serviceman_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('serviceman_hours_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const availabilityExceptionKindEnum = pgEnum('availability_exception_kind', ['unavailable', 'extra_hours']);

/** One calendar date (serviceman's zone): the whole day off, or different/extra hours. */
export const servicemanExceptions = pgTable(
  'serviceman_exceptions',
  {
    id: id(),
    servicemanId: uuid()
      .notNull()
      .references(() => servicemen.id, { onDelete: 'cascade' }),
    onDate: date({ mode: 'string' }).notNull(),
    kind: availabilityExceptionKindEnum().notNull(),
    // Null on an 'unavailable' exception = the whole day.
    startsAt: time(),
    endsAt: time(),
    reason: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('serviceman_exceptions_idx').on(t.servicemanId, t.onDate),
    check('serviceman_exceptions_times', sql`(${t.startsAt} is null and ${t.endsAt} is null and ${t.kind} = 'unavailable') or (${t.startsAt} is not null and ${t.endsAt} is not null and ${t.endsAt} > ${t.startsAt})`),
  ],
);

export const servicemanTimeOff = pgTable(
  'serviceman_time_off',
  {
    id: id(),
    servicemanId: uuid()
      .notNull()
      .references(() => servicemen.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('serviceman_time_off_idx').on(t.servicemanId, t.startsAt), check('serviceman_time_off_order', sql`${t.endsAt} > ${t.startsAt}`)],
);
