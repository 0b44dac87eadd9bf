// GET /api/v1/geo/match — zones at a point and the providers serving it, ranked and explained.
import { defineRoute } from '@/lib/core/route';
import { match } from '@/lib/geo/match';
import { matchContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(matchContract, ({ ctx, query }) => match(ctx, query));
