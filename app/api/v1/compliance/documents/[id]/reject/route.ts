// POST /api/v1/compliance/documents/{id}/reject — operations reject a submitted document with a reason.
import { rejectDocumentContract } from '@/lib/compliance/contracts';
import { rejectDocument } from '@/lib/compliance/reject-document';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(rejectDocumentContract, ({ ctx, params, body }) => rejectDocument(ctx, { documentId: params.id, reason: body.reason }));
