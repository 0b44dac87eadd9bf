import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, pointGeometry, timestamps, tstzRange } from './_columns';
import { services } from './catalog';
import { servicemen } from './crew';
import { bookingTypeEnum } from './finance';
import { zones } from './geo';
import { organisations, users } from './identity';

/**
 * Bookings (DOMAIN.md "Bookings"). The state machine lives in lib/bookings/policy.ts; the
 * database guarantees what must never break: no serviceman in two active bookings at once
 * (exclusion constraint on booking_assignments, migration 0008), a quote that adds up, and
 * a status history that is only ever appended to.
 */
export const bookingStatusEnum = pgEnum('booking_status', ['pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'completed', 'cancelled', 'disputed']);

export const bookings = pgTable(
  'bookings',
  {
    id: id(),
    reference: text().notNull().unique(),
    customerId: uuid()
      .notNull()
      .references(() => users.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    serviceId: uuid()
      .notNull()
      .references(() => services.id),
    // The PLATFORM zone containing the job location: currency, tax region, time zone, SLA.
    zoneId: uuid()
      .notNull()
      .references(() => zones.id),
    type: bookingTypeEnum().notNull(),
    status: bookingStatusEnum().notNull().default('pending'),
    // Scheduled: the slot. On demand: set when a crew is assigned (now → now + duration).
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    durationMinutes: integer().notNull(),
    bufferBeforeMinutes: integer().notNull().default(0),
    bufferAfterMinutes: integer().notNull().default(0),
    crewSize: smallint().notNull().default(1),
    location: pointGeometry('location').notNull(),
    addressLine: text().notNull(),
    timeZone: text().notNull(),
    notes: text().notNull().default(''),
    // Quote snapshot (lib/finance/quote.ts). Provider price converted at fx_rate into `currency`.
    currency: currency().notNull(),
    providerCurrency: currency('provider_currency').notNull(),
    providerPriceMinor: minorUnits('provider_price_minor').notNull(),
    fxRate: text().notNull().default('1'),
    priceMinor: minorUnits('price_minor').notNull(),
    serviceFeeMinor: minorUnits('service_fee_minor').notNull(),
    serviceFeeRuleId: uuid(),
    taxMinor: minorUnits('tax_minor').notNull(),
    taxRateBp: integer().notNull(),
    taxInclusive: boolean().notNull(),
    totalMinor: minorUnits('total_minor').notNull(),
    providerCommissionMinor: minorUnits('provider_commission_minor').notNull().default(sql`0`),
    // Provider confirmation (services that require it): request expires at this instant.
    confirmationDueAt: timestamp({ withTimezone: true }),
    // Recurring bookings share a series id; each occurrence is a booking of its own.
    seriesId: uuid(),
    /** The awarded bid this booking came from (custom jobs); its price is the bid's. */
    bidId: uuid(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    cancellationReason: text(),
    cancellationFeeMinor: minorUnits('cancellation_fee_minor'),
    acceptedAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('bookings_customer_idx').on(t.customerId, t.createdAt),
    index('bookings_provider_idx').on(t.providerOrgId, t.startsAt),
    index('bookings_zone_status_idx').on(t.zoneId, t.status),
    index('bookings_series_idx').on(t.seriesId),
    uniqueIndex('bookings_bid_key').on(t.bidId).where(sql`bid_id is not null`),
    check('bookings_window', sql`(${t.startsAt} is null and ${t.endsAt} is null) or (${t.startsAt} is not null and ${t.endsAt} > ${t.startsAt})`),
    check('bookings_scheduled_has_window', sql`${t.type} <> 'scheduled' or ${t.startsAt} is not null`),
    check('bookings_duration', sql`${t.durationMinutes} > 0 and ${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check('bookings_crew', sql`${t.crewSize} between 1 and 20`),
    check('bookings_amounts_nonneg', sql`${t.priceMinor} >= 0 and ${t.serviceFeeMinor} >= 0 and ${t.taxMinor} >= 0 and ${t.providerCommissionMinor} >= 0`),
    // The breakdown adds up exactly: inclusive prices already contain their tax.
    check('bookings_total', sql`${t.totalMinor} = ${t.priceMinor} + ${t.serviceFeeMinor} + case when ${t.taxInclusive} then 0 else ${t.taxMinor} end`),
    check('bookings_cancel_fee', sql`${t.cancellationFeeMinor} is null or ${t.cancellationFeeMinor} between 0 and ${t.totalMinor}`),
  ],
);

export const crewRoleEnum = pgEnum('crew_role', ['lead', 'support']);

/**
 * Who works a booking, over the booking window widened by its buffers. `active` is true while the
 * booking is in an active state; the exclusion constraint (btree_gist) refuses two active rows of
 * one serviceman whose windows overlap. Writers lock the servicemen rows first (stable id order).
 */
export const bookingAssignments = pgTable(
  'booking_assignments',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    servicemanId: uuid()
      .notNull()
      .references(() => servicemen.id),
    role: crewRoleEnum().notNull(),
    window: tstzRange('window').notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('booking_assignments_booking_idx').on(t.bookingId),
    uniqueIndex('booking_assignments_active_key').on(t.bookingId, t.servicemanId).where(sql`${t.active}`),
    uniqueIndex('booking_assignments_one_lead').on(t.bookingId).where(sql`${t.active} and ${t.role} = 'lead'`),
  ],
);

/** The status history (timeline); rows are only ever inserted. */
export const bookingStatusChanges = pgTable(
  'booking_status_changes',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    fromStatus: bookingStatusEnum(),
    toStatus: bookingStatusEnum().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorType: text().notNull(),
    actorId: text(),
    note: text().notNull().default(''),
  },
  (t) => [index('booking_status_changes_booking_idx').on(t.bookingId, t.at)],
);

export const deadlineKindEnum = pgEnum('booking_deadline_kind', ['acceptance_sla', 'arrival_sla', 'completion_sla', 'provider_confirmation', 'payment_hold', 'offer_timeout', 'reminder']);
export const deadlineStatusEnum = pgEnum('booking_deadline_status', ['pending', 'met', 'breached', 'cancelled']);

/**
 * Deadlines are rows with a due time; a sweeper job acts on the due ones using ctx.now (so tests
 * drive time with the clock). A breached SLA is recorded here and escalated to operations.
 */
export const bookingDeadlines = pgTable(
  'booking_deadlines',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    kind: deadlineKindEnum().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: deadlineStatusEnum().notNull().default('pending'),
    resolvedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('booking_deadlines_due_idx').on(t.dueAt).where(sql`${t.status} = 'pending'`),
    uniqueIndex('booking_deadlines_pending_key').on(t.bookingId, t.kind).where(sql`${t.status} = 'pending'`),
  ],
);

export const offerStatusEnum = pgEnum('dispatch_offer_status', ['open', 'accepted', 'declined', 'expired', 'withdrawn']);

/** On-demand dispatch: one open offer per booking at a time, to one serviceman, with a timeout. */
export const dispatchOffers = pgTable(
  'dispatch_offers',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    servicemanId: uuid()
      .notNull()
      .references(() => servicemen.id),
    offeredAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    status: offerStatusEnum().notNull().default('open'),
    respondedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dispatch_offers_one_open').on(t.bookingId).where(sql`${t.status} = 'open'`),
    index('dispatch_offers_serviceman_idx').on(t.servicemanId, t.status),
  ],
);

export const savedAddresses = pgTable(
  'saved_addresses',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    addressLine: text().notNull(),
    location: pointGeometry('location').notNull(),
    ...timestamps(),
  },
  (t) => [index('saved_addresses_user_idx').on(t.userId)],
);

export const reviewStatusEnum = pgEnum('review_status', ['published', 'reported', 'hidden']);

/** One review per completed booking, by its customer; the provider may reply once. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    bookingId: uuid()
      .notNull()
      .unique()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    customerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    rating: smallint().notNull(),
    body: text().notNull().default(''),
    reply: text(),
    repliedAt: timestamp({ withTimezone: true }),
    status: reviewStatusEnum().notNull().default('published'),
    reportReason: text(),
    ...timestamps(),
  },
  (t) => [index('reviews_provider_idx').on(t.providerOrgId, t.status), check('reviews_rating', sql`${t.rating} between 1 and 5`)],
);

/** The in-app notification centre (email goes through lib/notifications' mail queue). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    href: text(),
    businessKey: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), uniqueIndex('notifications_key').on(t.userId, t.businessKey)],
);
