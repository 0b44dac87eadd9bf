// GET /api/v1/marketplace/listings — the public, zone-aware, ranked marketplace feed.
import { defineRoute } from '@/lib/core/route';
import { browseListingsContract } from '@/lib/marketplace/contracts';
import { browseListings } from '@/lib/marketplace/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(browseListingsContract, async ({ ctx, query }) => browseListings(ctx, query));
