import { sql } from 'drizzle-orm';
import { char, check, index, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, timestamps } from './_columns';
import { organisations, users } from './identity';

/**
 * Getting paid and paper trails (DOMAIN.md "Money"): where and when a provider is paid out, the
 * payouts themselves, the business details printed on VAT invoices, and the invoices (immutable
 * documents with gapless numbers per series; corrections are credit notes).
 */

export const payoutScheduleEnum = pgEnum('payout_schedule', ['daily', 'weekly', 'monthly', 'manual']);

/**
 * A provider's payout destination and schedule, one per provider. Only masked bank details are kept
 * here: the gateway holds the full account behind `destinationRef`.
 */
export const payoutAccounts = pgTable(
  'payout_accounts',
  {
    providerOrgId: uuid()
      .primaryKey()
      .references(() => organisations.id),
    accountHolder: text().notNull(),
    country: char({ length: 2 }).notNull(),
    currency: currency().notNull(),
    /** Sort code / routing number / BIC: shown in full to the provider, not secret on its own. */
    bankIdentifier: text().notNull().default(''),
    accountLast4: char({ length: 4 }).notNull(),
    gateway: text().notNull(),
    destinationRef: text().notNull(),
    schedule: payoutScheduleEnum().notNull().default('weekly'),
    /** ISO weekday 1 (Monday) … 7 for weekly payouts. */
    weeklyDay: smallint().notNull().default(1),
    /** 1 … 28 for monthly payouts (every month has it). */
    monthlyDay: smallint().notNull().default(1),
    minimumPayoutMinor: minorUnits('minimum_payout_minor').notNull().default(sql`0`),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check('payout_accounts_last4', sql`${t.accountLast4} ~ '^[0-9]{4}$'`),
    check('payout_accounts_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('payout_accounts_days', sql`${t.weeklyDay} between 1 and 7 and ${t.monthlyDay} between 1 and 28`),
    check('payout_accounts_minimum', sql`${t.minimumPayoutMinor} >= 0`),
  ],
);

export const payoutStatusEnum = pgEnum('payout_status', ['pending', 'paid', 'failed']);

/**
 * One transfer of a provider's payable balance in one currency to its bank. `periodKey` names the
 * run that made it (e.g. `weekly:2026-W49`, `manual:<request id>`), so a rerun never pays twice.
 */
export const payouts = pgTable(
  'payouts',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    currency: currency().notNull(),
    amountMinor: minorUnits('amount_minor').notNull(),
    status: payoutStatusEnum().notNull().default('pending'),
    periodKey: text().notNull(),
    gateway: text().notNull(),
    gatewayRef: text(),
    destinationLast4: char({ length: 4 }).notNull(),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    failureReason: text(),
    paidAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('payouts_period_key').on(t.providerOrgId, t.currency, t.periodKey),
    // At most one payout in flight per provider and currency: the balance it moves is spoken for.
    uniqueIndex('payouts_one_pending').on(t.providerOrgId, t.currency).where(sql`status = 'pending'`),
    index('payouts_provider_idx').on(t.providerOrgId, t.createdAt),
    check('payouts_amount', sql`${t.amountMinor} > 0`),
    check('payouts_paid_at', sql`(${t.status} = 'paid') = (${t.paidAt} is not null)`),
  ],
);

/**
 * Business details printed on invoices: a provider's (supplier) or a buyer's — an enterprise
 * organisation or an individual customer who wants a company on the invoice. Exactly one owner.
 */
export const billingProfiles = pgTable(
  'billing_profiles',
  {
    id: id(),
    orgId: uuid().references(() => organisations.id),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    legalName: text().notNull(),
    vatNumber: text(),
    companyNumber: text(),
    addressLine1: text().notNull(),
    addressLine2: text().notNull().default(''),
    city: text().notNull(),
    postcode: text().notNull(),
    country: char({ length: 2 }).notNull(),
    invoiceEmail: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('billing_profiles_org_key').on(t.orgId).where(sql`org_id is not null`),
    uniqueIndex('billing_profiles_user_key').on(t.userId).where(sql`user_id is not null`),
    check('billing_profiles_one_owner', sql`(${t.orgId} is null) <> (${t.userId} is null)`),
    check('billing_profiles_country', sql`${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const invoiceKindEnum = pgEnum('invoice_kind', ['invoice', 'credit_note']);

/** Gapless invoice numbers: one counter row per series (e.g. `FX-2026`), incremented under a row lock. */
export const invoiceCounters = pgTable('invoice_counters', {
  series: text().primaryKey(),
  lastNumber: integer().notNull().default(0),
});

/**
 * A VAT invoice or credit note for a booking. Supplier, buyer and lines are snapshots taken at
 * issue, so later edits of a billing profile never change an issued document. Append-only.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    number: text().notNull().unique(),
    kind: invoiceKindEnum().notNull(),
    /** What was sold: exactly one of a booking, a marketplace order or a rental (CHECK below; FKs in 0013's SQL). */
    bookingId: uuid(),
    orderId: uuid(),
    rentalId: uuid(),
    customerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    buyerOrgId: uuid().references(() => organisations.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The invoice a credit note corrects. */
    correctsInvoiceId: uuid(),
    currency: currency().notNull(),
    netMinor: minorUnits('net_minor').notNull(),
    taxMinor: minorUnits('tax_minor').notNull(),
    totalMinor: minorUnits('total_minor').notNull(),
    taxRateBp: integer().notNull(),
    supplier: jsonb().notNull(),
    buyer: jsonb().notNull(),
    lines: jsonb().notNull(),
    /** Business key of the event that issued it (capture, refund …): issuing is idempotent. */
    businessKey: text().notNull().unique(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('invoices_booking_idx').on(t.bookingId),
    index('invoices_customer_idx').on(t.customerId, t.issuedAt),
    index('invoices_buyer_org_idx').on(t.buyerOrgId, t.issuedAt),
    uniqueIndex('invoices_one_per_booking').on(t.bookingId).where(sql`kind = 'invoice'`),
    index('invoices_order_idx').on(t.orderId),
    index('invoices_rental_idx').on(t.rentalId),
    uniqueIndex('invoices_one_per_order').on(t.orderId).where(sql`kind = 'invoice'`),
    uniqueIndex('invoices_one_per_rental').on(t.rentalId).where(sql`kind = 'invoice'`),
    check('invoices_one_subject', sql`num_nonnulls(${t.bookingId}, ${t.orderId}, ${t.rentalId}) = 1`),
    check('invoices_total', sql`${t.totalMinor} = ${t.netMinor} + ${t.taxMinor}`),
    check('invoices_sign', sql`(${t.kind} = 'invoice' and ${t.totalMinor} >= 0) or (${t.kind} = 'credit_note' and ${t.totalMinor} <= 0 and ${t.correctsInvoiceId} is not null)`),
  ],
);
