'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export type ZoneFeatureCollection = {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    geometry: unknown;
    properties: { id: string; name: string; demandLevel: string; status: string; ownerKind: string; ownerName: string };
  }>;
};

const empty: ZoneFeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Zones in the map's view from the bbox endpoint (simplified by zoom, capped server-side), reloaded
 * when the map stops moving. Used as a faint layer so operators see shared edges while drawing.
 */
export function useZonesInView(scope: 'platform' | 'own' | 'all', excludeId?: string) {
  const [data, setData] = useState<ZoneFeatureCollection>(empty);
  const [error, setError] = useState(false);
  const abort = useRef<AbortController | null>(null);

   
  const load = useCallback((map: any) => {
    if (!map?.getBounds) return;
    const b = map.getBounds();
    const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
      .map((n) => n.toFixed(5))
      .join(',');
    const zoom = Math.max(0, Math.min(22, Math.round(map.getZoom())));
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    fetch(`/api/v1/geo/zones/bbox?bbox=${bbox}&zoom=${zoom}&scope=${scope}`, { signal: ctrl.signal, headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const json = (await res.json()) as ZoneFeatureCollection;
        const features = (json.features ?? []).filter((f) => f.properties?.id !== excludeId);
        setData({ type: 'FeatureCollection', features });
        setError(false);
      })
      .catch((err: unknown) => {
        if ((err as { name?: string })?.name !== 'AbortError') setError(true);
      });
  }, [scope, excludeId]);

  useEffect(() => () => abort.current?.abort(), []);
  return { data, error, load };
}
