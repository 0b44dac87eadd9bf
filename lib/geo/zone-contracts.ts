import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { MAX_GEOJSON_BYTES } from './geojson';
import {
  createZoneInput,
  exportZonesQuery,
  importZonesInput,
  listZonesQuery,
  setCoverageInput,
  updateZoneFields,
  zonesInBBoxQuery,
} from './schemas';

// Route contracts of zone management and provider coverage. Permissions depend on the scope and
// the zone's owner, so most routes only require a user and the verb authorises (lib/geo/owner.ts).

const zoneIdResult = z.object({ zoneId: z.string() });

export const listZonesContract = {
  method: 'GET',
  path: '/api/v1/geo/zones',
  summary: 'Zones in a scope (platform / own / all) with their latest analytics, 50 per page',
  tags: ['geo'],
  auth: 'user',
  query: listZonesQuery,
} satisfies RouteContract;

export const createZoneContract = {
  method: 'POST',
  path: '/api/v1/geo/zones',
  summary: 'Create a platform zone (operations) or an own coverage area (provider admin) from GeoJSON',
  tags: ['geo'],
  auth: 'user',
  body: createZoneInput,
  response: zoneIdResult,
  // One zone is at most 10,000 positions (~0.5 MB as text); the rest is headroom for formatting.
  maxBodyBytes: 2_000_000,
  idempotent: true,
} satisfies RouteContract;

export const getZoneContract = {
  method: 'GET',
  path: '/api/v1/geo/zones/[id]',
  summary: 'One zone with its outline (active platform zones are public; others need access)',
  tags: ['geo'],
  auth: 'public',
} satisfies RouteContract;

export const updateZoneContract = {
  method: 'PATCH',
  path: '/api/v1/geo/zones/[id]',
  summary: 'Edit a zone (send the version you started from; a stale version is 409)',
  tags: ['geo'],
  auth: 'user',
  body: updateZoneFields,
  response: z.object({ zoneId: z.string(), version: z.number().int() }),
  maxBodyBytes: 2_000_000,
} satisfies RouteContract;

export const archiveZoneContract = {
  method: 'DELETE',
  path: '/api/v1/geo/zones/[id]',
  summary: 'Archive a zone (kept for history; it stops matching)',
  tags: ['geo'],
  auth: 'user',
  response: z.object({ zoneId: z.string(), status: z.string(), version: z.number().int() }),
} satisfies RouteContract;

export const zonesInBBoxContract = {
  method: 'GET',
  path: '/api/v1/geo/zones/bbox',
  summary: 'Zones in a map view as GeoJSON, simplified for the zoom (at most 2,000 features)',
  tags: ['geo'],
  auth: 'public',
  query: zonesInBBoxQuery,
} satisfies RouteContract;

export const exportZonesContract = {
  method: 'GET',
  path: '/api/v1/geo/zones/export',
  summary: 'Download zones as a GeoJSON FeatureCollection (importable again)',
  tags: ['geo'],
  auth: 'user',
  query: exportZonesQuery,
} satisfies RouteContract;

export const importZonesContract = {
  method: 'POST',
  path: '/api/v1/geo/zones/import',
  summary: 'Import zones from GeoJSON, all or nothing (errors name features[i])',
  tags: ['geo'],
  auth: 'user',
  body: importZonesInput,
  response: z.object({ created: z.number().int(), zoneIds: z.array(z.string()) }),
  // The GeoJSON may arrive as an object or as text (escaped quotes grow it), so allow 2× + headroom.
  maxBodyBytes: MAX_GEOJSON_BYTES * 2 + 100_000,
  idempotent: true,
} satisfies RouteContract;

export const listCoverageContract = {
  method: 'GET',
  path: '/api/v1/provider/coverage',
  summary: 'The signed-in provider’s coverage: zones served per service, with priority and dates',
  tags: ['geo', 'provider'],
  auth: 'user',
  permission: 'coverage.manage',
} satisfies RouteContract;

export const setCoverageContract = {
  method: 'PUT',
  path: '/api/v1/provider/coverage',
  summary: 'Replace the signed-in provider’s coverage of one zone (empty entries = stop serving it)',
  tags: ['geo', 'provider'],
  auth: 'user',
  permission: 'coverage.manage',
  body: setCoverageInput,
  response: z.object({ zoneId: z.string(), count: z.number().int() }),
  maxBodyBytes: 100_000,
  idempotent: true,
} satisfies RouteContract;

export const zoneContracts: RouteContract[] = [
  listZonesContract,
  createZoneContract,
  getZoneContract,
  updateZoneContract,
  archiveZoneContract,
  zonesInBBoxContract,
  exportZonesContract,
  importZonesContract,
  listCoverageContract,
  setCoverageContract,
];
