// POST /api/v1/rentals/{id}/schedule
import { defineRoute } from '@/lib/core/route';
import { scheduleRentalContract } from '@/lib/rentals/contracts';
import { schedulePickup } from '@/lib/rentals/schedule-pickup';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(scheduleRentalContract, async ({ ctx, body, params }) => wire(await schedulePickup(ctx, { ...(body ?? {}), rentalId: params.id })));
