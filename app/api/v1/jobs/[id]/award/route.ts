// POST /api/v1/jobs/[id]/award — award a bid; the booking is created in the same transaction (idempotent: Idempotency-Key).
import { awardBid } from '@/lib/bids/award-bid';
import { awardBidContract } from '@/lib/bids/contracts';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(awardBidContract, ({ ctx, body, params }) => awardBid(ctx, { ...body, jobId: params.id }));
