// GET /api/v1/compliance/documents?subject=… — the caller's own documents; POST — submit one (multipart, Idempotency-Key).
import { submitDocument } from '@/lib/compliance/submit-document';
import { listDocumentsContract, submitDocumentContract } from '@/lib/compliance/contracts';
import { readDocumentForm } from '@/lib/compliance/multipart';
import { listOwnDocuments } from '@/lib/compliance/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listDocumentsContract, async ({ ctx, query }) => ({ items: await listOwnDocuments(ctx, query.subject) }));

export const POST = defineRoute(submitDocumentContract, async ({ ctx, req }) => submitDocument(ctx, await readDocumentForm(req)));
