// POST /api/v1/rentals/{id}/inspect — multipart with photos, or JSON.
import { defineRoute } from '@/lib/core/route';
import { inspectRentalContract } from '@/lib/rentals/contracts';
import { inspectRental } from '@/lib/rentals/inspect-rental';
import { readRentalForm } from '@/lib/rentals/multipart';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(inspectRentalContract, async ({ ctx, req, params }) => wire(await inspectRental(ctx, { ...(await readRentalForm(req)), rentalId: params.id })));
