// POST /api/v1/disputes/{id}/respond — the other party's response (multipart with evidence, or JSON).
import { defineRoute } from '@/lib/core/route';
import { respondDisputeContract } from '@/lib/disputes/contracts';
import { readDisputeForm } from '@/lib/disputes/multipart';
import { respondToDispute } from '@/lib/disputes/respond-to-dispute';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(respondDisputeContract, async ({ ctx, req, params }) => respondToDispute(ctx, { ...(await readDisputeForm(req)), disputeId: params.id }));
