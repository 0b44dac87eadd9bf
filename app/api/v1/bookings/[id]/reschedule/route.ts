// POST /api/v1/bookings/{id}/reschedule — move a scheduled booking in one transaction.
import { rescheduleBookingContract } from '@/lib/bookings/contracts';
import { rescheduleBooking } from '@/lib/bookings/reschedule-booking';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(rescheduleBookingContract, ({ ctx, body, params }) => rescheduleBooking(ctx, { ...body, bookingId: params.id }));
