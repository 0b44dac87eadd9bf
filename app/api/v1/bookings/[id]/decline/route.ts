// POST /api/v1/bookings/{id}/decline — decline a booking request (the hold is released).
import { declineRequestContract } from '@/lib/bookings/contracts';
import { declineRequest } from '@/lib/bookings/provider-verbs';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(declineRequestContract, ({ ctx, body, params }) => declineRequest(ctx, { ...body, bookingId: params.id }));
