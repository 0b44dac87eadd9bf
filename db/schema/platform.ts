import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './_columns';

/**
 * Append-only audit trail. Rows are written in the business transaction; a sealing job later
 * hashes them in order (chain_pos, prev_hash, hash) so the chain never serialises app writes.
 * A trigger refuses DELETE and any UPDATE other than that one-time seal. Rows carry ids and
 * non-personal data only, so erasure never has to edit them.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid().notNull().unique(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorType: text().notNull(),
    actorId: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    tenantId: uuid(),
    requestId: text(),
    data: jsonb().notNull().default({}),
    chainPos: bigint({ mode: 'number' }).unique(),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_unsealed_idx').on(t.seq).where(sql`${t.hash} IS NULL`),
    check('audit_log_action_shape', sql`${t.action} ~ '^[a-z_]+\\.[a-z_.]+$'`),
  ],
);

/** Stored first responses of idempotent mutations, replayed for retries with the same key. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    status: integer().notNull(),
    response: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/** Fixed-window counters in the database, so limits hold across several app instances. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});

export const featureToggles = pgTable(
  'feature_toggles',
  {
    key: text().notNull(),
    environment: text().notNull(),
    description: text().notNull().default(''),
    enabled: boolean().notNull().default(false),
    rolloutPercent: integer().notNull().default(100),
    updatedBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.environment] }),
    check('feature_toggles_rollout_range', sql`${t.rolloutPercent} BETWEEN 0 AND 100`),
    check('feature_toggles_key_shape', sql`${t.key} ~ '^[a-z][a-z0-9_.-]{1,63}$'`),
  ],
);

/**
 * Every email we send, with its delivery record. With no SMTP configured this table IS the
 * mailbox (the local /dev/mailbox page reads it), so the whole flow works offline.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: id(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    template: text().notNull(),
    status: text().notNull().default('queued'),
    transport: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('mail_messages_to_idx').on(t.toAddress, t.createdAt),
    check('mail_messages_status', sql`${t.status} IN ('queued','sent','failed')`),
  ],
);

/**
 * Domain events (the typed catalogue in lib/analytics/events.ts), written in the business
 * transaction. Analytics rollups, alerts and notifications consume them; payloads hold ids and
 * facts, personal data only where the catalogue tags the event as PII.
 */
export const domainEvents = pgTable(
  'domain_events',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid().notNull().unique(),
    name: text().notNull(),
    domain: text().notNull(),
    actorType: text().notNull(),
    actorId: text(),
    tenantId: uuid(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    payload: jsonb().notNull().default({}),
  },
  (t) => [index('domain_events_name_time_idx').on(t.name, t.occurredAt), index('domain_events_tenant_idx').on(t.tenantId, t.occurredAt)],
);
