// POST /api/v1/bookings — book a service (idempotent: Idempotency-Key header).
import { db } from '@/db/client';
import { createBooking } from '@/lib/bookings/create-booking';
import { createBookingContract } from '@/lib/bookings/contracts';
import { refuseCertainlyTakenSlot } from '@/lib/bookings/slot-gate';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(createBookingContract, ({ ctx, body }) => createBooking(ctx, body), {
  // A hot slot's losers get their 409 after one read, before a transaction is opened; a retry of
  // the winning request still replays its booking (its response is stored).
  precheck: ({ body }) => refuseCertainlyTakenSlot(db(), body),
});
