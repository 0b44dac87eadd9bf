// GET /api/v1/geo/insight/{zoneId} — the explorer's insight panel for an active platform zone.
import { defineRoute } from '@/lib/core/route';
import { zoneInsight } from '@/lib/geo/insight';
import { zoneInsightContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(zoneInsightContract, ({ ctx, params }) => zoneInsight(ctx, params.zoneId ?? ''));
