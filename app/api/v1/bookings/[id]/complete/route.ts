// POST /api/v1/bookings/{id}/complete — the job is done (in progress → completed).
import { completeBookingContract } from '@/lib/bookings/contracts';
import { completeBooking } from '@/lib/bookings/work';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(completeBookingContract, ({ ctx, body, params }) => completeBooking(ctx, { ...body, bookingId: params.id }));
