import { sql } from 'drizzle-orm';
import { bigint, check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './_columns';
import { users } from './identity';

/**
 * Files kept through the storage interface (lib/storage: local disk on one machine, S3-compatible
 * when scaled). The row is the truth about a file: its detected type (by content, never by the
 * name), size and checksum; `storageKey` is where the bytes are. Domains reference files by id.
 */
export const filePurposeEnum = pgEnum('file_purpose', ['job_photo', 'bid_attachment', 'dispute_evidence', 'compliance_document', 'listing_photo', 'rental_photo']);

export const storedFiles = pgTable(
  'stored_files',
  {
    id: id(),
    purpose: filePurposeEnum().notNull(),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    storageKey: text().notNull().unique(),
    /** The name the uploader gave, for display only (never used as a path). */
    originalName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('stored_files_owner_idx').on(t.ownerUserId, t.createdAt),
    check('stored_files_size', sql`${t.sizeBytes} > 0`),
    check('stored_files_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
