// GET /api/v1/disputes/{id} — one dispute as the caller may see it.
import { defineRoute } from '@/lib/core/route';
import { getDisputeContract } from '@/lib/disputes/contracts';
import { getDispute } from '@/lib/disputes/queries';
import { toDetailWire } from '@/lib/disputes/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getDisputeContract, async ({ ctx, params }) => toDetailWire(await getDispute(ctx, params.id)));
