// POST /api/v1/disputes/{id}/evidence/{evidenceId}/internal — operations hide or show an item.
import { defineRoute } from '@/lib/core/route';
import { markInternalContract } from '@/lib/disputes/contracts';
import { markEvidenceInternal } from '@/lib/disputes/mark-evidence-internal';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(markInternalContract, ({ ctx, body, params }) => markEvidenceInternal(ctx, { ...body, disputeId: params.id, evidenceId: params.evidenceId }));
