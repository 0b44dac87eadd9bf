// POST /api/v1/disputes/review — operations start the review of the selected disputes.
import { defineRoute } from '@/lib/core/route';
import { startReviewContract } from '@/lib/disputes/contracts';
import { startReview } from '@/lib/disputes/start-review';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(startReviewContract, ({ ctx, body }) => startReview(ctx, body));
