// GET /api/v1/jobs/feed/stream — live feed updates over server-sent events.
import { defineRoute } from '@/lib/core/route';
import { jobFeedStreamContract } from '@/lib/custom-jobs/contracts';
import { openFeedStream } from '@/lib/custom-jobs/feed-stream';
import { feedOrgId } from '@/lib/custom-jobs/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(jobFeedStreamContract, async ({ req, ctx }) => {
  const org = feedOrgId(ctx);
  return openFeedStream({ providerOrgId: org, signal: req.signal });
});
