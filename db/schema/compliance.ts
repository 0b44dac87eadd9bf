import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';
import { servicemen } from './crew';
import { storedFiles } from './files';
import { organisations, users } from './identity';

/**
 * Compliance documents (DOMAIN.md "Compliance and marketplace"). A document belongs to exactly one
 * subject: a provider organisation (insurance certificate, public liability, identity), one of its
 * servicemen (identity, DBS check) or a renter (identity / insurance for insurance-required items).
 * Status moves submitted → approved | rejected (with reason) → expired (daily job at the subject's
 * local midnight). Insured-seller status is DERIVED at query time from the latest approved, in-date
 * document per type (lib/compliance/status.ts) — never stored, so it cannot go stale.
 */
export const complianceDocTypeEnum = pgEnum('compliance_doc_type', ['insurance_certificate', 'public_liability', 'identity', 'dbs_check']);
export const complianceDocStatusEnum = pgEnum('compliance_doc_status', ['submitted', 'approved', 'rejected', 'expired']);

export const complianceDocuments = pgTable(
  'compliance_documents',
  {
    id: id(),
    providerOrgId: uuid().references(() => organisations.id, { onDelete: 'cascade' }),
    servicemanId: uuid().references(() => servicemen.id, { onDelete: 'cascade' }),
    /** A renter's own document (identity / insurance), for items marked insurance-required. */
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    docType: complianceDocTypeEnum().notNull(),
    fileId: uuid()
      .notNull()
      .references(() => storedFiles.id),
    /** Certificate number / policy reference as printed, for the reviewer. */
    documentNumber: text().notNull().default(''),
    issuedOn: date({ mode: 'string' }).notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
    status: complianceDocStatusEnum().notNull().default('submitted'),
    rejectionReason: text(),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('compliance_documents_provider_idx').on(t.providerOrgId, t.docType, t.status),
    index('compliance_documents_serviceman_idx').on(t.servicemanId, t.docType, t.status),
    index('compliance_documents_user_idx').on(t.userId, t.docType, t.status),
    index('compliance_documents_queue_idx').on(t.status, t.createdAt),
    index('compliance_documents_expiry_idx').on(t.status, t.expiresOn),
    check('compliance_documents_one_subject', sql`num_nonnulls(${t.providerOrgId}, ${t.servicemanId}, ${t.userId}) = 1`),
    check('compliance_documents_dates', sql`${t.expiresOn} > ${t.issuedOn}`),
    check('compliance_documents_rejection', sql`(${t.status} = 'rejected') = (${t.rejectionReason} is not null)`),
    check('compliance_documents_reviewed', sql`${t.status} = 'submitted' or ${t.reviewedAt} is not null`),
  ],
);

/**
 * Operations' sticky decisions about a provider: a suspension stays until it is lifted explicitly,
 * whatever documents arrive meanwhile. One row per provider that was ever suspended.
 */
export const providerCompliance = pgTable(
  'provider_compliance',
  {
    orgId: uuid()
      .primaryKey()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    suspended: boolean().notNull().default(false),
    suspensionReason: text(),
    suspendedAt: timestamp({ withTimezone: true }),
    suspendedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reinstatedAt: timestamp({ withTimezone: true }),
    reinstatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reinstatementNote: text(),
    ...timestamps(),
  },
  (t) => [check('provider_compliance_suspension', sql`not ${t.suspended} or (${t.suspensionReason} is not null and ${t.suspendedAt} is not null)`)],
);
