// POST /api/v1/geo/zones/import — import zones from GeoJSON, all or nothing.
import { defineRoute } from '@/lib/core/route';
import { importZones } from '@/lib/geo/import-zones';
import { importZonesContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(importZonesContract, ({ ctx, body }) => importZones(ctx, body));
