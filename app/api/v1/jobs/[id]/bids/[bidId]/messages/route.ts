// GET/POST /api/v1/jobs/[id]/bids/[bidId]/messages — a bid's Q&A thread.
import { bidThreadContract, postBidMessageContract } from '@/lib/bids/contracts';
import { postBidMessage } from '@/lib/bids/post-bid-message';
import { assertBidOnJob, bidThread } from '@/lib/bids/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(bidThreadContract, async ({ ctx, params }) => {
  await assertBidOnJob(ctx, params.id, params.bidId);
  return { messages: await bidThread(ctx, params.bidId) };
});

export const POST = defineRoute(postBidMessageContract, async ({ ctx, body, params }) => {
  await assertBidOnJob(ctx, params.id, params.bidId);
  return postBidMessage(ctx, { ...body, bidId: params.bidId });
});
