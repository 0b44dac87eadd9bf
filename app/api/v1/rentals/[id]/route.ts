// GET /api/v1/rentals/{id} — one rental in the caller's scope.
import { defineRoute } from '@/lib/core/route';
import { getRentalContract } from '@/lib/rentals/contracts';
import { getRental } from '@/lib/rentals/queries';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getRentalContract, async ({ ctx, params }) => {
  const d = await getRental(ctx, params.id!);
  return wire({ ...d, rental: { ...d.rental, paymentMethod: undefined } });
});
