/**
 * Inputs of the compliance verbs (client-safe: no database imports). Dates are calendar dates
 * (YYYY-MM-DD) as printed on the certificate; "not already past" is checked by the verb against
 * the subject's own local date, which the schema cannot know.
 */
import { z } from 'zod';

export const docTypes = ['insurance_certificate', 'public_liability', 'identity', 'dbs_check'] as const;
export const subjectKinds = ['provider', 'serviceman', 'renter'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date');

export const uploadFile = z.object({ bytes: z.instanceof(Uint8Array), name: z.string().max(255) });
export type UploadFile = z.infer<typeof uploadFile>;

export const submitDocumentInput = z
  .object({
    subject: z.enum(subjectKinds),
    /** Only for subject = serviceman. */
    servicemanId: z.uuid('must be a serviceman id').optional(),
    /** Only for subject = provider, when the admin runs several businesses (defaults to the first). */
    orgId: z.uuid('must be an organisation id').optional(),
    docType: z.enum(docTypes, 'choose a document type'),
    documentNumber: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
    issuedOn: isoDate,
    expiresOn: isoDate,
    file: uploadFile.optional().refine((f) => !!f, 'is required: attach the document (a PDF or a photo)'),
  })
  .superRefine((v, ctx) => {
    if (v.subject === 'serviceman' && !v.servicemanId) ctx.addIssue({ code: 'custom', path: ['servicemanId'], message: 'is required for a crew member’s document' });
    if (v.issuedOn && v.expiresOn && v.expiresOn <= v.issuedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must be after the issue date' });
  });
export type SubmitDocumentInput = z.input<typeof submitDocumentInput>;

export const approveDocumentInput = z.object({ documentId: z.uuid('must be a document id') });
export const rejectDocumentInput = z.object({
  documentId: z.uuid('must be a document id'),
  reason: z.string().trim().min(5, 'must say why (at least 5 characters)').max(1000, 'must be at most 1000 characters'),
});
export const suspendProviderInput = z.object({
  orgId: z.uuid('must be an organisation id'),
  reason: z.string().trim().min(5, 'must say why (at least 5 characters)').max(1000, 'must be at most 1000 characters'),
});
export const reinstateProviderInput = z.object({
  orgId: z.uuid('must be an organisation id'),
  note: z.string().trim().min(5, 'must say why (at least 5 characters)').max(1000, 'must be at most 1000 characters'),
});

/** Operations record that a provider's valid cover ended early (e.g. the insurer cancelled it). */
export const lapseDocumentInput = z.object({
  orgId: z.uuid('must be an organisation id'),
  docType: z.enum(['insurance_certificate', 'public_liability', 'identity'], 'must be one of the provider documents'),
  reason: z.string().trim().min(5, 'must say why (at least 5 characters)').max(1000, 'must be at most 1000 characters'),
});

export const listDocumentsInput = z.object({ subject: z.enum(subjectKinds).optional() });

/** Documents each subject may hold (DOMAIN.md "Compliance and marketplace"). */
export const allowedDocTypes: Record<SubjectKind, readonly (typeof docTypes)[number][]> = {
  provider: ['insurance_certificate', 'public_liability', 'identity'],
  serviceman: ['identity', 'dbs_check'],
  renter: ['identity', 'insurance_certificate'],
};

export const docStateLabels = {
  valid: 'Valid',
  missing: 'Missing',
  under_review: 'Under review',
  rejected: 'Rejected',
  expired: 'Expired',
} as const;

export const WARN_DAYS = [30, 7, 1] as const;
