// POST /api/v1/listings/{id}/{submit|withdraw} — a seller step on its own listing.
import { notFound } from '@/lib/core/errors';
import { defineRoute } from '@/lib/core/route';
import { listingStepContract } from '@/lib/marketplace/contracts';
import { submitListing } from '@/lib/marketplace/submit-listing';
import { withdrawListing } from '@/lib/marketplace/withdraw-listing';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(listingStepContract, async ({ ctx, params }) => {
  if (params.step === 'submit') return submitListing(ctx, { listingId: params.id });
  if (params.step === 'withdraw') return withdrawListing(ctx, { listingId: params.id });
  throw notFound('That listing step');
});
