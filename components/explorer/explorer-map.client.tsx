'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { BaseMap } from '@/components/geo/base-map.client';
import { demandColours } from '@/components/geo/map-style';
import type { MapClientConfig } from '@/lib/geo/map-config';
import { demandLevels, type BBox, type DemandLevel, type ExplorerResult } from '@/lib/geo/types';
import { MAX_ZOOM, type ExplorerView } from './url-state';

/**
 * The explorer's map (loaded with next/dynamic, ssr:false, so maplibre stays out of first load).
 * Zone overlays come from our vector tiles (never all geometry at once); provider markers, zone
 * labels and place labels are HTML markers from the SAME search response the list renders, so
 * the list and the map always agree — the container exposes both numbers (data-total,
 * data-marker-total) for tests. Markers carry no information the list lacks: the list is the
 * accessible alternative, so labels are aria-hidden.
 */

export interface FlyTarget {
  lon: number;
  lat: number;
  zoom: number;
  seq: number;
}

export interface ExplorerMapProps {
  config: MapClientConfig;
  initialView: ExplorerView;
  result: ExplorerResult | null;
  loading: boolean;
  demand: DemandLevel[];
  selectedZoneId: string | null;
  highlight: string | null;
  flyTarget: FlyTarget | null;
  providerNames: Map<string, string>;
  onViewChange: (view: ExplorerView, bbox: BBox) => void;
  onZoneOpen: (zoneId: string) => void;
  onProviderSelect: (orgId: string) => void;
  onReady: (ready: boolean) => void;
}

const MOVE_DEBOUNCE_MS = 250;

// Loose on purpose: the instance is maplibre's or mapbox's, which differ in their typings.
interface MapHandle {
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  flyTo(opts: { center: [number, number]; zoom: number; duration?: number; essential?: boolean }): void;
  easeTo(opts: { center: [number, number]; zoom: number; duration?: number }): void;
}

function readView(map: MapHandle): { view: ExplorerView; bbox: BBox } {
  const b = map.getBounds();
  const c = map.getCenter();
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
  // Wrap the centre into [-180, 180] (the map may have been panned round the world) and clamp the
  // bbox: the search API refuses coordinates outside the valid range.
  const lon = ((((c.lng + 180) % 360) + 360) % 360) - 180;
  const shift = lon - c.lng;
  return {
    view: { lon, lat: c.lat, zoom: map.getZoom() },
    bbox: [clamp(b.getWest() + shift, -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast() + shift, -180, 180), clamp(b.getNorth(), -85, 85)],
  };
}

function prefersReducedMotion() {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const fillColour = ['match', ['get', 'demand'], 'high', demandColours.high, 'medium', demandColours.medium, 'low', demandColours.low, '#6b7280'];

export default function ExplorerMap(props: ExplorerMapProps) {
  const { result, demand, onViewChange, onReady, onZoneOpen, flyTarget } = props;
  const mapRef = useRef<MapHandle | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [loaded, setLoaded] = useState(false);
  // maplibre fetches tiles from its worker, where a relative URL has no base: make it absolute.
  // (This component only ever renders in the browser: it is loaded with ssr:false.)
  const [tilesUrl] = useState(() => `${window.location.origin}/api/v1/geo/tiles/{z}/{x}/{y}`);

  useEffect(() => {
    return () => {
      if (timer.current) clearTimeout(timer.current);
      onReady(false);
    };
  }, [onReady]);

  const report = useCallback(() => {
    if (!mapRef.current) return;
    const { view, bbox } = readView(mapRef.current);
    onViewChange(view, bbox);
  }, [onViewChange]);

  const onMoveEnd = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(report, MOVE_DEBOUNCE_MS);
  }, [report]);

  const onLoad = useCallback(() => {
    setLoaded(true);
    onReady(true);
    // The first search ran server-side for an assumed viewport; search again for the real one.
    report();
  }, [onReady, report]);

  useEffect(() => {
    if (!flyTarget || !mapRef.current) return;
    mapRef.current.flyTo({ center: [flyTarget.lon, flyTarget.lat], zoom: flyTarget.zoom, duration: prefersReducedMotion() ? 0 : 900, essential: true });
  }, [flyTarget]);

  const onClick = useCallback((e: { originalEvent?: Event; features?: Array<{ properties?: Record<string, unknown> | null }> }) => {
    // Marker buttons sit inside the map container, so their clicks reach the map too.
    const target = e.originalEvent?.target as Element | undefined;
    if (target?.closest?.('[data-marker]')) return;
    const id = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') onZoneOpen(id);
  }, [onZoneOpen]);

  const zoomInto = (lon: number, lat: number) => {
    const map = mapRef.current;
    if (!map) return;
    map.easeTo({ center: [lon, lat], zoom: Math.min(map.getZoom() + 2, MAX_ZOOM), duration: prefersReducedMotion() ? 0 : 500 });
  };

  const shownDemand = demand.length ? demand : [...demandLevels];
  const zoneFilter = ['in', ['get', 'demand'], ['literal', shownDemand]];
  const markers = result?.markers;
  const markerTotal = !markers ? 0 : markers.mode === 'points' ? markers.points.length : markers.clusters.reduce((s, c) => s + c.count, 0);
  const zoneLabels = (result?.zones ?? []).filter((z) => shownDemand.includes(z.demandLevel));

  return (
    <div
      data-testid="explorer-map"
      data-total={loaded && result ? result.total : undefined}
      data-marker-total={loaded && result ? markerTotal : undefined}
      data-loading={props.loading ? 'true' : 'false'}
      className="relative h-full w-full"
    >
      <BaseMap
        config={props.config}
        initialView={{ longitude: props.initialView.lon, latitude: props.initialView.lat, zoom: props.initialView.zoom }}
        ariaLabel="Map of providers and service zones"
        className="h-full w-full"
        mapRef={mapRef}
        interactiveLayerIds={tilesUrl ? ['zone-fill'] : undefined}
        onMoveEnd={onMoveEnd}
        onLoad={onLoad}
        onClick={onClick}
      >
        {({ Source, Layer, Marker }) => (
          <>
            {tilesUrl ? (
              <Source id="zones" type="vector" tiles={[tilesUrl]} minzoom={0} maxzoom={14}>
                <Layer
                  id="zone-fill"
                  type="fill"
                  source-layer="zones"
                  filter={zoneFilter as never}
                  paint={{ 'fill-color': fillColour as never, 'fill-opacity': ['case', ['==', ['get', 'id'], props.selectedZoneId ?? ''], 0.32, 0.16] as never }}
                />
                <Layer
                  id="zone-line"
                  type="line"
                  source-layer="zones"
                  filter={zoneFilter as never}
                  paint={{ 'line-color': fillColour as never, 'line-width': ['case', ['==', ['get', 'id'], props.selectedZoneId ?? ''], 3, 1.25] as never }}
                />
              </Source>
            ) : null}
            {(result?.places ?? []).map((p) => (
              <Marker key={`place-${p.id}`} longitude={p.lon} latitude={p.lat} anchor="center" style={{ pointerEvents: 'none' }}>
                <span aria-hidden className="block max-w-32 truncate text-[11px] font-medium text-muted [text-shadow:0_0_3px_var(--canvas),0_0_3px_var(--canvas)]">
                  {p.name}
                </span>
              </Marker>
            ))}
            {zoneLabels.map((z) => (
              <Marker key={`zone-${z.id}`} longitude={z.lon} latitude={z.lat} anchor="center" style={{ pointerEvents: 'none' }}>
                <span
                  aria-hidden
                  className="block max-w-40 truncate text-xs font-semibold tracking-wide text-fg uppercase opacity-80 [text-shadow:0_0_3px_var(--canvas),0_0_3px_var(--canvas)]"
                >
                  {z.name}
                </span>
              </Marker>
            ))}
            {markers?.mode === 'points'
              ? markers.points.map((pt) => {
                  const name = props.providerNames.get(pt.orgId) ?? (pt as { name?: string }).name ?? 'Provider';
                  const active = props.highlight === pt.orgId;
                  return (
                    <Marker key={pt.orgId} longitude={pt.lon} latitude={pt.lat} anchor="bottom" style={active ? { zIndex: 2 } : undefined}>
                      <button
                        type="button"
                        data-marker
                        data-testid="provider-marker"
                        data-org-id={pt.orgId}
                        aria-label={name}
                        aria-pressed={active}
                        title={name}
                        onClick={() => props.onProviderSelect(pt.orgId)}
                        className={`grid size-7 cursor-pointer place-items-center rounded-full border-2 border-white shadow-md transition-transform ${active ? 'scale-125 bg-fg' : 'bg-primary'}`}
                      >
                        <span aria-hidden className="size-2 rounded-full bg-white" />
                      </button>
                    </Marker>
                  );
                })
              : null}
            {markers?.mode === 'clusters'
              ? markers.clusters.map((c) => {
                  const size = Math.round(28 + Math.min(24, Math.log10(c.count) * 10));
                  return (
                    <Marker key={`c-${c.lon}-${c.lat}`} longitude={c.lon} latitude={c.lat} anchor="center">
                      <button
                        type="button"
                        data-marker
                        data-testid="provider-cluster"
                        data-count={c.count}
                        aria-label={`${c.count} providers — zoom in`}
                        onClick={() => zoomInto(c.lon, c.lat)}
                        style={{ width: size, height: size }}
                        className="grid cursor-pointer place-items-center rounded-full border-2 border-white bg-primary text-xs font-bold text-primary-fg shadow-md"
                      >
                        {c.count > 999 ? `${Math.round(c.count / 100) / 10}k` : c.count}
                      </button>
                    </Marker>
                  );
                })
              : null}
          </>
        )}
      </BaseMap>
      <div aria-hidden className="pointer-events-none absolute bottom-2 left-2 flex gap-2 rounded-md bg-surface/90 px-2 py-1 text-[11px] text-fg shadow">
        {demandLevels.map((d) => (
          <span key={d} className="flex items-center gap-1">
            <span className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: demandColours[d] }} />
            {d[0].toUpperCase() + d.slice(1)} demand
          </span>
        ))}
      </div>
    </div>
  );
}
