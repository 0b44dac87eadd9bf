// POST /api/v1/rentals/{id}/approve
import { defineRoute } from '@/lib/core/route';
import { approveRentalContract } from '@/lib/rentals/contracts';
import { approveRental } from '@/lib/rentals/approve-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(approveRentalContract, async ({ ctx, body, params }) => wire(await approveRental(ctx, { ...(body ?? {}), rentalId: params.id })));
