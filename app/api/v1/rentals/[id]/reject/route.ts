// POST /api/v1/rentals/{id}/reject
import { defineRoute } from '@/lib/core/route';
import { rejectRentalContract } from '@/lib/rentals/contracts';
import { rejectRental } from '@/lib/rentals/reject-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(rejectRentalContract, async ({ ctx, body, params }) => wire(await rejectRental(ctx, { ...(body ?? {}), rentalId: params.id })));
