import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { docTypes, lapseDocumentInput, listDocumentsInput, rejectDocumentInput, reinstateProviderInput, subjectKinds, suspendProviderInput } from './schemas';

// Route contracts of compliance. Which subject the caller may act for (its business, its crew,
// itself) is checked by each verb; a foreign document or subject is a 404.

const documentItem = z.object({
  id: z.string(),
  docType: z.enum(docTypes),
  label: z.string(),
  documentNumber: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(['submitted', 'approved', 'rejected', 'expired']),
  rejectionReason: z.string().nullable(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  fileName: z.string(),
  fileUrl: z.string(),
});

const docTypeStatus = z.object({
  docType: z.enum(docTypes),
  label: z.string(),
  state: z.enum(['valid', 'missing', 'under_review', 'rejected', 'expired']),
  validDocumentId: z.string().nullable(),
  expiresOn: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  pendingDocumentId: z.string().nullable(),
  rejectionReason: z.string().nullable(),
});

export const sellerStatusWire = z.object({
  orgId: z.string(),
  status: z.enum(['approved', 'pending_documents', 'suspended']),
  score: z.number().int(),
  documents: z.array(docTypeStatus),
  suspension: z.object({ reason: z.string(), since: z.string() }).nullable(),
  verifiedAt: z.string().nullable(),
});

export const listDocumentsContract = {
  method: 'GET',
  path: '/api/v1/compliance/documents',
  summary: 'Documents of the caller’s own subjects: its business, its crew, itself as a serviceman or renter',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.submit',
  query: listDocumentsInput,
  response: z.object({ items: z.array(documentItem.extend({ subjectKind: z.enum(subjectKinds), subjectId: z.string() })) }),
} satisfies RouteContract;

export const submitDocumentContract = {
  method: 'POST',
  path: '/api/v1/compliance/documents',
  summary:
    'Submit a document for review — multipart: subject (provider | serviceman | renter), servicemanId, docType, documentNumber, issuedOn, expiresOn (YYYY-MM-DD), file (PDF ≤ 20 MB or JPEG/PNG/WebP ≤ 10 MB, checked by content)',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.submit',
  idempotent: true,
  response: z.object({ documentId: z.string(), status: z.literal('submitted'), docType: z.string(), subject: z.object({ kind: z.string(), id: z.string() }) }),
} satisfies RouteContract;

export const documentFileContract = {
  method: 'GET',
  path: '/api/v1/compliance/documents/[id]/file',
  summary: 'The file of a document, for its subject’s own people and compliance reviewers',
  tags: ['compliance'],
  auth: 'user',
} satisfies RouteContract;

export const approveDocumentContract = {
  method: 'POST',
  path: '/api/v1/compliance/documents/[id]/approve',
  summary: 'Operations approve a submitted document (409 when it was already decided)',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.review',
  idempotent: true,
  response: z.object({ documentId: z.string(), status: z.literal('approved') }),
} satisfies RouteContract;

export const rejectDocumentContract = {
  method: 'POST',
  path: '/api/v1/compliance/documents/[id]/reject',
  summary: 'Operations reject a submitted document with a reason the subject reads (409 when already decided)',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.review',
  idempotent: true,
  body: rejectDocumentInput.pick({ reason: true }),
  response: z.object({ documentId: z.string(), status: z.literal('rejected') }),
} satisfies RouteContract;

export const suspendProviderContract = {
  method: 'POST',
  path: '/api/v1/compliance/providers/[orgId]/suspend',
  summary: 'Operations suspend a provider from selling, with a reason (sticky until reinstated)',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.suspend',
  idempotent: true,
  body: suspendProviderInput.pick({ reason: true }),
  response: z.object({ orgId: z.string(), suspended: z.literal(true) }),
} satisfies RouteContract;

export const reinstateProviderContract = {
  method: 'POST',
  path: '/api/v1/compliance/providers/[orgId]/reinstate',
  summary: 'Operations lift a suspension explicitly, with a note',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.suspend',
  idempotent: true,
  body: reinstateProviderInput.pick({ note: true }),
  response: z.object({ orgId: z.string(), suspended: z.literal(false) }),
} satisfies RouteContract;

export const lapseDocumentContract = {
  method: 'POST',
  path: '/api/v1/compliance/providers/[orgId]/lapse',
  summary: 'Operations record that a provider’s valid document ended early (e.g. insurance cancelled); its listings drop out at once',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.review',
  idempotent: true,
  body: lapseDocumentInput.pick({ docType: true, reason: true }),
  response: z.object({ documentId: z.string(), status: z.literal('expired') }),
} satisfies RouteContract;

export const ownStatusContract = {
  method: 'GET',
  path: '/api/v1/compliance/status',
  summary: 'The insured-seller status and score of the caller’s business, per required document',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.submit',
  response: sellerStatusWire,
} satisfies RouteContract;

export const queueContract = {
  method: 'GET',
  path: '/api/v1/compliance/queue',
  summary: 'Operations review queue: submitted documents, oldest first, with the subject’s status and last decisions',
  tags: ['compliance'],
  auth: 'user',
  permission: 'compliance.review',
  response: z.object({
    items: z.array(
      documentItem.extend({
        subject: z.object({ kind: z.enum(subjectKinds), id: z.string(), name: z.string(), businessName: z.string().nullable() }),
        subjectStatus: z.object({ status: z.string(), score: z.number().int() }),
        lastDecisions: z.array(z.object({ id: z.string(), docType: z.string(), label: z.string(), status: z.string(), reviewedAt: z.string().nullable(), rejectionReason: z.string().nullable() })),
      }),
    ),
  }),
} satisfies RouteContract;

export const complianceContracts: RouteContract[] = [
  listDocumentsContract,
  submitDocumentContract,
  documentFileContract,
  approveDocumentContract,
  rejectDocumentContract,
  suspendProviderContract,
  reinstateProviderContract,
  lapseDocumentContract,
  ownStatusContract,
  queueContract,
];
