import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, timestamps } from './_columns';
import { serviceCategories, services } from './catalog';
import { storedFiles } from './files';
import { organisations, users } from './identity';
import { inventoryItems } from './inventory';

/**
 * The moderated marketplace (DOMAIN.md "Compliance and marketplace"). A listing offers a service
 * package, a tool for rent, a tool for sale or a material; it moves draft → pending_review →
 * approved | rejected | suspended (reasons kept). Only approved listings of an approved, in-date,
 * unsuspended seller are shown — decided at QUERY time (lib/marketplace/visibility.ts), so a lapsed
 * insurance hides a listing without anyone editing it.
 */
export const listingKindEnum = pgEnum('listing_kind', ['service_package', 'tool_rental', 'tool_sale', 'material']);
export const listingStatusEnum = pgEnum('listing_status', ['draft', 'pending_review', 'approved', 'rejected', 'suspended']);

export const listings = pgTable(
  'listings',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: listingKindEnum().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    categoryId: uuid().references(() => serviceCategories.id),
    /** The stock behind a tool / material listing. */
    itemId: uuid().references(() => inventoryItems.id),
    /** The bookable service behind a service package. */
    serviceId: uuid().references(() => services.id),
    /** Display / sale price; a rental is priced by the item's daily rate. */
    priceMinor: minorUnits('price_minor').notNull(),
    currency: currency().notNull(),
    status: listingStatusEnum().notNull().default('draft'),
    statusReason: text(),
    submittedAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('listings_provider_idx').on(t.providerOrgId, t.status),
    index('listings_feed_idx').on(t.status, t.kind, t.categoryId),
    index('listings_queue_idx').on(t.status, t.submittedAt),
    check('listings_title', sql`char_length(${t.title}) between 3 and 120`),
    check('listings_price', sql`${t.priceMinor} >= 0`),
    check('listings_stock', sql`${t.kind} = 'service_package' or ${t.itemId} is not null`),
    check('listings_service', sql`${t.kind} <> 'service_package' or ${t.serviceId} is not null`),
    check('listings_reason', sql`${t.status} not in ('rejected', 'suspended') or ${t.statusReason} is not null`),
  ],
);

export const listingPhotos = pgTable(
  'listing_photos',
  {
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    position: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.fileId] }), uniqueIndex('listing_photos_position').on(t.listingId, t.position), check('listing_photos_max', sql`${t.position} between 0 and 5`)],
);

/** Every moderation step of a listing, append-only (the queue shows the last actions). */
export const listingModerationEvents = pgTable(
  'listing_moderation_events',
  {
    id: id(),
    listingId: uuid()
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromStatus: listingStatusEnum(),
    toStatus: listingStatusEnum().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [index('listing_moderation_events_listing_idx').on(t.listingId, t.createdAt)],
);

export const orderStatusEnum = pgEnum('order_status', ['paid', 'fulfilled', 'collected', 'refunded']);
export const fulfilmentEnum = pgEnum('fulfilment_method', ['pickup', 'delivery']);

/** A purchase from a listing: paid → fulfilled (delivered) or collected → refunded. */
export const orders = pgTable(
  'orders',
  {
    id: id(),
    reference: text().notNull().unique(),
    customerId: uuid()
      .notNull()
      .references(() => users.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    listingId: uuid()
      .notNull()
      .references(() => listings.id),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id),
    quantity: integer().notNull(),
    unitPriceMinor: minorUnits('unit_price_minor').notNull(),
    subtotalMinor: minorUnits('subtotal_minor').notNull(),
    deliveryFeeMinor: minorUnits('delivery_fee_minor').notNull().default(sql`0`),
    serviceFeeMinor: minorUnits('service_fee_minor').notNull().default(sql`0`),
    taxMinor: minorUnits('tax_minor').notNull().default(sql`0`),
    totalMinor: minorUnits('total_minor').notNull(),
    currency: currency().notNull(),
    fulfilment: fulfilmentEnum().notNull(),
    deliveryAddress: text(),
    status: orderStatusEnum().notNull().default('paid'),
    paidAt: timestamp({ withTimezone: true }).notNull(),
    fulfilledAt: timestamp({ withTimezone: true }),
    collectedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    refundReason: text(),
    ...timestamps(),
  },
  (t) => [
    index('orders_customer_idx').on(t.customerId, t.createdAt),
    index('orders_provider_idx').on(t.providerOrgId, t.status, t.createdAt),
    check('orders_quantity', sql`${t.quantity} > 0`),
    check('orders_money', sql`${t.unitPriceMinor} >= 0 and ${t.deliveryFeeMinor} >= 0 and ${t.serviceFeeMinor} >= 0 and ${t.taxMinor} >= 0 and ${t.totalMinor} >= ${t.subtotalMinor}`),
    check('orders_delivery', sql`${t.fulfilment} = 'pickup' or ${t.deliveryAddress} is not null`),
  ],
);
