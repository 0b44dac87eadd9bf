import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, pointGeometry, timestamps } from './_columns';
import { serviceCategories } from './catalog';
import { storedFiles } from './files';
import { zones } from './geo';
import { organisations, users } from './identity';

/**
 * Custom jobs and bids (DOMAIN.md "Custom jobs, bidding, disputes"): a customer posts a job,
 * eligible providers place ONE bid each (revisable, withdrawable until the deadline), the customer
 * awards one and it becomes a booking at the bid price; the other bids are declined in the same
 * transaction. A Q&A thread per bid.
 */
export const customJobStatusEnum = pgEnum('custom_job_status', ['open', 'closed', 'awarded', 'cancelled']);

export const customJobs = pgTable(
  'custom_jobs',
  {
    id: id(),
    reference: text().notNull().unique(),
    customerId: uuid()
      .notNull()
      .references(() => users.id),
    /** Set when an enterprise member posts for the organisation (an approver awards). */
    enterpriseOrgId: uuid().references(() => organisations.id),
    title: text().notNull(),
    description: text().notNull(),
    categoryId: uuid()
      .notNull()
      .references(() => serviceCategories.id),
    location: pointGeometry('location').notNull(),
    addressLine: text().notNull(),
    /** The platform zone containing the location; null only when out-of-zone was allowed. */
    zoneId: uuid().references(() => zones.id),
    outOfZoneAllowed: boolean().notNull().default(false),
    budgetMinMinor: minorUnits('budget_min_minor').notNull(),
    budgetMaxMinor: minorUnits('budget_max_minor').notNull(),
    currency: currency().notNull(),
    bidDeadline: timestamp({ withTimezone: true }).notNull(),
    /** Only invited providers see and bid on the job. */
    inviteOnly: boolean().notNull().default(false),
    status: customJobStatusEnum().notNull().default('open'),
    awardedBidId: uuid(),
    closedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('custom_jobs_customer_idx').on(t.customerId, t.createdAt),
    index('custom_jobs_feed_idx').on(t.status, t.bidDeadline),
    index('custom_jobs_zone_idx').on(t.zoneId, t.status),
    index('custom_jobs_location_gix').using('gist', t.location),
    check('custom_jobs_title', sql`char_length(${t.title}) >= 5`),
    check('custom_jobs_budget', sql`${t.budgetMinMinor} >= 0 and ${t.budgetMaxMinor} >= ${t.budgetMinMinor}`),
    check('custom_jobs_zone', sql`${t.zoneId} is not null or ${t.outOfZoneAllowed}`),
    check('custom_jobs_awarded', sql`(${t.status} = 'awarded') = (${t.awardedBidId} is not null)`),
  ],
);

/** Up to 6 photos per job, in order. */
export const customJobPhotos = pgTable(
  'custom_job_photos',
  {
    jobId: uuid()
      .notNull()
      .references(() => customJobs.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.fileId] }), uniqueIndex('custom_job_photos_position').on(t.jobId, t.position), check('custom_job_photos_max', sql`${t.position} between 0 and 5`)],
);

/** Providers invited to a job (an invite-only job is visible to these alone). */
export const customJobInvites = pgTable(
  'custom_job_invites',
  {
    jobId: uuid()
      .notNull()
      .references(() => customJobs.id, { onDelete: 'cascade' }),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.providerOrgId] })],
);

export const bidStatusEnum = pgEnum('bid_status', ['active', 'withdrawn', 'declined', 'awarded']);

/** ONE bid per provider per job (a withdrawn bid may be placed again: same row, new revision). */
export const bids = pgTable(
  'bids',
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => customJobs.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    amountMinor: minorUnits('amount_minor').notNull(),
    currency: currency().notNull(),
    message: text().notNull().default(''),
    /** When the provider could start / be done, in days from award. */
    etaDays: integer().notNull(),
    status: bidStatusEnum().notNull().default('active'),
    revision: integer().notNull().default(1),
    placedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('bids_one_per_provider').on(t.jobId, t.providerOrgId),
    // At most one awarded bid per job, whatever races.
    uniqueIndex('bids_one_awarded').on(t.jobId).where(sql`status = 'awarded'`),
    index('bids_provider_idx').on(t.providerOrgId, t.createdAt),
    check('bids_amount', sql`${t.amountMinor} > 0`),
    check('bids_eta', sql`${t.etaDays} between 0 and 365`),
  ],
);

/** Every revision of a bid as placed (the bid row holds the latest), for the customer and disputes. */
export const bidRevisions = pgTable(
  'bid_revisions',
  {
    id: id(),
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    revision: integer().notNull(),
    amountMinor: minorUnits('amount_minor').notNull(),
    message: text().notNull(),
    etaDays: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bid_revisions_key').on(t.bidId, t.revision)],
);

export const bidAttachments = pgTable(
  'bid_attachments',
  {
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.fileId] })],
);

/** The Q&A thread of a bid: the customer and the bidding provider's people. */
export const bidMessages = pgTable(
  'bid_messages',
  {
    id: id(),
    bidId: uuid()
      .notNull()
      .references(() => bids.id, { onDelete: 'cascade' }),
    authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    authorParty: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('bid_messages_bid_idx').on(t.bidId, t.createdAt), check('bid_messages_party', sql`${t.authorParty} in ('customer', 'provider')`), check('bid_messages_body', sql`char_length(${t.body}) between 1 and 2000`)],
);
