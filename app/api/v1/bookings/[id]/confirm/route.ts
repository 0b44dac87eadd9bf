// POST /api/v1/bookings/{id}/confirm — accept a booking request that needs confirmation.
import { confirmRequestContract } from '@/lib/bookings/contracts';
import { confirmRequest } from '@/lib/bookings/provider-verbs';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(confirmRequestContract, ({ ctx, body, params }) => confirmRequest(ctx, { ...body, bookingId: params.id }));
