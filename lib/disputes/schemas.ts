import { z } from 'zod';
import { uuidSchema } from '@/lib/core/ids';
import { MIN_REASON_CHARS, MAX_EVIDENCE_FILES, disputeStatuses, outcomes, reasonCodes } from './policy';

/** A file from a multipart form, already read by the route (bytes + the browser's name). */
export const uploadFile = z.object({ bytes: z.instanceof(Uint8Array), name: z.string().max(300) });
export type UploadFile = z.infer<typeof uploadFile>;
const files = z.array(uploadFile).max(MAX_EVIDENCE_FILES, `at most ${MAX_EVIDENCE_FILES} files`).default([]);
const text = (min: number, max: number) => z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

export const openDisputeInput = z.object({
  subjectKind: z.enum(['booking', 'job', 'rental']).default('booking'),
  subjectId: uuidSchema,
  reasonCode: z.enum(reasonCodes),
  reason: text(MIN_REASON_CHARS, 4000),
  evidenceNote: z.string().trim().max(2000).default(''),
  files,
});
export const respondInput = z.object({ disputeId: uuidSchema, response: text(10, 4000), files });
export const addEvidenceInput = z.object({ disputeId: uuidSchema, note: z.string().trim().max(2000).default(''), files });
export const markInternalInput = z.object({ disputeId: uuidSchema, evidenceId: uuidSchema, internal: z.boolean() });
export const withdrawInput = z.object({ disputeId: uuidSchema, note: z.string().trim().max(2000).default('') });
export const startReviewInput = z.object({ disputeIds: z.array(uuidSchema).min(1, 'select at least one dispute').max(100) });
const minor = z.union([z.bigint(), z.number().int(), z.string().regex(/^\d+$/, 'must be a whole number of minor units')]).transform((v) => BigInt(v));
export const resolveInput = z.object({
  disputeId: uuidSchema,
  outcome: z.enum(outcomes),
  refundMinor: minor.nullish(),
  note: text(5, 4000),
});
export const appealInput = z.object({ disputeId: uuidSchema, reason: text(MIN_REASON_CHARS, 4000) });
export const listInput = z.object({
  status: z.enum(disputeStatuses).optional(),
  // A query string says "true"/"1"; z.coerce.boolean would read "false" as true.
  overdue: z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).transform((v) => v === true || v === 'true' || v === '1').optional(),
  olderThanDays: z.coerce.number().int().min(0).max(365).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
