// POST /api/v1/bookings — book a service (idempotent: Idempotency-Key header).
import { createBooking } from '@/lib/bookings/create-booking';
import { createBookingContract } from '@/lib/bookings/contracts';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(createBookingContract, ({ ctx, body }) => createBooking(ctx, body));
