import { describe, expect, it } from 'vitest';
import { activeFilterCount, bboxAround, DEFAULT_VIEW, EMPTY_FILTERS, parseExplorerParams, searchApiParams, toUrlParams, viewFromBBox } from './url-state';

describe('explorer URL state', () => {
  it('defaults to London with no filters', () => {
    const s = parseExplorerParams({});
    expect(s.view).toEqual(DEFAULT_VIEW);
    expect(s.filters).toEqual(EMPTY_FILTERS);
    expect(s.mode).toBe('list');
    expect(toUrlParams(s).toString()).toBe('');
  });

  it('round-trips every filter, the view, the zone and the phone mode', () => {
    const qs = 'lon=-0.1&lat=51.5&zoom=13&q=boiler&category=plumbing&demand=high,low&available=1&priceMin=2000&priceMax=9000&rating=4&offer=rent&zone=0190a1b2-0000-7000-8000-000000000001&view=map';
    const s = parseExplorerParams(new URLSearchParams(qs));
    expect(s.filters).toEqual({ q: 'boiler', category: 'plumbing', demand: ['high', 'low'], available: true, priceMin: 2000, priceMax: 9000, rating: 4, offer: 'rent' });
    expect(s.view).toEqual({ lon: -0.1, lat: 51.5, zoom: 13 });
    expect(s.mode).toBe('map');
    expect(parseExplorerParams(toUrlParams(s))).toEqual(s);
    expect(activeFilterCount(s.filters)).toBe(7);
  });

  it('drops malformed values instead of failing', () => {
    const s = parseExplorerParams({ lon: 'x', lat: '99', zoom: '40', demand: 'huge,high,high', priceMin: '-5', priceMax: '1e99', rating: '9', offer: 'steal', category: 'DROP TABLE', zone: 'nope' });
    expect(s.view).toEqual(DEFAULT_VIEW);
    expect(s.filters.demand).toEqual(['high']);
    expect(s.filters.priceMin).toBeNull();
    expect(s.filters.priceMax).toBeNull();
    expect(s.filters.rating).toBeNull();
    expect(s.filters.offer).toBeNull();
    expect(s.filters.category).toBe('');
    expect(s.zone).toBeNull();
  });

  it('accepts a shared bbox and derives a view that contains it', () => {
    const s = parseExplorerParams({ bbox: '-0.2,51.45,-0.05,51.55' });
    expect(s.bbox).toEqual([-0.2, 51.45, -0.05, 51.55]);
    const back = bboxAround(s.view, 800, 700);
    expect(back[0]).toBeLessThanOrEqual(-0.2);
    expect(back[2]).toBeGreaterThanOrEqual(-0.05);
    expect(back[1]).toBeLessThanOrEqual(51.45);
    expect(back[3]).toBeGreaterThanOrEqual(51.55);
  });

  it('computes the bbox a map shows and inverts it', () => {
    const b = bboxAround({ lon: -0.1276, lat: 51.5072, zoom: 11 }, 800, 700);
    expect(b[0]).toBeCloseTo(-0.2649, 3);
    expect(b[2]).toBeCloseTo(0.0097, 3);
    expect(b[1]).toBeLessThan(51.5072);
    expect(b[3]).toBeGreaterThan(51.5072);
    const v = viewFromBBox(b, 800, 700);
    expect(v.lon).toBeCloseTo(-0.1276, 4);
    expect(v.lat).toBeCloseTo(51.5072, 3);
    expect(v.zoom).toBeCloseTo(11, 1);
  });

  it('builds the search API query with bbox, zoom, filters and limit', () => {
    const p = searchApiParams([-0.2, 51.4, 0, 51.6], 11.4, { ...EMPTY_FILTERS, category: 'plumbing', available: true });
    expect(p.toString()).toBe('bbox=-0.2%2C51.4%2C0%2C51.6&zoom=11&category=plumbing&available=1&limit=30');
    const priced = searchApiParams([-0.2, 51.4, 0, 51.6], 11, { ...EMPTY_FILTERS, priceMin: 5000, priceMax: 1000 });
    expect(priced.get('priceMin')).toBe('5000');
    expect(priced.has('priceMax')).toBe(false);
    expect(priced.get('currency')).toBe('GBP');
  });
});
