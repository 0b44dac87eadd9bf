// POST /api/v1/jobs/{id}/cancel — cancel before award (active bids declined).
import { defineRoute } from '@/lib/core/route';
import { cancelJob } from '@/lib/custom-jobs/cancel-job';
import { cancelJobContract } from '@/lib/custom-jobs/contracts';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(cancelJobContract, ({ ctx, body, params }) => cancelJob(ctx, { ...body, jobId: params.id }));
