import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, minorUnits, timestamps } from './_columns';
import { storedFiles } from './files';
import { organisations, users } from './identity';

/**
 * Disputes (DOMAIN.md): opened on a booking, job or rental (a reference: `subjectKind` +
 * `subjectId`) with reason and evidence inside the window; the other party responds by a deadline;
 * operations review and resolve (full refund, partial refund, no refund, release). Money moves
 * only as ledger transfers; funds under dispute stay held. One appeal within 7 days of the
 * resolution, reviewed by another operations user.
 */
export const disputeSubjectEnum = pgEnum('dispute_subject', ['booking', 'job', 'rental']);
export const disputeStatusEnum = pgEnum('dispute_status', ['awaiting_response', 'under_review', 'resolved', 'appealed', 'withdrawn']);
export const disputeOutcomeEnum = pgEnum('dispute_outcome', ['full_refund', 'partial_refund', 'no_refund', 'release']);
export const disputePartyEnum = pgEnum('dispute_party', ['customer', 'provider', 'operations']);

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    reference: text().notNull().unique(),
    subjectKind: disputeSubjectEnum().notNull(),
    subjectId: uuid().notNull(),
    /** The booking whose money is held (a job dispute points at the awarded job's booking). */
    bookingId: uuid(),
    customerId: uuid()
      .notNull()
      .references(() => users.id),
    providerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    openedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    openedByParty: disputePartyEnum().notNull(),
    reasonCode: text().notNull(),
    reason: text().notNull(),
    status: disputeStatusEnum().notNull().default('awaiting_response'),
    responseDueAt: timestamp({ withTimezone: true }).notNull(),
    respondedAt: timestamp({ withTimezone: true }),
    response: text(),
    /** Amount in dispute and the currency of the held booking money. */
    amountMinor: minorUnits('amount_minor').notNull(),
    currency: currency().notNull(),
    outcome: disputeOutcomeEnum(),
    refundMinor: minorUnits('refund_minor'),
    resolutionNote: text(),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The first resolver, so an appeal goes to someone else. */
    firstResolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    appealCount: integer().notNull().default(0),
    appealedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    // One live dispute per subject at a time.
    uniqueIndex('disputes_one_open_per_subject').on(t.subjectKind, t.subjectId).where(sql`status in ('awaiting_response', 'under_review', 'appealed')`),
    index('disputes_queue_idx').on(t.status, t.responseDueAt),
    index('disputes_customer_idx').on(t.customerId, t.createdAt),
    index('disputes_provider_idx').on(t.providerOrgId, t.createdAt),
    check('disputes_amount', sql`${t.amountMinor} >= 0`),
    check('disputes_refund', sql`${t.refundMinor} is null or (${t.refundMinor} >= 0 and ${t.refundMinor} <= ${t.amountMinor})`),
    check('disputes_resolved', sql`(${t.status} = 'resolved') = (${t.outcome} is not null and ${t.resolvedAt} is not null)`),
    check('disputes_appeals', sql`${t.appealCount} between 0 and 1`),
  ],
);

/** Evidence items: both parties see each other's unless operations mark an item internal. */
export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: id(),
    disputeId: uuid()
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    party: disputePartyEnum().notNull(),
    addedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    fileId: uuid().references(() => storedFiles.id),
    note: text().notNull().default(''),
    internal: boolean().notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('dispute_evidence_dispute_idx').on(t.disputeId, t.createdAt), check('dispute_evidence_something', sql`${t.fileId} is not null or char_length(${t.note}) > 0`)],
);

/** The dispute's timeline, append-only: every step, by whom, with what note. */
export const disputeEvents = pgTable(
  'dispute_events',
  {
    id: id(),
    disputeId: uuid()
      .notNull()
      .references(() => disputes.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    party: disputePartyEnum(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    /** Shown to operations only. */
    internal: boolean().notNull().default(false),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('dispute_events_dispute_idx').on(t.disputeId, t.at)],
);
