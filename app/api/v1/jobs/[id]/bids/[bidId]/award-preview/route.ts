// GET /api/v1/jobs/[id]/bids/[bidId]/award-preview — the winner's service and the quote at the bid price.
import { awardPreviewContract } from '@/lib/bids/contracts';
import { assertBidOnJob, awardPreview } from '@/lib/bids/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(awardPreviewContract, async ({ ctx, params }) => {
  await assertBidOnJob(ctx, params.id, params.bidId);
  return awardPreview(ctx, { jobId: params.id, bidId: params.bidId });
});
