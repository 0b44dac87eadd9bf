// GET /api/v1/rentals?scope=… — the caller's rentals; POST — request a rental (Idempotency-Key honoured).
import { defineRoute } from '@/lib/core/route';
import { listRentalsContract, requestRentalContract } from '@/lib/rentals/contracts';
import { listRentals } from '@/lib/rentals/queries';
import { requestRental } from '@/lib/rentals/request-rental';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listRentalsContract, async ({ ctx, query }) => {
  const { scope, ...filters } = query;
  return { items: wire(await listRentals(ctx, scope, filters)) };
});

export const POST = defineRoute(requestRentalContract, async ({ ctx, body }) => wire(await requestRental(ctx, body)));
