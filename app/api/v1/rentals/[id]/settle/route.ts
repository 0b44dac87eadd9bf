// POST /api/v1/rentals/{id}/settle
import { defineRoute } from '@/lib/core/route';
import { settleRentalContract } from '@/lib/rentals/contracts';
import { settleRental } from '@/lib/rentals/settle-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(settleRentalContract, async ({ ctx, body, params }) => wire(await settleRental(ctx, { ...(body ?? {}), rentalId: params.id })));
