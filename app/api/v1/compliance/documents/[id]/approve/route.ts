// POST /api/v1/compliance/documents/{id}/approve — operations approve a submitted document.
import { approveDocument } from '@/lib/compliance/approve-document';
import { approveDocumentContract } from '@/lib/compliance/contracts';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(approveDocumentContract, ({ ctx, params }) => approveDocument(ctx, { documentId: params.id }));
