// POST /api/v1/bookings/{id}/check-in — the crew is on site (scheduled → in progress).
import { checkInContract } from '@/lib/bookings/contracts';
import { checkIn } from '@/lib/bookings/work';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(checkInContract, ({ ctx, body, params }) => checkIn(ctx, { ...body, bookingId: params.id }));
