import { beforeAll, describe, expect, it } from 'vitest';
import { anonCtx, expectAppError } from '@/test/factories';
import { gazetteerGeocoder, geocoder, nominatimGeocoder, outwardCode, searchPlaces } from './geocoder';
import { makePlace } from './test-geo-fixtures';

beforeAll(async () => {
  await makePlace({ name: 'Camden Town', kind: 'area', lon: -0.1426, lat: 51.539, rank: 50 });
  await makePlace({ name: 'Camden Market', kind: 'landmark', lon: -0.1466, lat: 51.5415, rank: 40 });
  await makePlace({ name: 'Old Camden Yard', kind: 'area', lon: -0.15, lat: 51.54, rank: 90 });
  await makePlace({ name: 'SW1A', kind: 'postcode', lon: -0.1357, lat: 51.5014, rank: 10 });
  await makePlace({ name: 'SW1E', kind: 'postcode', lon: -0.1405, lat: 51.4975, rank: 10 });
  await makePlace({ name: 'Kings Cross', kind: 'station', lon: -0.1238, lat: 51.5308, rank: 80 });
  await makePlace({ name: '100% Park', kind: 'landmark', lon: -0.1, lat: 51.5, rank: 1 });
  // Two same-named places far apart: `near` decides.
  await makePlace({ name: 'Riverside', kind: 'area', lon: -0.3, lat: 51.45, rank: 5, region: 'West' });
  await makePlace({ name: 'Riverside', kind: 'area', lon: 0.1, lat: 51.5, rank: 5, region: 'East' });
});

const names = (r: { places: Array<{ name: string }> }) => r.places.map((p) => p.name);
const offline = gazetteerGeocoder();

describe('gazetteer', () => {
  it('puts names starting with the text before names containing it, then by prominence', async () => {
    const r = await searchPlaces(anonCtx(), { q: 'camden' }, offline);
    expect(names(r)).toEqual(['Camden Town', 'Camden Market', 'Old Camden Yard']);
    expect(r.places[0]).toMatchObject({ kind: 'area', region: 'London', lon: -0.1426, lat: 51.539 });
    expect(names(await searchPlaces(anonCtx(), { q: '  CAMDEN   m ' }, offline))).toEqual(['Camden Market']);
    expect(names(await searchPlaces(anonCtx(), { q: 'camden', limit: '1' }, offline))).toEqual(['Camden Town']);
  });

  it('matches postcodes ignoring case and spaces, full postcodes on their district', async () => {
    expect(outwardCode('sw1a 1aa')).toBe('SW1A');
    expect(outwardCode('SW1A1AA')).toBe('SW1A');
    expect(outwardCode('n1')).toBe('N1');
    expect(outwardCode('camden')).toBeNull();
    expect(names(await searchPlaces(anonCtx(), { q: 'sw1a 1aa' }, offline))).toEqual(['SW1A']);
    expect(names(await searchPlaces(anonCtx(), { q: 'sw1a' }, offline))).toEqual(['SW1A']);
    expect(names(await searchPlaces(anonCtx(), { q: 'sw1' }, offline))).toEqual(['SW1A', 'SW1E']);
  });

  it('treats % and _ literally, ignores control characters, and answers nothing for blank text', async () => {
    expect(names(await searchPlaces(anonCtx(), { q: '100%' }, offline))).toEqual(['100% Park']);
    expect(names(await searchPlaces(anonCtx(), { q: '_' }, offline))).toEqual([]);
    expect(names(await searchPlaces(anonCtx(), { q: 'king\u202es\u0000 cross' }, offline))).toEqual(['Kings Cross']);
    expect(await searchPlaces(anonCtx(), { q: '   ' }, offline)).toEqual({ places: [] });
  });

  it('prefers places near the given point among equals', async () => {
    const east = await searchPlaces(anonCtx(), { q: 'riverside', near: '0.09,51.5' }, offline);
    expect(east.places.map((p) => p.region)).toEqual(['East', 'West']);
    const west = await searchPlaces(anonCtx(), { q: 'riverside', near: [-0.29, 51.45] }, offline);
    expect(west.places.map((p) => p.region)).toEqual(['West', 'East']);
  });

  it('rejects bad input with 422', async () => {
    await expectAppError(searchPlaces(anonCtx(), { q: 'x'.repeat(101) }, offline), 'VALIDATION');
    await expectAppError(searchPlaces(anonCtx(), { q: 'camden', limit: 0 }, offline), 'VALIDATION');
    await expectAppError(searchPlaces(anonCtx(), { q: 'camden', near: '200,0' }, offline), 'VALIDATION');
    await expectAppError(searchPlaces(anonCtx(), {}, offline), 'VALIDATION');
  });

  it('uses the gazetteer when no online geocoder is configured', () => {
    expect(geocoder({ url: undefined }).name).toMatch(/gazetteer/);
  });
});

describe('online geocoder', () => {
  const sample = [
    { place_id: 1, osm_type: 'way', osm_id: 42, lat: '51.5055', lon: '-0.0754', display_name: 'Tower Bridge, Tower Hill, London, SE1 2UP, United Kingdom', name: 'Tower Bridge' },
    { place_id: 2, lat: 'not a number', lon: '0', display_name: 'Broken' },
  ];

  it('maps Nominatim results to address hits and only ever calls the configured URL', async () => {
    const calls: string[] = [];
    const g = nominatimGeocoder('https://geocoder.example.test/search?countrycodes=gb', async (url, init) => {
      calls.push(url);
      expect(init.redirect).toBe('error');
      expect(init.signal).toBeInstanceOf(AbortSignal);
      return new Response(JSON.stringify(sample), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const hits = await g.search('http://169.254.169.254/latest/meta-data', { limit: 5, near: [-0.1, 51.5] });
    expect(hits).toEqual([{ id: 'osm:way:42', name: 'Tower Bridge', kind: 'address', region: 'Tower Hill, London, SE1 2UP', lon: -0.0754, lat: 51.5055 }]);
    const called = new URL(calls[0]);
    expect(called.origin).toBe('https://geocoder.example.test');
    expect(called.pathname).toBe('/search');
    expect(called.searchParams.get('q')).toBe('http://169.254.169.254/latest/meta-data');
    expect(called.searchParams.get('countrycodes')).toBe('gb');
    expect(called.searchParams.get('format')).toBe('jsonv2');
  });

  it('falls back to the gazetteer when the online geocoder fails', async () => {
    const failing = geocoder({ url: 'https://geocoder.example.test/search', fetchImpl: async () => new Response('oops', { status: 503 }) });
    expect(names(await searchPlaces(anonCtx(), { q: 'camden' }, failing))).toEqual(['Camden Town', 'Camden Market', 'Old Camden Yard']);
    const throwing = geocoder({
      url: 'https://geocoder.example.test/search',
      fetchImpl: async () => {
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      },
    });
    expect(names(await searchPlaces(anonCtx(), { q: 'kings' }, throwing))).toEqual(['Kings Cross']);
    const garbage = geocoder({ url: 'https://geocoder.example.test/search', fetchImpl: async () => new Response('{"not":"a list"}', { status: 200 }) });
    expect(names(await searchPlaces(anonCtx(), { q: 'kings' }, garbage))).toEqual(['Kings Cross']);
  });
});
