// GET /api/v1/geo/zones/bbox — zones in a map view as a GeoJSON FeatureCollection (simplified by zoom).
import { NextResponse } from 'next/server';
import { defineRoute } from '@/lib/core/route';
import { zonesInBBox } from '@/lib/geo/queries';
import { zonesInBBoxContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(zonesInBBoxContract, async ({ ctx, query }) => {
  const fc = await zonesInBBox(ctx, query);
  // Scoped answers (own/all, or drafts for operations) must never be shared by a cache.
  return NextResponse.json(fc, { headers: { 'content-type': 'application/geo+json', 'cache-control': 'private, no-store' } });
});
