// POST /api/v1/rentals/{id}/checkout — multipart with photos, or JSON.
import { defineRoute } from '@/lib/core/route';
import { checkoutRentalContract } from '@/lib/rentals/contracts';
import { checkoutRental } from '@/lib/rentals/checkout-rental';
import { readRentalForm } from '@/lib/rentals/multipart';
import { wire } from '@/lib/rentals/wire';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(checkoutRentalContract, async ({ ctx, req, params }) => wire(await checkoutRental(ctx, { ...(await readRentalForm(req)), rentalId: params.id })));
