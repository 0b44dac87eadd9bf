// POST /api/v1/disputes/{id}/evidence — add evidence (multipart: note, files).
import { defineRoute } from '@/lib/core/route';
import { addEvidence } from '@/lib/disputes/add-evidence';
import { addEvidenceContract } from '@/lib/disputes/contracts';
import { readDisputeForm } from '@/lib/disputes/multipart';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(addEvidenceContract, async ({ ctx, req, params }) => addEvidence(ctx, { ...(await readDisputeForm(req)), disputeId: params.id }));
