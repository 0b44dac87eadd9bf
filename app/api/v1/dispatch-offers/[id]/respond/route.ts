// POST /api/v1/dispatch-offers/{id}/respond — a serviceman answers an on-demand job offer.
import { respondToOfferContract } from '@/lib/bookings/contracts';
import { respondToOffer } from '@/lib/bookings/dispatch';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(respondToOfferContract, ({ ctx, body, params }) => respondToOffer(ctx, { ...body, offerId: params.id }));
