import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, smallint, text, time, uuid, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, pointGeometry, timestamps } from './_columns';
import { organisations, users } from './identity';

/**
 * The service catalogue, as far as the geo issue needs it: categories, the services a provider
 * publishes (price in minor units, duration never zero) and the provider's public profile. The
 * bookings issue adds the management screens and the booking-side columns.
 */
export const serviceCategories = pgTable(
  'service_categories',
  {
    id: id(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [check('service_categories_slug_shape', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const serviceStatusEnum = pgEnum('service_status', ['draft', 'active', 'paused', 'archived']);

export const services = pgTable(
  'services',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    categoryId: uuid()
      .notNull()
      .references(() => serviceCategories.id),
    title: text().notNull(),
    description: text().notNull().default(''),
    priceMinor: minorUnits('price_minor').notNull(),
    currency: currency().notNull(),
    taxInclusive: boolean().notNull().default(true),
    durationMinutes: integer().notNull(),
    crewSize: smallint().notNull().default(1),
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    minNoticeMinutes: integer().notNull().default(0),
    // Requests wait for the provider to accept within this many minutes, then expire.
    requiresConfirmation: boolean().notNull().default(false),
    confirmationWindowMinutes: integer().notNull().default(240),
    status: serviceStatusEnum().notNull().default('draft'),
    ...timestamps(),
  },
  (t) => [
    index('services_provider_idx').on(t.providerOrgId),
    index('services_category_idx').on(t.categoryId),
    check('services_price_nonneg', sql`${t.priceMinor} >= 0`),
    check('services_duration_positive', sql`${t.durationMinutes} > 0`),
    check('services_crew_size', sql`${t.crewSize} between 1 and 20`),
    check('services_buffers_nonneg', sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0 and ${t.minNoticeMinutes} >= 0`),
    check('services_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/**
 * A provider's public face: where its crews are based (distance in matching), what it offers
 * beyond services, and its rating. Rating columns are filled from reviews of completed bookings
 * (bookings issue); until a provider has reviews they stay null/0 and ranking leaves rating out.
 */
export const providerProfiles = pgTable(
  'provider_profiles',
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    tagline: text().notNull().default(''),
    description: text().notNull().default(''),
    basePoint: pointGeometry('base_point').notNull(),
    // Rating ×100 (e.g. 467 = 4.67) so it stays an integer; null until the first review.
    ratingX100: integer(),
    ratingCount: integer().notNull().default(0),
    acceptsOnDemand: boolean().notNull().default(true),
    // Declared offerings until inventory listings exist (inventory issue derives them).
    offersRentals: boolean().notNull().default(false),
    offersSales: boolean().notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index('provider_profiles_base_point_gix').using('gist', t.basePoint),
    check('provider_profiles_rating_range', sql`${t.ratingX100} is null or ${t.ratingX100} between 100 and 500`),
    check('provider_profiles_rating_count', sql`${t.ratingCount} >= 0`),
  ],
);

/**
 * Opening hours in the provider's local wall-clock (organisations.time_zone), ISO weekday 1–7.
 * "Available now" converts the instant to local time per request, so DST never shifts hours.
 */
export const providerHours = pgTable(
  'provider_hours',
  {
    id: id(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    weekday: smallint().notNull(),
    opensAt: time().notNull(),
    closesAt: time().notNull(),
  },
  (t) => [
    index('provider_hours_org_idx').on(t.orgId, t.weekday),
    check('provider_hours_weekday', sql`${t.weekday} between 1 and 7`),
    check('provider_hours_order', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

export const favouriteProviders = pgTable(
  'favourite_providers',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.providerOrgId] }), index('favourite_providers_provider_idx').on(t.providerOrgId)],
);
