// POST /api/v1/jobs/{id}/extend-deadline — more time for bids (reopens a closed, unawarded job).
import { defineRoute } from '@/lib/core/route';
import { extendDeadlineContract } from '@/lib/custom-jobs/contracts';
import { extendDeadline } from '@/lib/custom-jobs/extend-deadline';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(extendDeadlineContract, ({ ctx, body, params }) => extendDeadline(ctx, { ...body, jobId: params.id }));
