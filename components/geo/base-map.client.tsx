'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useState, type ReactNode, type Ref } from 'react';
import type { MapClientConfig } from '@/lib/geo/map-config';
import { resolveStyle, type ResolvedStyle } from './map-style';

/**
 * The one map wrapper. It loads react-map-gl's maplibre entry (or mapbox's when a token is
 * configured) on demand, so the map chunk never weighs on first load, resolves the basemap with
 * the offline fallback, and hands the loaded library's components to `children` — Source/Layer/
 * Marker must come from the same entry as the Map they sit in.
 */
type MaplibreEntry = typeof import('react-map-gl/maplibre');

export interface MapLib {
  Source: MaplibreEntry['Source'];
  Layer: MaplibreEntry['Layer'];
  Marker: MaplibreEntry['Marker'];
  Popup: MaplibreEntry['Popup'];
  NavigationControl: MaplibreEntry['NavigationControl'];
  offline: boolean;
}

export interface BaseMapProps {
  config: MapClientConfig;
  initialView: { longitude: number; latitude: number; zoom: number };
  /** Names the map region for assistive tech; the page must also offer a list alternative. */
  ariaLabel: string;
  className?: string;
  // Typed loosely on purpose: the map instance differs between maplibre and mapbox.
  mapRef?: Ref<any>;
  interactiveLayerIds?: string[];
  onMoveEnd?: (e: any) => void;
  onClick?: (e: any) => void;
  onLoad?: (e: any) => void;
  onIdle?: (e: any) => void;
  cursor?: string;
  children?: (lib: MapLib) => ReactNode;
}

let workerSet = false;

export function BaseMap({ mapRef, ...props }: BaseMapProps) {
  const [entry, setEntry] = useState<MaplibreEntry | null>(null);
  const [style, setStyle] = useState<ResolvedStyle | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [slow, setSlow] = useState(false);
  const { config } = props;

  // A map that never fires `load` (its worker or WebGL failed) must say so instead of staying blank.
  useEffect(() => {
    if (!entry || !style || loaded) return;
    const timer = setTimeout(() => setSlow(true), 20_000);
    return () => clearTimeout(timer);
  }, [entry, style, loaded]);

  useEffect(() => {
    let cancelled = false;
    const dark = document.documentElement.dataset.theme === 'dark';
    (async () => {
      try {
        if (config.engine === 'mapbox') {
          const mod = (await import('react-map-gl/mapbox')) as unknown as MaplibreEntry;
          if (!cancelled) setEntry(mod);
        } else {
          const [mod, maplibre] = await Promise.all([import('react-map-gl/maplibre'), import('maplibre-gl')]);
          if (!workerSet) {
            maplibre.setWorkerUrl('/maplibre-gl-worker.mjs');
            workerSet = true;
          }
          if (!cancelled) setEntry(mod);
        }
        const resolved = await resolveStyle(config.styleUrl, { dark });
        if (!cancelled) setStyle(resolved);
      } catch (err) {
        if (!cancelled) setFailed(err instanceof Error ? err.message : 'The map could not load.');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [config.engine, config.styleUrl]);

  if (failed) {
    return (
      <div role="status" className={`flex items-center justify-center bg-surface-muted p-4 text-sm text-muted ${props.className ?? ''}`}>
        The map is unavailable ({failed}). The list shows every result.
      </div>
    );
  }
  if (!entry || !style) {
    return (
      <div role="status" aria-label="Loading map" className={`animate-pulse bg-surface-muted ${props.className ?? ''}`} data-map-state="loading" />
    );
  }
  const { Map, Source, Layer, Marker, Popup, NavigationControl } = entry;
  return (
    <div
      role="region"
      aria-label={props.ariaLabel}
      className={`relative ${props.className ?? ''}`}
      data-map-state={loaded ? 'ready' : 'starting'}
      data-map-offline={style.offline ? 'true' : 'false'}
    >
      {slow ? (
        <p role="status" className="absolute inset-x-2 top-2 z-10 rounded-md bg-surface p-2 text-sm text-muted shadow">
          The map is taking too long to start; the list shows every result.
        </p>
      ) : null}
      <Map
        ref={mapRef}
        initialViewState={props.initialView}
        mapStyle={style.style}
              {...(config.engine === 'mapbox' ? ({ mapboxAccessToken: config.mapboxToken } as any) : {})}
        style={{ width: '100%', height: '100%' }}
        interactiveLayerIds={props.interactiveLayerIds}
        onMoveEnd={props.onMoveEnd}
        onClick={props.onClick}
        onLoad={(e: unknown) => {
          setLoaded(true);
          setSlow(false);
          props.onLoad?.(e);
        }}
        onIdle={props.onIdle}
        cursor={props.cursor}
        attributionControl={style.offline ? false : undefined}
        cooperativeGestures={false}
      >
        <NavigationControl position="top-right" showCompass={false} />
        {props.children?.({ Source, Layer, Marker, Popup, NavigationControl, offline: style.offline })}
      </Map>
    </div>
  );
}
