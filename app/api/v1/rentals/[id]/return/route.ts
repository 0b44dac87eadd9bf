// POST /api/v1/rentals/{id}/return — multipart with photos, or JSON.
import { defineRoute } from '@/lib/core/route';
import { returnRentalContract } from '@/lib/rentals/contracts';
import { recordReturn } from '@/lib/rentals/record-return';
import { readRentalForm } from '@/lib/rentals/multipart';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(returnRentalContract, async ({ ctx, req, params }) => wire(await recordReturn(ctx, { ...(await readRentalForm(req)), rentalId: params.id })));
