// POST /api/v1/bookings/{id}/no-show — record a customer or crew no-show.
import { markNoShowContract } from '@/lib/bookings/contracts';
import { markNoShow } from '@/lib/bookings/work';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(markNoShowContract, ({ ctx, body, params }) => markNoShow(ctx, { ...body, bookingId: params.id }));
