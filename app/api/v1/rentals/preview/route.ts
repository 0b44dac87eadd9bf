// GET /api/v1/rentals/preview — price + deposit of a window, no writes.
import { defineRoute } from '@/lib/core/route';
import { previewRentalContract } from '@/lib/rentals/contracts';
import { previewRental } from '@/lib/rentals/queries';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(previewRentalContract, async ({ ctx, query }) => wire(await previewRental(ctx, query)));
