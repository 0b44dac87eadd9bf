// GET /api/v1/rentals?scope=… — the caller's rentals; POST — request a rental (Idempotency-Key honoured).
import { defineRoute } from '@/lib/core/route';
import { db } from '@/db/client';
import { refuseUnavailableRental } from '@/lib/rentals/availability-gate';
import { listRentalsContract, requestRentalContract } from '@/lib/rentals/contracts';
import { listRentals } from '@/lib/rentals/queries';
import { requestRental } from '@/lib/rentals/request-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listRentalsContract, async ({ ctx, query }) => {
  const { scope, ...filters } = query;
  return { items: wire(await listRentals(ctx, scope, filters)) };
});

// The last-unit gate runs before the idempotent transaction (and not for a replayed retry), so a
// burst of losers costs one read each.
export const POST = defineRoute(requestRentalContract, async ({ ctx, body }) => wire(await requestRental(ctx, body)), {
  precheck: ({ ctx, body }) => refuseUnavailableRental(db(), body, ctx.now),
});
