// Copies the map worker next to the app: maplibre-gl 6's worker 404s once bundled, so it is served
// from public/ and the map calls setWorkerUrl('/maplibre-gl-worker.mjs').
import fs from 'node:fs';

fs.mkdirSync('public', { recursive: true });
fs.copyFileSync('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs', 'public/maplibre-gl-worker.mjs');
