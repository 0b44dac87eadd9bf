// POST /api/v1/disputes/{id}/appeal — either party, once, within 7 days of the resolution.
import { appealDispute } from '@/lib/disputes/appeal-dispute';
import { appealDisputeContract } from '@/lib/disputes/contracts';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(appealDisputeContract, ({ ctx, body, params }) => appealDispute(ctx, { ...body, disputeId: params.id }));
