// PATCH /api/v1/jobs/[id]/bids/[bidId] — revise (multipart or JSON); DELETE — withdraw.
import { reviseBidContract, withdrawBidContract } from '@/lib/bids/contracts';
import { readBidForm } from '@/lib/bids/multipart';
import { assertBidOnJob } from '@/lib/bids/queries';
import { reviseBid } from '@/lib/bids/revise-bid';
import { withdrawBid } from '@/lib/bids/withdraw-bid';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const PATCH = defineRoute(reviseBidContract, async ({ ctx, req, params }) => {
  await assertBidOnJob(ctx, params.id, params.bidId);
  const { raw, files } = await readBidForm(req);
  return reviseBid(ctx, { ...raw, bidId: params.bidId }, files);
});

export const DELETE = defineRoute(withdrawBidContract, async ({ ctx, params }) => {
  await assertBidOnJob(ctx, params.id, params.bidId);
  return withdrawBid(ctx, { bidId: params.bidId });
});
