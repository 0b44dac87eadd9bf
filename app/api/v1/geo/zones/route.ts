// GET /api/v1/geo/zones — zones in a scope with their latest analytics; POST — create a zone.
import { defineRoute } from '@/lib/core/route';
import { createZone } from '@/lib/geo/create-zone';
import { listZones } from '@/lib/geo/queries';
import { createZoneContract, listZonesContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listZonesContract, ({ ctx, query }) => listZones(ctx, query));

export const POST = defineRoute(createZoneContract, ({ ctx, body }) => createZone(ctx, body));
