// POST /api/v1/bookings/{id}/assign — assign or reassign the crew (provider admins).
import { assignCrewContract } from '@/lib/bookings/contracts';
import { assignCrew } from '@/lib/bookings/provider-verbs';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(assignCrewContract, ({ ctx, body, params }) => assignCrew(ctx, { ...body, bookingId: params.id }));
