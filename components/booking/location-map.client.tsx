'use client';

import { MapPin } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { BaseMap } from '@/components/geo/base-map.client';
import type { MapClientConfig } from '@/lib/geo/map-config';

const LONDON = { longitude: -0.1, latitude: 51.5, zoom: 10 };

/**
 * Click (or tap) the map to drop the job's pin. The place search and saved addresses above are
 * the keyboard alternative; the chosen point is announced by the wizard's coverage line.
 */
export function LocationMap({ config, point, onPick }: { config: MapClientConfig; point: { lon: number; lat: number } | null; onPick: (p: { lon: number; lat: number }) => void }) {
  const mapRef = useRef<any>(null);
  const shown = useRef<string>('');
  const key = point ? `${point.lon},${point.lat}` : '';
  // Follow a point chosen elsewhere (place search, saved address) without fighting the user's pan.
  useEffect(() => {
    if (!point || !mapRef.current || shown.current === key) return;
    shown.current = key;
    mapRef.current.flyTo?.({ center: [point.lon, point.lat], zoom: Math.max(mapRef.current.getZoom?.() ?? 13, 13) });
  }, [key, point]);
  return (
    <BaseMap
      config={config}
      mapRef={mapRef}
      initialView={point ? { longitude: point.lon, latitude: point.lat, zoom: 14 } : LONDON}
      ariaLabel="Map to pick the job location"
      className="h-64 w-full overflow-hidden rounded-md border sm:h-80"
      cursor="crosshair"
      onClick={(e: { lngLat: { lng: number; lat: number } }) => {
        shown.current = `${e.lngLat.lng.toFixed(6)},${e.lngLat.lat.toFixed(6)}`;
        onPick({ lon: e.lngLat.lng, lat: e.lngLat.lat });
      }}
    >
      {({ Marker }) =>
        point ? (
          <Marker longitude={point.lon} latitude={point.lat} anchor="bottom">
            <MapPin aria-hidden="true" className="size-8 fill-red-600 text-white drop-shadow" />
          </Marker>
        ) : null
      }
    </BaseMap>
  );
}
