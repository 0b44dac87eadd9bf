// GET /api/v1/compliance/queue — operations' review queue, oldest first.
import { queueContract } from '@/lib/compliance/contracts';
import { reviewQueue } from '@/lib/compliance/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(queueContract, async ({ ctx }) => ({ items: await reviewQueue(ctx) }));
