// POST /api/v1/rentals/{id}/extend
import { defineRoute } from '@/lib/core/route';
import { extendRentalContract } from '@/lib/rentals/contracts';
import { extendRental } from '@/lib/rentals/extend-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(extendRentalContract, async ({ ctx, body, params }) => wire(await extendRental(ctx, { ...(body ?? {}), rentalId: params.id })));
