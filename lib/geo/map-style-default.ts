/** A free, token-less public basemap (OpenFreeMap). Shared by the CSP (proxy) and the map config. */
export const DEFAULT_MAP_STYLE_URL = 'https://tiles.openfreemap.org/styles/positron';
