import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, timestamps } from './_columns';
import { organisations, users } from './identity';
import { demandLevelEnum } from './geo';
import { serviceCategories } from './catalog';

/**
 * Money configuration and the double-entry ledger (DOMAIN.md "Money"). Rates have effective dates;
 * a booking snapshots the rates it used. The ledger is append-only (trigger) and every ledger
 * transaction balances per currency (deferred constraint trigger, checked at commit).
 */

/** Units of `quote` per one `base` (e.g. base GBP, quote EUR, rate 1.17). Exact decimal, read as text. */
export const fxRates = pgTable(
  'fx_rates',
  {
    id: id(),
    base: currency('base').notNull(),
    quote: currency('quote').notNull(),
    rate: numeric({ precision: 20, scale: 10, mode: 'string' }).notNull(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveTo: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('fx_rates_pair_idx').on(t.base, t.quote, t.effectiveFrom),
    check('fx_rates_positive', sql`${t.rate} > 0`),
    check('fx_rates_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

export const taxRates = pgTable(
  'tax_rates',
  {
    id: id(),
    region: text().notNull(),
    name: text().notNull(),
    rateBp: integer().notNull(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveTo: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('tax_rates_region_idx').on(t.region, t.effectiveFrom),
    check('tax_rates_range', sql`${t.rateBp} between 0 and 10000`),
    check('tax_rates_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

export const commissionKindEnum = pgEnum('commission_kind', ['service_fee', 'provider_commission']);
export const bookingTypeEnum = pgEnum('booking_type', ['on_demand', 'scheduled']);

/**
 * Commission rules are data: the most specific matching rule by priority wins (null = any).
 * service_fee is charged to the customer (platform revenue); provider_commission is deducted from
 * the provider's share (default 0 %).
 */
export const commissionRules = pgTable(
  'commission_rules',
  {
    id: id(),
    kind: commissionKindEnum().notNull(),
    name: text().notNull(),
    categoryId: uuid().references(() => serviceCategories.id),
    bookingType: bookingTypeEnum(),
    demandLevel: demandLevelEnum(),
    providerPlan: text(),
    priority: integer().notNull().default(0),
    rateBp: integer().notNull(),
    minFeeMinor: minorUnits('min_fee_minor'),
    minFeeCurrency: currency('min_fee_currency'),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    effectiveTo: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('commission_rules_kind_idx').on(t.kind, t.priority),
    check('commission_rules_rate', sql`${t.rateBp} between 0 and 10000`),
    check('commission_rules_min_fee', sql`(${t.minFeeMinor} is null) = (${t.minFeeCurrency} is null) and coalesce(${t.minFeeMinor}, 0) >= 0`),
    check('commission_rules_dates', sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`),
  ],
);

export const ledgerAccountKindEnum = pgEnum('ledger_account_kind', [
  'customer', // what a customer owes / has paid (gateway side)
  'gateway_clearing', // money held or captured at the payment gateway
  'escrow', // captured customer money while the job runs
  'provider_pending', // provider share inside the dispute window
  'provider_payable', // provider share that can be paid out
  'provider_paid', // paid out to the provider's bank
  'platform_fees', // platform revenue (service fees, commission, cancellation fees)
  'tax_payable', // tax collected, owed to the tax authority
  'refunds', // money returned to customers
  'deposit_holds', // rental deposits authorised at the gateway and not yet captured or released
]);

/** One account per (kind, owner, currency); owner is the provider org, customer user or null (platform). */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: id(),
    kind: ledgerAccountKindEnum().notNull(),
    ownerOrgId: uuid().references(() => organisations.id),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    currency: currency().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_key').on(t.kind, sql`coalesce(${t.ownerOrgId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`coalesce(${t.ownerUserId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.currency),
  ],
);

/** A ledger transaction groups balanced entries; its key makes posting idempotent by business key. */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: id(),
    kind: text().notNull(),
    businessKey: text().notNull().unique(),
    bookingId: uuid(),
    memo: text().notNull().default(''),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_transactions_booking_idx').on(t.bookingId)],
);

/** Signed amounts: debit positive, credit negative; Σ per (transaction, currency) = 0. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: uuid()
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid()
      .notNull()
      .references(() => ledgerAccounts.id),
    amountMinor: minorUnits('amount_minor').notNull(),
    currency: currency().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId),
    index('ledger_entries_tx_idx').on(t.transactionId),
    check('ledger_entries_nonzero', sql`${t.amountMinor} <> 0`),
  ],
);

export const paymentStatusEnum = pgEnum('payment_status', ['requires_action', 'authorized', 'captured', 'voided', 'refunded', 'partially_refunded', 'failed']);

/** A payment at the gateway for one booking (hold → capture, or void); refunds are amounts on it. */
export const payments = pgTable(
  'payments',
  {
    id: id(),
    bookingId: uuid().notNull(),
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
    index('payments_booking_idx').on(t.bookingId),
    uniqueIndex('payments_gateway_ref_key').on(t.gateway, t.gatewayRef),
    check('payments_amounts', sql`${t.amountMinor} > 0 and ${t.capturedMinor} between 0 and ${t.amountMinor} and ${t.refundedMinor} between 0 and ${t.capturedMinor}`),
  ],
);

/** Gateway webhooks, stored once per event id (deduplication) and processed idempotently. */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    gateway: text().notNull(),
    eventId: text().notNull(),
    type: text().notNull(),
    payload: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('webhook_events_key').on(t.gateway, t.eventId)],
);
