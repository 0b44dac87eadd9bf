// POST /api/v1/rentals/{id}/cancel
import { defineRoute } from '@/lib/core/route';
import { cancelRentalContract } from '@/lib/rentals/contracts';
import { cancelRental } from '@/lib/rentals/cancel-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(cancelRentalContract, async ({ ctx, body, params }) => wire(await cancelRental(ctx, { ...(body ?? {}), rentalId: params.id })));
