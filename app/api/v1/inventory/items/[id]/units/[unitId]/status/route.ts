// POST /api/v1/inventory/items/{id}/units/{unitId}/status — maintenance | in_stock | retired, with a reason.
import { defineRoute } from '@/lib/core/route';
import { setUnitStatusContract } from '@/lib/inventory/contracts';
import { setUnitStatus } from '@/lib/inventory/set-unit-status';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(setUnitStatusContract, ({ ctx, body, params }) => setUnitStatus(ctx, { ...body, itemId: params.id, unitId: params.unitId }));
