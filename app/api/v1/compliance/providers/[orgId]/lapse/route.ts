// POST /api/v1/compliance/providers/{orgId}/lapse — operations record that a valid document ended early.
import { lapseDocumentContract } from '@/lib/compliance/contracts';
import { lapseDocument } from '@/lib/compliance/lapse-document';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(lapseDocumentContract, ({ ctx, params, body }) => lapseDocument(ctx, { orgId: params.orgId, docType: body.docType, reason: body.reason }));
