// POST /api/v1/bookings/{id}/cancel — cancel (fee per the policy, as the preview showed).
import { cancelBooking } from '@/lib/bookings/cancel-booking';
import { cancelBookingContract } from '@/lib/bookings/contracts';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(cancelBookingContract, ({ ctx, body, params }) => cancelBooking(ctx, { ...body, bookingId: params.id }));
