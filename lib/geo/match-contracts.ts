/**
 * Route contracts of matching, explorer search, tiles, places, insight, categories and favourites.
 * Add `matchContracts` to lib/api/contracts.ts so the OpenAPI document lists them.
 */
import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { explorerSearchInput, matchInput, placesInput } from './match-schemas';

const placeHit = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['area', 'postcode', 'landmark', 'station', 'address']),
  region: z.string(),
  lon: z.number(),
  lat: z.number(),
});

export const matchContract = {
  method: 'GET',
  path: '/api/v1/geo/match',
  summary: 'Zones containing a point (or the nearest within the radius, flagged fallback) and the providers serving it, ranked by an explained score',
  tags: ['geo'],
  auth: 'public',
  query: matchInput,
} satisfies RouteContract;

export const explorerSearchContract = {
  method: 'GET',
  path: '/api/v1/explorer/search',
  summary: 'Providers in a map view passing the filters: total, markers (points or clusters summing to total), a ranked page, zone labels and places',
  tags: ['geo'],
  auth: 'public',
  query: explorerSearchInput,
} satisfies RouteContract;

export const zoneTileContract = {
  method: 'GET',
  path: '/api/v1/geo/tiles/[z]/[x]/[y]',
  summary: 'Mapbox vector tile of active platform zones (layer "zones": id, name, demand, status); 204 when empty',
  tags: ['geo'],
  auth: 'public',
} satisfies RouteContract;

export const placesContract = {
  method: 'GET',
  path: '/api/v1/geo/places',
  summary: 'Place search: offline gazetteer (areas, postcode districts, landmarks), or the configured online geocoder with the gazetteer as fallback',
  tags: ['geo'],
  auth: 'public',
  query: placesInput,
  response: z.object({ places: z.array(placeHit) }),
} satisfies RouteContract;

export const zoneInsightContract = {
  method: 'GET',
  path: '/api/v1/geo/insight/[zoneId]',
  summary: 'Insight for an active platform zone: latest analytics with their age, SLA targets and categories offered there',
  tags: ['geo'],
  auth: 'public',
} satisfies RouteContract;

export const categoriesContract = {
  method: 'GET',
  path: '/api/v1/catalog/categories',
  summary: 'Service categories (for filters)',
  tags: ['catalog'],
  auth: 'public',
  response: z.object({ categories: z.array(z.object({ slug: z.string(), name: z.string() })) }),
} satisfies RouteContract;

export const myFavouritesContract = {
  method: 'GET',
  path: '/api/v1/me/favourites',
  summary: 'Ids of the providers the signed-in user saved',
  tags: ['geo'],
  auth: 'user',
  response: z.object({ providerOrgIds: z.array(z.string()) }),
} satisfies RouteContract;

export const matchContracts: RouteContract[] = [
  matchContract,
  explorerSearchContract,
  zoneTileContract,
  placesContract,
  zoneInsightContract,
  categoriesContract,
  myFavouritesContract,
];
