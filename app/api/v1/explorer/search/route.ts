// GET /api/v1/explorer/search — providers in the map view: total, markers, ranked page, labels.
import { defineRoute } from '@/lib/core/route';
import { searchExplorer } from '@/lib/geo/explorer-search';
import { explorerSearchContract } from '@/lib/geo/match-contracts';

export const GET = defineRoute(explorerSearchContract, ({ ctx, query }) => searchExplorer(ctx, query));
