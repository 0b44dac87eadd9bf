'use client';

import { BaseMap } from '@/components/geo/base-map.client';
import type { MapClientConfig } from '@/lib/geo/map-config';

type Position = [number, number];

function bounds(geoms: unknown[]): { lon: number; lat: number; zoom: number } {
  let w = 180,
    s = 90,
    e = -180,
    n = -90;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as Position;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const g of geoms) visit((g as { coordinates?: unknown }).coordinates);
  if (w > e) return { lon: -0.1, lat: 51.5, zoom: 9 };
  const span = Math.max(e - w, n - s, 0.01);
  // Roughly fit the span into the map's width (zoom 9 shows ≈ 0.7° of London).
  const zoom = Math.max(6, Math.min(13, Math.log2(360 / span) - 0.8));
  return { lon: (w + e) / 2, lat: (s + n) / 2, zoom };
}

/**
 * The zones a provider serves, read-only. The page lists the same zones by name beside it, which
 * is the keyboard and screen-reader alternative.
 */
export function ZonesMap({ config, zones }: { config: MapClientConfig; zones: Array<{ id: string; name: string; geometry: unknown }> }) {
  const view = bounds(zones.map((z) => z.geometry));
  const data = { type: 'FeatureCollection' as const, features: zones.map((z) => ({ type: 'Feature' as const, properties: { id: z.id, name: z.name }, geometry: z.geometry })) };
  return (
    <BaseMap config={config} initialView={{ longitude: view.lon, latitude: view.lat, zoom: view.zoom }} ariaLabel="Map of the areas this provider serves" className="h-64 w-full overflow-hidden rounded-lg border sm:h-80">
      {({ Source, Layer }) => (
        <Source id="served-zones" type="geojson" data={data as never}>
          <Layer id="served-zones-fill" type="fill" paint={{ 'fill-color': '#2563eb', 'fill-opacity': 0.18 }} />
          <Layer id="served-zones-line" type="line" paint={{ 'line-color': '#2563eb', 'line-width': 1.5 }} />
        </Source>
      )}
    </BaseMap>
  );
}
