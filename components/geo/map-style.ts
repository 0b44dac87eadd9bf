import type { StyleSpecification } from 'maplibre-gl';

/**
 * The offline basemap: a plain background and nothing that needs the network (no tiles, glyphs
 * or sprites). Zone fills/outlines and provider markers are added by each map as GeoJSON or
 * vector-tile sources from our own API; labels are HTML markers, so no glyph server is needed.
 */
export function offlineStyle(dark = false): StyleSpecification {
  return {
    version: 8,
    name: 'Fixnado offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': dark ? '#111827' : '#eef2f5' } }],
  };
}

export type ResolvedStyle = { style: string | StyleSpecification; offline: boolean };

/**
 * Fetches the configured style once with a short timeout; any failure (no network, blocked host,
 * bad JSON) falls back to the offline style so zones and providers still render.
 */
export async function resolveStyle(styleUrl: string, opts: { dark?: boolean; timeoutMs?: number } = {}): Promise<ResolvedStyle> {
  if (styleUrl === 'offline') return { style: offlineStyle(opts.dark), offline: true };
  // Mapbox styles are resolved by mapbox-gl itself (it needs the token on the request).
  if (styleUrl.startsWith('mapbox://')) return { style: styleUrl, offline: false };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), opts.timeoutMs ?? 4000);
  try {
    const res = await fetch(styleUrl, { signal: ctrl.signal });
    if (!res.ok) throw new Error(`style ${res.status}`);
    const json = (await res.json()) as StyleSpecification;
    if (json?.version !== 8 || !Array.isArray(json.layers)) throw new Error('not a style');
    return { style: json, offline: false };
  } catch {
    return { style: offlineStyle(opts.dark), offline: true };
  } finally {
    clearTimeout(timer);
  }
}

/** Demand colours shared by zone fills, legends and list badges (same hue order everywhere). */
export const demandColours = { high: '#dc2626', medium: '#d97706', low: '#2563eb' } as const;
