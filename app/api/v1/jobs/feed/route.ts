// GET /api/v1/jobs/feed — the provider's feed of open jobs it may bid on.
import { defineRoute } from '@/lib/core/route';
import { jobFeedContract } from '@/lib/custom-jobs/contracts';
import { jobFeed } from '@/lib/custom-jobs/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(jobFeedContract, ({ ctx, query }) => jobFeed(ctx, query));
