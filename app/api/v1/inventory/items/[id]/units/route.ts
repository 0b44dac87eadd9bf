// POST /api/v1/inventory/items/{id}/units — add serialised units (each received +1).
import { defineRoute } from '@/lib/core/route';
import { addUnits } from '@/lib/inventory/add-units';
import { addUnitsContract } from '@/lib/inventory/contracts';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(addUnitsContract, async ({ ctx, body, params }) => Response.json(await addUnits(ctx, { ...body, itemId: params.id }), { status: 201 }));
