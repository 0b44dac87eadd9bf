// GET /api/v1/geo/zones/{id} — one zone with its outline; PATCH — edit it; DELETE — archive it.
import { defineRoute } from '@/lib/core/route';
import { getZone } from '@/lib/geo/queries';
import { setZoneStatus } from '@/lib/geo/set-zone-status';
import { updateZone } from '@/lib/geo/update-zone';
import { archiveZoneContract, getZoneContract, updateZoneContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getZoneContract, ({ ctx, params }) => getZone(ctx, params.id));

// The id comes from the path only; a zoneId in the body is ignored (the contract strips it).
export const PATCH = defineRoute(updateZoneContract, ({ ctx, params, body }) => updateZone(ctx, { ...body, zoneId: params.id }));

export const DELETE = defineRoute(archiveZoneContract, ({ ctx, params }) => setZoneStatus(ctx, { zoneId: params.id, status: 'archived' }));
