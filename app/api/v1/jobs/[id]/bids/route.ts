// GET /api/v1/jobs/[id]/bids — the customer's view of its job's bids.
// POST /api/v1/jobs/[id]/bids — place a bid (multipart with attachments, or JSON).
import { listJobBidsContract, placeBidContract } from '@/lib/bids/contracts';
import { readBidForm } from '@/lib/bids/multipart';
import { placeBid } from '@/lib/bids/place-bid';
import { listJobBids } from '@/lib/bids/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listJobBidsContract, async ({ ctx, params }) => ({ bids: await listJobBids(ctx, params.id) }));

export const POST = defineRoute(placeBidContract, async ({ ctx, req, params }) => {
  const { raw, files } = await readBidForm(req);
  return placeBid(ctx, { ...raw, jobId: params.id }, files);
});
