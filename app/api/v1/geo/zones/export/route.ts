// GET /api/v1/geo/zones/export — the caller's zones as a GeoJSON FeatureCollection download.
import { defineRoute } from '@/lib/core/route';
import { exportZones } from '@/lib/geo/queries';
import { exportZonesContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(exportZonesContract, async ({ ctx, query }) => {
  const fc = await exportZones(ctx, query);
  const stamp = ctx.now.toISOString().slice(0, 10);
  return new Response(JSON.stringify(fc), {
    headers: {
      'content-type': 'application/geo+json',
      'content-disposition': `attachment; filename="fixnado-zones-${query.scope}-${stamp}.geojson"`,
      'cache-control': 'private, no-store',
    },
  });
});
