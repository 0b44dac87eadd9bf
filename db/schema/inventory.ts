import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, timestamps } from './_columns';
import { organisations, users } from './identity';

/**
 * Inventory (DOMAIN.md "Inventory and rentals"). An item is a provider's tool or material, tracked
 * as serialised units (each with its own identity) or a bulk quantity. Counters on the item row:
 *   on_hand      — units in the provider's possession (out on rent is NOT on hand),
 *   reserved     — on-hand units set aside for a scheduled pickup (reserved ≤ on_hand, by CHECK),
 *   out_on_rent  — units checked out to renters.
 * Every counter change is an append-only row in inventory_moves carrying the balances after it,
 * written under the item's row lock (lib/inventory/apply-move.ts), so on_hand = Σ moves always.
 * Availability for a rental WINDOW is decided by rental_reservations (time ranges), not counters.
 */
export const itemKindEnum = pgEnum('inventory_item_kind', ['tool', 'material']);
export const itemModeEnum = pgEnum('inventory_item_mode', ['purchase', 'rental', 'hybrid']);
export const itemTrackingEnum = pgEnum('inventory_tracking', ['serialised', 'bulk']);
export const itemConditionEnum = pgEnum('inventory_condition', ['new', 'good', 'fair', 'worn', 'damaged']);
export const itemStatusEnum = pgEnum('inventory_item_status', ['active', 'archived']);

export const inventoryItems = pgTable(
  'inventory_items',
  {
    id: id(),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    kind: itemKindEnum().notNull(),
    mode: itemModeEnum().notNull(),
    tracking: itemTrackingEnum().notNull(),
    onHand: integer().notNull().default(0),
    reserved: integer().notNull().default(0),
    outOnRent: integer().notNull().default(0),
    safetyStock: integer().notNull().default(0),
    /** Rental price per day (rental / hybrid items). */
    dailyRateMinor: minorUnits('daily_rate_minor'),
    /** Refundable deposit per unit, held at checkout. */
    depositMinor: minorUnits('deposit_minor').notNull().default(sql`0`),
    /** Sale price per unit (purchase / hybrid items). */
    salePriceMinor: minorUnits('sale_price_minor'),
    replacementCostMinor: minorUnits('replacement_cost_minor').notNull().default(sql`0`),
    currency: currency().notNull(),
    /** Renters must have an approved identity + insurance document to rent it. */
    insuranceRequired: boolean().notNull().default(false),
    condition: itemConditionEnum().notNull().default('good'),
    location: text().notNull().default(''),
    status: itemStatusEnum().notNull().default('active'),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('inventory_items_sku_key').on(t.providerOrgId, t.sku),
    index('inventory_items_provider_idx').on(t.providerOrgId, t.status),
    check('inventory_items_on_hand', sql`${t.onHand} >= 0`),
    check('inventory_items_reserved', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
    check('inventory_items_out', sql`${t.outOnRent} >= 0`),
    check('inventory_items_safety', sql`${t.safetyStock} >= 0`),
    check('inventory_items_sku_shape', sql`${t.sku} ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'`),
    check('inventory_items_money', sql`coalesce(${t.dailyRateMinor}, 0) >= 0 and ${t.depositMinor} >= 0 and coalesce(${t.salePriceMinor}, 0) >= 0 and ${t.replacementCostMinor} >= 0`),
    check('inventory_items_rental_rate', sql`${t.mode} = 'purchase' or ${t.dailyRateMinor} is not null`),
    check('inventory_items_sale_price', sql`${t.mode} = 'rental' or ${t.salePriceMinor} is not null`),
    check('inventory_items_currency_shape', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const unitStatusEnum = pgEnum('inventory_unit_status', ['in_stock', 'out', 'maintenance', 'retired', 'sold']);

/** One physical unit of a serialised item. */
export const inventoryUnits = pgTable(
  'inventory_units',
  {
    id: id(),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    serial: text().notNull(),
    status: unitStatusEnum().notNull().default('in_stock'),
    condition: itemConditionEnum().notNull().default('good'),
    /** The marketplace order that bought this unit (status 'sold'); cleared when a refund restocks it. FK in 0012's SQL (orders live in the marketplace schema). */
    soldOrderId: uuid(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('inventory_units_serial_key').on(t.itemId, t.serial),
    index('inventory_units_item_idx').on(t.itemId, t.status),
    index('inventory_units_sold_order_idx').on(t.soldOrderId),
    check('inventory_units_serial', sql`char_length(${t.serial}) between 1 and 60`),
    // A sold unit always names its order, and only a sold unit does.
    // As text: the enum value is new in the same migration and cannot be used as an enum until committed.
    check('inventory_units_sold_order', sql`(${t.status}::text = 'sold') = (${t.soldOrderId} is not null)`),
  ],
);

export const moveKindEnum = pgEnum('inventory_move_kind', ['receive', 'reserve', 'release', 'checkout', 'return', 'adjust', 'write_off', 'sale', 'restock', 'count']);

/**
 * The stock ledger: append-only (trigger), one row per change with the deltas and the balances
 * after it. `seq` orders moves of an item; reconciliation checks on_hand = Σ on_hand_delta.
 */
export const inventoryMoves = pgTable(
  'inventory_moves',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid().notNull().unique(),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: moveKindEnum().notNull(),
    onHandDelta: integer().notNull().default(0),
    reservedDelta: integer().notNull().default(0),
    outDelta: integer().notNull().default(0),
    onHandAfter: integer().notNull(),
    reservedAfter: integer().notNull(),
    outAfter: integer().notNull(),
    unitId: uuid(),
    rentalId: uuid(),
    orderId: uuid(),
    /** Required for adjustments, write-offs and counts; free text otherwise. */
    reason: text().notNull().default(''),
    /** A cycle count: what was counted (the delta is counted − expected). */
    countedQty: integer(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('inventory_moves_item_idx').on(t.itemId, t.seq),
    index('inventory_moves_provider_idx').on(t.providerOrgId, t.createdAt),
    index('inventory_moves_rental_idx').on(t.rentalId),
    check('inventory_moves_nonzero', sql`${t.onHandDelta} <> 0 or ${t.reservedDelta} <> 0 or ${t.outDelta} <> 0 or ${t.kind} = 'count'`),
    check('inventory_moves_after', sql`${t.onHandAfter} >= 0 and ${t.reservedAfter} >= 0 and ${t.reservedAfter} <= ${t.onHandAfter} and ${t.outAfter} >= 0`),
    check('inventory_moves_reason', sql`${t.kind} not in ('adjust', 'write_off', 'count') or char_length(${t.reason}) >= 3`),
  ],
);

export const alertKindEnum = pgEnum('inventory_alert_kind', ['low_stock', 'overdue_return', 'damage_reported']);
export const alertSeverityEnum = pgEnum('inventory_alert_severity', ['warning', 'critical']);
export const alertStatusEnum = pgEnum('inventory_alert_status', ['open', 'acknowledged', 'resolved']);

/** Stock alerts; at most one unresolved alert per (item, kind, rental). */
export const inventoryAlerts = pgTable(
  'inventory_alerts',
  {
    id: id(),
    itemId: uuid()
      .notNull()
      .references(() => inventoryItems.id, { onDelete: 'cascade' }),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: alertKindEnum().notNull(),
    severity: alertSeverityEnum().notNull(),
    status: alertStatusEnum().notNull().default('open'),
    rentalId: uuid(),
    detail: text().notNull().default(''),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Resolved by the system when the condition cleared (stock recovered, item returned). */
    autoResolved: boolean().notNull().default(false),
    resolutionNote: text(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('inventory_alerts_one_live')
      .on(t.itemId, t.kind, sql`coalesce(${t.rentalId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`status <> 'resolved'`),
    index('inventory_alerts_provider_idx').on(t.providerOrgId, t.status, t.openedAt),
    check('inventory_alerts_resolved', sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`),
  ],
);
