import type { NextConfig } from 'next';

const config: NextConfig = {
  // A separate build folder lets a benchmark or browser-test build run beside a dev build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite resolves its wasm/data assets from its own package folder at runtime, and argon2 is a
  // native addon: bundling either breaks them.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-postgis', '@node-rs/argon2', 'pg-boss', 'pino'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a real 403 status. Zone GeoJSON pastes/imports are
  // capped at 5 MB by lib/geo; server actions need room for that plus the form encoding.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
};

export default config;
