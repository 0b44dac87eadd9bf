'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { GeoJsonPolygon } from '@/lib/geo/types';

export type DrawMode = 'polygon' | 'select' | 'static';

// terra-draw's own types are loaded on demand with the library; only what we call is typed here.
interface DrawFeature {
  id?: string | number;
  type: 'Feature';
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}
interface DrawInstance {
  start(): void;
  stop(): void;
  clear(): void;
  setMode(mode: string): void;
  getMode(): string;
  getSnapshot(): DrawFeature[];
  addFeatures(features: DrawFeature[]): Array<{ valid: boolean; reason?: string }>;
  on(event: 'finish' | 'change', cb: (...args: never[]) => void): void;
}

const accent = '#0f766e';

/**
 * terra-draw on a maplibre map: Draw polygon, Edit (drag vertices, add midpoints, delete with a
 * right-click) and a read-only render mode. The library and its adapter are imported only once
 * the map has loaded, so pages that never draw do not pay for them. Self-intersecting shapes are
 * allowed on purpose: the server explains the problem (and where it is) in words.
 */
export function useTerraDraw({ onGeometry, readOnly }: { onGeometry: (polygons: GeoJsonPolygon[]) => void; readOnly: boolean }) {
  const drawRef = useRef<DrawInstance | null>(null);
  const [mode, setModeState] = useState<DrawMode>('static');
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const onGeometryRef = useRef(onGeometry);
  useEffect(() => {
    onGeometryRef.current = onGeometry;
  }, [onGeometry]);

  const readPolygons = useCallback((): GeoJsonPolygon[] => {
    const draw = drawRef.current;
    if (!draw) return [];
    return draw
      .getSnapshot()
      .filter((f) => f.geometry.type === 'Polygon' && !f.properties.currentlyDrawing && (f.properties.mode === 'polygon' || f.properties.mode === 'static'))
      .map((f) => ({ type: 'Polygon', coordinates: f.geometry.coordinates as number[][][] }));
  }, []);

   
  const attach = useCallback(async (map: any, initial: GeoJsonPolygon[]) => {
    if (drawRef.current || !map) return;
    try {
      const [td, adapterModule] = await Promise.all([import('terra-draw'), import('terra-draw-maplibre-gl-adapter')]);
      const draw = new td.TerraDraw({
        adapter: new adapterModule.TerraDrawMapLibreGLAdapter({ map }),
        modes: [
          new td.TerraDrawPolygonMode({
            styles: { fillColor: accent, fillOpacity: 0.25, outlineColor: accent, outlineWidth: 2, closingPointColor: '#ffffff', closingPointOutlineColor: accent, closingPointWidth: 6, closingPointOutlineWidth: 2 },
          }),
          new td.TerraDrawSelectMode({
            flags: {
              polygon: {
                feature: {
                  draggable: false,
                  selfIntersectable: true,
                  coordinates: { midpoints: true, draggable: true, deletable: true },
                },
              },
            },
            styles: { selectedPolygonColor: accent, selectedPolygonFillOpacity: 0.3, selectedPolygonOutlineColor: accent, selectedPolygonOutlineWidth: 2 },
          }),
          new td.TerraDrawRenderMode({ modeName: 'static', styles: { polygonFillColor: accent, polygonFillOpacity: 0.25, polygonOutlineColor: accent, polygonOutlineWidth: 2 } }),
        ],
      }) as unknown as DrawInstance;
      draw.start();
      drawRef.current = draw;
      if (initial.length) {
        draw.addFeatures(initial.map((g) => ({ id: crypto.randomUUID(), type: 'Feature', geometry: g, properties: { mode: readOnly ? 'static' : 'polygon' } })));
      }
      draw.setMode('static');
      const emit = () => onGeometryRef.current(readPolygons());
      draw.on('finish', emit);
      draw.on('change', ((_ids: unknown, type: string) => {
        if (type === 'delete') emit();
      }) as never);
      setReady(true);
    } catch (err) {
      setFailed(err instanceof Error ? err.message : 'Drawing is unavailable.');
    }
  }, [readOnly, readPolygons]);

  useEffect(
    () => () => {
      try {
        drawRef.current?.stop();
      } catch {
        // The map may already be gone on unmount; nothing to clean up then.
      }
      drawRef.current = null;
    },
    [],
  );

  const setMode = useCallback((next: DrawMode) => {
    const draw = drawRef.current;
    if (!draw) return;
    draw.setMode(next);
    setModeState(next);
  }, []);

  const clear = useCallback(() => {
    const draw = drawRef.current;
    if (!draw) return;
    draw.clear();
    onGeometryRef.current([]);
  }, []);

  /** Replaces the drawing with polygons typed or pasted elsewhere (the textarea), without echoing back. */
  const replace = useCallback(
    (polygons: GeoJsonPolygon[]) => {
      const draw = drawRef.current;
      if (!draw) return;
      const current = draw.getMode();
      // Drawing/editing modes hold references to features; park in render mode while swapping.
      draw.setMode('static');
      draw.clear();
      if (polygons.length) {
        draw.addFeatures(polygons.map((g) => ({ id: crypto.randomUUID(), type: 'Feature', geometry: g, properties: { mode: readOnly ? 'static' : 'polygon' } })));
      }
      draw.setMode(current);
    },
    [readOnly],
  );

  return { attach, ready, failed, mode, setMode, clear, replace };
}
