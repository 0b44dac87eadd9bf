// GET /api/v1/geo/tiles/{z}/{x}/{y} — vector tile of active platform zones (204 when empty).
import { defineRoute } from '@/lib/core/route';
import { zoneTileContract } from '@/lib/geo/match-contracts';
import { zoneTile } from '@/lib/geo/tiles';

// Zones change rarely and a minute of staleness is harmless on a map; browsers and CDNs may share it.
const CACHE = 'public, max-age=60';

export const GET = defineRoute(zoneTileContract, async ({ ctx, params }) => {
  const tile = await zoneTile(ctx, params);
  if (tile.length === 0) return new Response(null, { status: 204, headers: { 'cache-control': CACHE } });
  return new Response(new Uint8Array(tile), {
    status: 200,
    headers: { 'content-type': 'application/vnd.mapbox-vector-tile', 'cache-control': CACHE, 'content-length': String(tile.length) },
  });
});
