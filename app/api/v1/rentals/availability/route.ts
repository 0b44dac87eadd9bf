// GET /api/v1/rentals/availability — free units per day for the calendar.
import { defineRoute } from '@/lib/core/route';
import { availabilityContract } from '@/lib/rentals/contracts';
import { rentalAvailability } from '@/lib/rentals/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(availabilityContract, async ({ ctx, query }) => rentalAvailability(ctx, query));
