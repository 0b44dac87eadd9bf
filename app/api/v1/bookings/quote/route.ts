// GET /api/v1/bookings/quote — the price breakdown a booking would get now (read only, public).
import { quotePreviewContract } from '@/lib/bookings/quote-contract';
import { quotePreview } from '@/lib/bookings/quote-preview';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(quotePreviewContract, ({ ctx, query }) => quotePreview(ctx, query));
