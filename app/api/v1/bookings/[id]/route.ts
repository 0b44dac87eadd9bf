// GET /api/v1/bookings/{id} — one booking the caller may see, with its timeline.
import { getBookingContract } from '@/lib/bookings/contracts';
import { bookingTimeline, getBooking } from '@/lib/bookings/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getBookingContract, async ({ ctx, params }) => ({ ...(await getBooking(ctx, params.id)), timeline: await bookingTimeline(ctx, params.id) }));
