// POST /api/v1/disputes/{id}/withdraw — the opener withdraws before resolution.
import { defineRoute } from '@/lib/core/route';
import { withdrawDisputeContract } from '@/lib/disputes/contracts';
import { withdrawDispute } from '@/lib/disputes/withdraw-dispute';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(withdrawDisputeContract, ({ ctx, body, params }) => withdrawDispute(ctx, { ...body, disputeId: params.id }));
