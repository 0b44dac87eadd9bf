// POST /api/v1/listings — a seller drafts a listing (Idempotency-Key honoured).
import { defineRoute } from '@/lib/core/route';
import { createListing } from '@/lib/marketplace/create-listing';
import { createListingContract } from '@/lib/marketplace/contracts';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(createListingContract, async ({ ctx, body }) => createListing(ctx, body));
