import 'server-only';
import { env } from '@/lib/core/env';

import { DEFAULT_MAP_STYLE_URL } from './map-style-default';

export { DEFAULT_MAP_STYLE_URL };

export interface MapClientConfig {
  /** `offline` = the built-in style (zones and labels from our own data only). */
  styleUrl: string;
  engine: 'maplibre' | 'mapbox';
  mapboxToken: string | null;
}

/** Read on the server and passed to map clients as a prop, so no NEXT_PUBLIC value is baked at build. */
export function mapClientConfig(): MapClientConfig {
  const e = env();
  const token = e.NEXT_PUBLIC_MAPBOX_TOKEN?.trim() || null;
  if (token) {
    return { engine: 'mapbox', mapboxToken: token, styleUrl: e.NEXT_PUBLIC_MAP_STYLE_URL ?? 'mapbox://styles/mapbox/light-v11' };
  }
  return { engine: 'maplibre', mapboxToken: null, styleUrl: e.NEXT_PUBLIC_MAP_STYLE_URL ?? DEFAULT_MAP_STYLE_URL };
}
