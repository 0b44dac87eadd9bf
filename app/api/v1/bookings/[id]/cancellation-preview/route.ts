// GET /api/v1/bookings/{id}/cancellation-preview — the fee cancelling now would cost.
import { cancellationPreviewContract } from '@/lib/bookings/contracts';
import { cancellationPreview } from '@/lib/bookings/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(cancellationPreviewContract, ({ ctx, params }) => cancellationPreview(ctx, params.id));
