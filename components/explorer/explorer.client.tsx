'use client';

import { List, Map as MapIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { MapClientConfig } from '@/lib/geo/map-config';
import type { BBox, ExplorerResult, PlaceHit } from '@/lib/geo/types';
import { toggleFavouriteAction } from '@/lib/geo/favourite-actions';
import type { FlyTarget } from './explorer-map.client';
import { Filters, type Category } from './filters';
import { PlaceSearch } from './place-search';
import { ResultList, type SearchStatus } from './result-list';
import { activeFilterCount, bboxAround, EMPTY_FILTERS, MIN_ZOOM, searchApiParams, toUrlParams, type ExplorerFilters, type ExplorerUrlState, type ExplorerView, type PhoneMode } from './url-state';
import { ZoneInsight } from './zone-insight';

/**
 * The public explorer: place search, filters, the ranked list and the map, all driven by one
 * state that mirrors the URL. Each search response feeds BOTH the list and the map markers, so
 * they never disagree. The map is a separate chunk (next/dynamic, no SSR): the list renders on
 * the server and works on its own — on phones in list view, or when the map cannot load.
 */

const ExplorerMap = dynamic(() => import('./explorer-map.client'), {
  ssr: false,
  loading: () => <div role="status" aria-label="Loading map" className="h-full w-full animate-pulse bg-surface-muted" />,
});

export interface ExplorerProps {
  initial: ExplorerUrlState;
  initialBBox: BBox;
  initialResult: ExplorerResult | null;
  categories: Category[];
  mapConfig: MapClientConfig;
  favouriteMode: 'customer' | 'anonymous' | 'none';
  /** The signed-in customer's saved providers (read by the server page). */
  initialFavouriteIds: string[];
  title: string;
}

const WIDE_QUERY = '(min-width: 1024px)';
function subscribeWide(cb: () => void) {
  const mq = window.matchMedia(WIDE_QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

/** What the map pane would show when the map itself is not on screen (phone list view). */
function paneSize() {
  const wide = window.matchMedia(WIDE_QUERY).matches;
  return { width: wide ? Math.max(320, window.innerWidth - 440) : window.innerWidth, height: Math.max(320, window.innerHeight - 140) };
}

function placeZoom(kind: PlaceHit['kind']) {
  return kind === 'area' || kind === 'postcode' ? 13 : 15;
}

export function Explorer(props: ExplorerProps) {
  const [view, setView] = useState<ExplorerView>(props.initial.view);
  const [bbox, setBBox] = useState<BBox>(props.initialBBox);
  const [filters, setFilters] = useState<ExplorerFilters>(props.initial.filters);
  const [zone, setZone] = useState<string | null>(props.initial.zone);
  const [mode, setMode] = useState<PhoneMode>(props.initial.mode);
  const [result, setResult] = useState<ExplorerResult | null>(props.initialResult);
  const [status, setStatus] = useState<SearchStatus>(props.initialResult ? 'ready' : 'loading');
  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [focusInsight, setFocusInsight] = useState(false);
  const isWide = useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE_QUERY).matches, () => false);
  const showMap = isWide || mode === 'map';
  const opener = useRef<HTMLElement | null>(null);
  const listColumn = useRef<HTMLDivElement>(null);

  // ---- search ---------------------------------------------------------------------------------
  const seq = useRef(0);
  const ctrl = useRef<AbortController | null>(null);
  // The newest bbox/zoom/filters, read by callbacks that outlive a render (debounced commits,
  // map events). Every setter writes it synchronously, so two quick changes never drop one.
  const latest = useRef({ bbox, zoom: view.zoom, filters });

  const search = useCallback(async (b: BBox, zoom: number, f: ExplorerFilters) => {
    ctrl.current?.abort();
    const mine = ++seq.current;
    const c = new AbortController();
    ctrl.current = c;
    setStatus('loading');
    try {
      const res = await fetch(`/api/v1/explorer/search?${searchApiParams(b, zoom, f)}`, { signal: c.signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`search ${res.status}`);
      const body = (await res.json()) as ExplorerResult;
      if (mine !== seq.current) return;
      setResult(body);
      setStatus('ready');
    } catch (err) {
      if ((err as Error).name === 'AbortError' || mine !== seq.current) return;
      setStatus('error');
    }
  }, []);

  useEffect(() => {
    // Nothing from the server (it failed): search once on arrival.
    if (!props.initialResult) void search(latest.current.bbox, latest.current.zoom, latest.current.filters);
    return () => ctrl.current?.abort();
  }, [props.initialResult, search]);

  const retry = useCallback(() => void search(latest.current.bbox, latest.current.zoom, latest.current.filters), [search]);

  // ---- URL ------------------------------------------------------------------------------------
  // history.replaceState (which the App Router observes) instead of router.replace: the state is
  // already here, so a server round trip per pan would only slow the map down.
  useEffect(() => {
    const qs = toUrlParams({ view, filters, zone, mode }).toString();
    const next = qs ? `${window.location.pathname}?${qs}` : window.location.pathname;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }, [view, filters, zone, mode]);

  // ---- map events -----------------------------------------------------------------------------
  const onViewChange = useCallback(
    (v: ExplorerView, b: BBox) => {
      latest.current.bbox = b;
      latest.current.zoom = v.zoom;
      setView(v);
      setBBox(b);
      void search(b, v.zoom, latest.current.filters);
    },
    [search],
  );

  const moveTo = useCallback(
    (v: ExplorerView) => {
      if (showMap && mapReady) {
        // The map flies there and its moveend runs the search with the bounds it really shows.
        setFlyTarget({ ...v, seq: Date.now() });
        return;
      }
      const size = paneSize();
      const b = bboxAround(v, size.width, size.height);
      latest.current.bbox = b;
      latest.current.zoom = v.zoom;
      setView(v);
      setBBox(b);
      void search(b, v.zoom, latest.current.filters);
    },
    [showMap, mapReady, search],
  );

  const onPlace = useCallback((p: PlaceHit) => moveTo({ lon: p.lon, lat: p.lat, zoom: placeZoom(p.kind) }), [moveTo]);
  const zoomOut = useCallback(() => moveTo({ ...view, zoom: Math.max(MIN_ZOOM, Math.round(view.zoom) - 2) }), [moveTo, view]);

  // ---- filters --------------------------------------------------------------------------------
  const changeFilters = useCallback(
    (patch: Partial<ExplorerFilters>) => {
      const next = { ...latest.current.filters, ...patch };
      latest.current.filters = next;
      setFilters(next);
      void search(latest.current.bbox, latest.current.zoom, next);
    },
    [search],
  );
  const clearFilters = useCallback(() => {
    latest.current.filters = EMPTY_FILTERS;
    setFilters(EMPTY_FILTERS);
    void search(latest.current.bbox, latest.current.zoom, EMPTY_FILTERS);
  }, [search]);

  // ---- zone insight ---------------------------------------------------------------------------
  const openZone = useCallback((zoneId: string, from?: HTMLElement) => {
    opener.current = from ?? (document.activeElement as HTMLElement | null);
    setFocusInsight(true);
    setZone(zoneId);
    setMode('list');
  }, []);
  const closeZone = useCallback(() => {
    setZone(null);
    setFocusInsight(false);
    const back = opener.current;
    opener.current = null;
    // After the list is shown again, return focus to what opened the panel (or the list heading).
    requestAnimationFrame(() => {
      if (back && back.isConnected) back.focus();
      else document.getElementById('zones-in-view')?.closest('section')?.querySelector<HTMLElement>('button')?.focus();
    });
  }, []);

  // ---- markers ↔ list -------------------------------------------------------------------------
  const providerNames = useMemo(() => new Map((result?.providers ?? []).map((p) => [p.orgId, p.name])), [result]);
  const onProviderSelect = useCallback((orgId: string) => {
    setHighlight(orgId);
    setMode('list');
    requestAnimationFrame(() => {
      const card = document.getElementById(`provider-${orgId}`);
      if (card) {
        card.scrollIntoView({ block: 'nearest', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
        card.focus({ preventScroll: true });
      }
    });
  }, []);

  // ---- favourites -----------------------------------------------------------------------------
  const [favIds, setFavIds] = useState<Set<string>>(() => new Set(props.initialFavouriteIds));
  const [favPending, setFavPending] = useState<Set<string>>(() => new Set());
  const [favError, setFavError] = useState<string | null>(null);
  const toggleFavourite = useCallback(async (orgId: string, favourite: boolean) => {
    setFavError(null);
    setFavPending((s) => new Set(s).add(orgId));
    // Optimistic: the heart flips at once and flips back if the server says no.
    const flip = (on: boolean) =>
      setFavIds((s) => {
        const n = new Set(s);
        if (on) n.add(orgId);
        else n.delete(orgId);
        return n;
      });
    flip(favourite);
    try {
      const res = await toggleFavouriteAction({ providerOrgId: orgId, favourite });
      if (!res.ok) {
        flip(!favourite);
        setFavError(res.error.message);
      } else flip(res.data.favourite);
    } catch {
      flip(!favourite);
      setFavError('Your favourites could not be saved. Try again.');
    } finally {
      setFavPending((s) => {
        const n = new Set(s);
        n.delete(orgId);
        return n;
      });
    }
  }, []);

  const categoryNames = useMemo(() => new Map(props.categories.map((c) => [c.slug, c.name])), [props.categories]);
  const filtersActive = activeFilterCount(filters) > 0;

  return (
    <div className="flex flex-col lg:h-[calc(100dvh-3.5rem)]">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-border bg-surface px-3 py-2 sm:px-4">
        <h1 className="text-base font-semibold sm:text-lg">{props.title}</h1>
        <div className="flex w-full items-center gap-2 sm:ms-auto sm:w-auto">
          <PlaceSearch onChoose={onPlace} />
        </div>
        <div role="group" aria-label="Show" className="flex w-full rounded-md border border-border p-0.5 lg:hidden">
          {(['list', 'map'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
              className={`flex h-9 flex-1 cursor-pointer items-center justify-center gap-1.5 rounded text-sm font-medium ${mode === m ? 'bg-primary text-primary-fg' : 'text-fg'}`}
            >
              {m === 'list' ? <List aria-hidden className="size-4" /> : <MapIcon aria-hidden className="size-4" />}
              {m === 'list' ? 'List' : 'Map'}
            </button>
          ))}
        </div>
      </div>
      <div className="flex min-h-0 flex-1">
        <div
          ref={listColumn}
          className={`w-full min-w-0 overflow-y-auto p-3 sm:p-4 lg:block lg:w-[26rem] lg:shrink-0 lg:border-e lg:border-border ${mode === 'map' ? 'hidden' : 'block'}`}
        >
          {zone ? <ZoneInsight zoneId={zone} onClose={closeZone} focusOnOpen={focusInsight} /> : null}
          <div hidden={!!zone} className="grid gap-4">
            <Filters filters={filters} categories={props.categories} onChange={changeFilters} onClear={clearFilters} />
            <ResultList
              result={result}
              status={status}
              filtersActive={filtersActive}
              demand={filters.demand}
              categoryNames={categoryNames}
              favourites={{ mode: props.favouriteMode, ids: favIds, pending: favPending, error: favError, onToggle: toggleFavourite }}
              highlight={highlight}
              onHighlight={setHighlight}
              onClearFilters={clearFilters}
              onZoomOut={zoomOut}
              onRetry={retry}
              onZoneOpen={openZone}
            />
          </div>
        </div>
        <div className={`min-w-0 flex-1 lg:block ${mode === 'map' ? 'block h-[calc(100dvh-10rem)] min-h-80 lg:h-auto' : 'hidden'}`}>
          {showMap ? (
            <ExplorerMap
              config={props.mapConfig}
              initialView={view}
              result={result}
              loading={status === 'loading'}
              demand={filters.demand}
              selectedZoneId={zone}
              highlight={highlight}
              flyTarget={flyTarget}
              providerNames={providerNames}
              onViewChange={onViewChange}
              onZoneOpen={openZone}
              onProviderSelect={onProviderSelect}
              onReady={setMapReady}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
