import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, pointGeometry, timestamps, tstzRange } from './_columns';
import { paymentStatusEnum } from './finance';
import { storedFiles } from './files';
import { organisations, users } from './identity';
import { inventoryItems, inventoryUnits, itemConditionEnum } from './inventory';
import { fulfilmentEnum, listings, orders } from './marketplace';

/**
 * Tool rentals (DOMAIN.md "Inventory and rentals"). One rental = one item × quantity for a time
 * window. States: requested → approved → pickup_scheduled → in_use → (partially_returned) →
 * inspection_pending → settled; rejected from requested; cancelled before checkout; disputed from
 * in_use onward. The transition table is lib/rentals/policy.ts.
 */
export const rentalStatusEnum = pgEnum('rental_status', [
  'requested',
  'approved',
  'rejected',
  'pickup_scheduled',
  'in_use',
  'partially_returned',
  'inspection_pending',
  'settled',
  'cancelled',
  'disputed',
]);
export const inspectionOutcomeEnum = pgEnum('rental_inspection_outcome', ['clear', 'damaged', 'partial']);

export const rentals = pgTable(
  'rentals',
  {
    id: id(),
    reference: text().notNull().unique(),
    customerId: uuid()
      .notNull()
      .references(() => users.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    listingId: uuid().references(() => listings.id),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id),
    quantity: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    /** Due back (moves with an extension); the first agreed end stays in originalEndsAt. */
    endsAt: timestamp({ withTimezone: true }).notNull(),
    originalEndsAt: timestamp({ withTimezone: true }).notNull(),
    status: rentalStatusEnum().notNull().default('requested'),
    /** The status a dispute interrupted, restored or moved on from when it is resolved. */
    statusBeforeDispute: rentalStatusEnum(),
    fulfilment: fulfilmentEnum().notNull().default('pickup'),
    deliveryAddress: text(),
    deliveryLocation: pointGeometry('delivery_location'),
    // Prices snapshotted at request (the item's later edits never change an agreed rental).
    dailyRateMinor: minorUnits('daily_rate_minor').notNull(),
    depositMinor: minorUnits('deposit_minor').notNull(),
    rentalMinor: minorUnits('rental_minor').notNull(),
    deliveryFeeMinor: minorUnits('delivery_fee_minor').notNull().default(sql`0`),
    serviceFeeMinor: minorUnits('service_fee_minor').notNull().default(sql`0`),
    taxMinor: minorUnits('tax_minor').notNull().default(sql`0`),
    totalMinor: minorUnits('total_minor').notNull(),
    currency: currency().notNull(),
    /** Gateway token (or test card) used for the rental charge, the deposit hold and any balance. */
    paymentMethod: text().notNull(),
    pickupAt: timestamp({ withTimezone: true }),
    checkedOutAt: timestamp({ withTimezone: true }),
    checkoutCondition: itemConditionEnum(),
    checkoutNote: text(),
    returnedQuantity: integer().notNull().default(0),
    inspectionOutcome: inspectionOutcomeEnum(),
    inspectionNote: text(),
    inspectedAt: timestamp({ withTimezone: true }),
    settledAt: timestamp({ withTimezone: true }),
    /** The settlement exactly as shown to both parties: charges, deposit use, refund lines, balance. */
    settlement: jsonb(),
    rejectionReason: text(),
    cancellationReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('rentals_customer_idx').on(t.customerId, t.createdAt),
    index('rentals_provider_idx').on(t.providerOrgId, t.status, t.startsAt),
    index('rentals_item_idx').on(t.itemId, t.status),
    index('rentals_due_idx').on(t.status, t.endsAt),
    check('rentals_quantity', sql`${t.quantity} > 0`),
    check('rentals_window', sql`${t.endsAt} > ${t.startsAt} and ${t.originalEndsAt} > ${t.startsAt}`),
    check('rentals_returned', sql`${t.returnedQuantity} between 0 and ${t.quantity}`),
    check('rentals_money', sql`${t.dailyRateMinor} >= 0 and ${t.depositMinor} >= 0 and ${t.rentalMinor} >= 0 and ${t.deliveryFeeMinor} >= 0 and ${t.serviceFeeMinor} >= 0 and ${t.taxMinor} >= 0 and ${t.totalMinor} >= 0`),
    check('rentals_delivery', sql`${t.fulfilment} = 'pickup' or ${t.deliveryAddress} is not null`),
    check('rentals_rejected', sql`${t.status} <> 'rejected' or ${t.rejectionReason} is not null`),
  ],
);

/**
 * Stock promised to a rental for its window. A serialised unit can never be in two active
 * reservations whose periods overlap (exclusion constraint, drizzle/0011); for bulk items the
 * request verb sums overlapping quantities under the item's row lock.
 */
export const rentalReservations = pgTable(
  'rental_reservations',
  {
    id: id(),
    rentalId: uuid()
      .notNull()
      .references(() => rentals.id, { onDelete: 'cascade' }),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id),
    unitId: uuid().references(() => inventoryUnits.id),
    quantity: integer().notNull(),
    period: tstzRange('period').notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index('rental_reservations_item_idx').on(t.itemId, t.active),
    index('rental_reservations_rental_idx').on(t.rentalId),
    check('rental_reservations_quantity', sql`${t.quantity} > 0 and (${t.unitId} is null or ${t.quantity} = 1)`),
  ],
);

/** A handover back (partial or full), per unit or quantity. */
export const rentalReturns = pgTable(
  'rental_returns',
  {
    id: id(),
    rentalId: uuid()
      .notNull()
      .references(() => rentals.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    unitIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    returnedAt: timestamp({ withTimezone: true }).notNull(),
    /** Whole days late at this return (charged at 1.5 × the daily rate per unit). */
    lateDays: integer().notNull().default(0),
    condition: itemConditionEnum().notNull(),
    note: text().notNull().default(''),
    receivedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('rental_returns_rental_idx').on(t.rentalId), check('rental_returns_quantity', sql`${t.quantity} > 0`), check('rental_returns_late', sql`${t.lateDays} >= 0`)],
);

export const rentalChargeKindEnum = pgEnum('rental_charge_kind', ['late', 'damage', 'cleaning', 'loss', 'other']);

/** Itemised inspection charges (the rental fee and delivery fee are on the rental row). */
export const rentalCharges = pgTable(
  'rental_charges',
  {
    id: id(),
    rentalId: uuid()
      .notNull()
      .references(() => rentals.id, { onDelete: 'cascade' }),
    kind: rentalChargeKindEnum().notNull(),
    label: text().notNull(),
    amountMinor: minorUnits('amount_minor').notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('rental_charges_rental_idx').on(t.rentalId), check('rental_charges_amount', sql`${t.amountMinor} > 0`), check('rental_charges_label', sql`char_length(${t.label}) between 2 and 200`)],
);

export const rentalPhotoStageEnum = pgEnum('rental_photo_stage', ['checkout', 'return', 'inspection']);

export const rentalPhotos = pgTable(
  'rental_photos',
  {
    rentalId: uuid()
      .notNull()
      .references(() => rentals.id, { onDelete: 'cascade' }),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    stage: rentalPhotoStageEnum().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.rentalId, t.fileId] })],
);

/** The rental's timeline, append-only (trigger). */
export const rentalEvents = pgTable(
  'rental_events',
  {
    id: id(),
    rentalId: uuid()
      .notNull()
      .references(() => rentals.id, { onDelete: 'cascade' }),
    fromStatus: rentalStatusEnum(),
    toStatus: rentalStatusEnum().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('rental_events_rental_idx').on(t.rentalId, t.createdAt)],
);

export const commercePaymentPurposeEnum = pgEnum('commerce_payment_purpose', ['rental', 'deposit', 'balance', 'purchase']);

/**
 * Gateway payments of rentals and orders (bookings keep theirs in `payments`): the rental charge,
 * the deposit hold (captured in part for charges, the rest released), a balance due, a purchase.
 */
export const commercePayments = pgTable(
  'commerce_payments',
  {
    id: id(),
    rentalId: uuid().references(() => rentals.id),
    orderId: uuid().references(() => orders.id),
    purpose: commercePaymentPurposeEnum().notNull(),
    customerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    gateway: text().notNull(),
    gatewayRef: text(),
    status: paymentStatusEnum().notNull(),
    amountMinor: minorUnits('amount_minor').notNull(),
    capturedMinor: minorUnits('captured_minor').notNull().default(sql`0`),
    refundedMinor: minorUnits('refunded_minor').notNull().default(sql`0`),
    currency: currency().notNull(),
    failureReason: text(),
    ...timestamps(),
  },
  (t) => [
    index('commerce_payments_rental_idx').on(t.rentalId),
    index('commerce_payments_order_idx').on(t.orderId),
    uniqueIndex('commerce_payments_one_per_purpose').on(sql`coalesce(${t.rentalId}, ${t.orderId})`, t.purpose),
    check('commerce_payments_subject', sql`num_nonnulls(${t.rentalId}, ${t.orderId}) = 1`),
    check('commerce_payments_amounts', sql`${t.amountMinor} > 0 and ${t.capturedMinor} between 0 and ${t.amountMinor} and ${t.refundedMinor} between 0 and ${t.capturedMinor}`),
  ],
);
