// POST /api/v1/marketplace/moderation — operations approve / reject / suspend / reinstate a listing.
import { defineRoute } from '@/lib/core/route';
import { moderateListingContract } from '@/lib/marketplace/contracts';
import { moderateListing } from '@/lib/marketplace/moderate-listing';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(moderateListingContract, async ({ ctx, body }) => moderateListing(ctx, body));
