'use client';

import { useRef, useState, type FormEvent } from 'react';
import { Crosshair, MapPin, Search } from 'lucide-react';
import { BaseMap } from '@/components/geo/base-map.client';
import { demandColours } from '@/components/geo/map-style';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormError, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { MapClientConfig } from '@/lib/geo/map-config';
import { demandLevels, type DemandLevel, type MatchResult, type PlaceHit } from '@/lib/geo/types';
import { demandTone } from './format';
import { formatLondon, londonLocalToIso } from './london-time';
import { useZonesInView } from './neighbour-zones';

const km = (m: number) => (m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} km`);
const dec = (n: number | null, digits = 2) => (n === null ? '—' : n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The operations matching tool: choose a point (map click, typed coordinates or a place), run the
 * public match endpoint and show why each provider ranks where it does. Everything on the map can
 * also be done with the form; results are announced in a live region.
 */
export function MatchingTool({ mapConfig, categories }: { mapConfig: MapClientConfig; categories: Array<{ slug: string; name: string }> }) {
  const [lon, setLon] = useState('-0.1276');
  const [lat, setLat] = useState('51.5072');
  const [radius, setRadius] = useState('5000');
  const [cats, setCats] = useState<Set<string>>(new Set());
  const [demand, setDemand] = useState<Set<DemandLevel>>(new Set());
  const [at, setAt] = useState('');
  const [placeQ, setPlaceQ] = useState('');
  const [places, setPlaces] = useState<PlaceHit[] | null>(null);
  const [result, setResult] = useState<MatchResult | null>(null);
  const [error, setError] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [loading, setLoading] = useState(false);
  const [status, setStatus] = useState('');
   
  const mapRef = useRef<any>(null);
  const zones = useZonesInView('platform');
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const toggle = <T,>(set: Set<T>, v: T) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    return next;
  };

  function flyTo(lo: number, la: number, zoom?: number) {
    mapRef.current?.flyTo?.({ center: [lo, la], zoom: zoom ?? Math.max(mapRef.current?.getZoom?.() ?? 12, 12), duration: 600 });
  }

  async function run(point?: { lon: number; lat: number }) {
    const qs = new URLSearchParams();
    qs.set('lon', point ? point.lon.toFixed(6) : lon.trim());
    qs.set('lat', point ? point.lat.toFixed(6) : lat.trim());
    if (radius.trim()) qs.set('radiusM', radius.trim());
    if (cats.size) qs.set('categories', [...cats].join(','));
    if (demand.size) qs.set('demand', [...demand].join(','));
    if (at) {
      const iso = londonLocalToIso(at);
      if (!iso) {
        setError({ message: 'Please check: time must be a date and time.', fieldErrors: { at: ['must be a date and time'] } });
        return;
      }
      qs.set('at', iso);
    }
    setLoading(true);
    setError(null);
    setStatus('Matching…');
    try {
      const res = await fetch(`/api/v1/geo/match?${qs}`, { headers: { accept: 'application/json' } });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        setError({ message: body?.detail ?? `The match failed (${res.status}).`, fieldErrors: body?.errors ?? {} });
        setStatus('The match failed.');
        return;
      }
      const r = body as MatchResult;
      setResult(r);
      setStatus(
        `${r.providers.length} ${r.providers.length === 1 ? 'provider' : 'providers'} matched. ${
          r.zones.length === 0 ? 'No zone within the radius.' : r.fallback ? `No zone contains the point; nearest is ${r.zones[0].name}.` : `Inside ${r.zones.map((z) => z.name).join(', ')}.`
        }`,
      );
      requestAnimationFrame(() => resultsRef.current?.focus());
    } catch {
      setError({ message: 'The match could not be run. Check your connection and try again.', fieldErrors: {} });
      setStatus('The match failed.');
    } finally {
      setLoading(false);
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void run();
  }

  async function findPlaces(e?: FormEvent) {
    e?.preventDefault();
    if (!placeQ.trim()) return;
    try {
      const res = await fetch(`/api/v1/geo/places?q=${encodeURIComponent(placeQ.trim())}&limit=8`);
      const body = (await res.json().catch(() => null)) as { places?: PlaceHit[] } | null;
      setPlaces(res.ok ? (body?.places ?? []) : []);
    } catch {
      setPlaces([]);
    }
  }

  function choosePlace(p: PlaceHit) {
    setLon(p.lon.toFixed(6));
    setLat(p.lat.toFixed(6));
    setPlaces(null);
    setPlaceQ(p.name);
    flyTo(p.lon, p.lat, 13);
    void run({ lon: p.lon, lat: p.lat });
  }

   
  function onMapClick(e: any) {
    const { lng, lat: la } = e.lngLat ?? {};
    if (typeof lng !== 'number' || typeof la !== 'number') return;
    setLon(lng.toFixed(6));
    setLat(la.toFixed(6));
    void run({ lon: lng, lat: la });
  }

  const fe = (k: string) => error?.fieldErrors[k];
  const matchedIds = new Set(result?.zones.map((z) => z.id) ?? []);

  return (
    <div className="grid gap-6 lg:grid-cols-[24rem_minmax(0,1fr)]">
      <div className="grid content-start gap-4">
        <form onSubmit={findPlaces} role="search" aria-label="Find a place" className="grid gap-2">
          <FormField label="Place" name="place" description="An area, postcode district, station or landmark.">
            <Input value={placeQ} onChange={(e) => setPlaceQ(e.target.value)} autoComplete="off" />
          </FormField>
          <div>
            <Button type="submit" variant="secondary" size="sm">
              <Search aria-hidden="true" />
              Find place
            </Button>
          </div>
          {places ? (
            places.length ? (
              <ul className="grid gap-1" aria-label="Places found">
                {places.map((p) => (
                  <li key={p.id}>
                    <button type="button" onClick={() => choosePlace(p)} className="min-h-9 w-full rounded-md px-2 text-start text-sm hover:bg-surface-muted">
                      <span className="font-medium">{p.name}</span> <span className="text-muted">· {p.kind} · {p.region}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">No places found.</p>
            )
          ) : null}
        </form>

        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Match settings">
          <div className="grid grid-cols-2 gap-3">
            <FormField label="Longitude" name="lon" required error={fe('lon')}>
              <Input inputMode="decimal" value={lon} onChange={(e) => setLon(e.target.value)} autoComplete="off" />
            </FormField>
            <FormField label="Latitude" name="lat" required error={fe('lat')}>
              <Input inputMode="decimal" value={lat} onChange={(e) => setLat(e.target.value)} autoComplete="off" />
            </FormField>
          </div>
          <FormField label="Fallback radius (m)" name="radiusM" description="How far to look for the nearest zone when none contains the point (up to 50,000)." error={fe('radiusM')}>
            <Input type="number" inputMode="numeric" min={1} max={50000} step={100} value={radius} onChange={(e) => setRadius(e.target.value)} />
          </FormField>
          <FormField label="At (Europe/London)" name="at" description="Leave empty for now. Opening hours are checked at this time." error={fe('at')}>
            <Input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          </FormField>
          <fieldset className="grid gap-1">
            <legend className="text-sm font-medium">Demand levels</legend>
            <div className="flex flex-wrap gap-x-4">
              {demandLevels.map((d) => (
                <Checkbox key={d} label={cap(d)} checked={demand.has(d)} onChange={() => setDemand((s) => toggle(s, d))} />
              ))}
            </div>
            {fe('demand') ? <p className="text-sm text-danger">{fe('demand')!.join('; ')}</p> : null}
          </fieldset>
          {categories.length ? (
            <fieldset className="grid gap-1">
              <legend className="text-sm font-medium">Categories (none = all)</legend>
              <div className="grid max-h-56 grid-cols-2 gap-x-3 overflow-y-auto">
                {categories.map((c) => (
                  <Checkbox key={c.slug} label={c.name} checked={cats.has(c.slug)} onChange={() => setCats((s) => toggle(s, c.slug))} />
                ))}
              </div>
            </fieldset>
          ) : null}
          <div>
            <Button type="submit" loading={loading}>
              <Crosshair aria-hidden="true" />
              Match this point
            </Button>
          </div>
          <FormError message={error?.message} />
        </form>
      </div>

      <div className="grid min-w-0 content-start gap-4">
        <BaseMap
          config={mapConfig}
          mapRef={mapRef}
          initialView={{ longitude: -0.1276, latitude: 51.5072, zoom: 10 }}
          ariaLabel="Matching map: click to choose a point"
          className="h-[45vh] min-h-72 w-full overflow-hidden rounded-lg border"
          onLoad={(e: { target: unknown }) => zones.load(e.target)}
          onMoveEnd={(e: { target: unknown }) => zones.load(e.target)}
          onClick={onMapClick}
          cursor="crosshair"
        >
          {({ Source, Layer, Marker }) => (
            <>
              <Source id="match-zones" type="geojson" data={zones.data as never}>
                <Layer
                  id="match-zone-fill"
                  type="fill"
                  paint={{
                    'fill-color': ['match', ['get', 'demandLevel'], 'high', demandColours.high, 'medium', demandColours.medium, demandColours.low],
                    'fill-opacity': ['case', ['in', ['get', 'id'], ['literal', [...matchedIds]]], 0.35, 0.1],
                  }}
                />
                <Layer id="match-zone-line" type="line" paint={{ 'line-color': '#334155', 'line-width': ['case', ['in', ['get', 'id'], ['literal', [...matchedIds]]], 2.5, 0.75] }} />
              </Source>
              {result?.providers.map((p, i) => (
                <Marker key={p.orgId} longitude={p.basePoint[0]} latitude={p.basePoint[1]} anchor="center">
                  <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-full border-2 border-white bg-slate-800 text-xs font-semibold text-white shadow">
                    {i + 1}
                  </span>
                </Marker>
              ))}
              {result ? (
                <Marker longitude={result.point[0]} latitude={result.point[1]} anchor="bottom">
                  <MapPin aria-hidden="true" className="size-8 fill-red-600 text-white drop-shadow" />
                </Marker>
              ) : null}
            </>
          )}
        </BaseMap>
        <p className="sr-only" role="status" aria-live="polite">
          {status}
        </p>
        <MatchResults result={result} headingRef={resultsRef} />
      </div>
    </div>
  );
}

function MatchResults({ result, headingRef }: { result: MatchResult | null; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  if (!result) {
    return <p className="rounded-lg border p-4 text-sm text-muted">Click the map, find a place or type coordinates, then run the match to see the zones and ranked providers.</p>;
  }
  return (
    <section aria-labelledby="match-results" className="grid gap-4" data-testid="match-results">
      <h2 id="match-results" ref={headingRef} tabIndex={-1} className="text-lg font-semibold outline-none">
        Result for {result.point[1].toFixed(5)}, {result.point[0].toFixed(5)} at {formatLondon(result.at)}
      </h2>
      <div className="grid gap-2">
        <h3 className="text-base font-semibold">Zones</h3>
        {result.zones.length === 0 ? (
          <p className="text-sm text-muted">No active zone contains the point or lies within {km(result.radiusM)}.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {result.zones.map((z) => (
              <li key={z.id} className="flex flex-wrap items-center gap-2 rounded-md border px-3 py-1.5 text-sm">
                <span className="font-medium">{z.name}</span>
                <Badge tone={demandTone[z.demandLevel]}>{cap(z.demandLevel)} demand</Badge>
                {z.fallback ? <Badge tone="warning">Nearest within radius · {km(z.distanceM)}</Badge> : <Badge tone="success">Contains the point</Badge>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <details className="rounded-lg border p-3 text-sm">
        <summary className="cursor-pointer font-medium">How the score is calculated</summary>
        <p className="mt-2 whitespace-pre-wrap">{result.scoring.formula}</p>
        <p className="mt-1 text-muted">
          Weights: {Object.entries(result.scoring.weights).map(([k, w]) => `${k} ${w}`).join(' · ')}
        </p>
      </details>
      <div className="grid gap-2">
        <h3 className="text-base font-semibold">
          Providers ({result.providers.length})
        </h3>
        {result.providers.length === 0 ? (
          <p className="text-sm text-muted">No provider serves this point with the chosen filters at this time.</p>
        ) : (
          <ol className="grid gap-3">
            {result.providers.map((p, i) => (
              <li key={p.orgId} className="grid gap-2 rounded-lg border p-3" data-testid="match-provider">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-semibold">
                    {i + 1}. {p.name}
                  </span>
                  <span className="text-sm">
                    Score <strong>{dec(p.score, 3)}</strong> · {km(p.distanceM)} from crew base · {p.availableNow ? 'Open at this time' : 'Closed at this time'}
                  </span>
                </div>
                {p.services.length ? (
                  <p className="text-sm text-muted">
                    Services: {p.services.map((s) => `${s.title} (${new Intl.NumberFormat('en-GB', { style: 'currency', currency: s.currency }).format(s.priceMinor / 100)})`).join(', ')}
                  </p>
                ) : null}
                <div className="overflow-x-auto" role="region" aria-label={`Score breakdown for ${p.name}`} tabIndex={0}>
                  <table className="w-full min-w-[32rem] text-sm">
                    <caption className="sr-only">Score breakdown for {p.name}</caption>
                    <thead>
                      <tr className="border-b">
                        <th scope="col" className="py-1 pe-2 text-start font-semibold">Component</th>
                        <th scope="col" className="px-2 py-1 text-end font-semibold">Weight</th>
                        <th scope="col" className="px-2 py-1 text-end font-semibold">Value</th>
                        <th scope="col" className="px-2 py-1 text-end font-semibold">Contribution</th>
                        <th scope="col" className="ps-2 py-1 text-start font-semibold">Note</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.components.map((c) => (
                        <tr key={c.key} className="border-b last:border-b-0">
                          <th scope="row" className="py-1 pe-2 text-start font-normal">{cap(c.key)}</th>
                          <td className="px-2 py-1 text-end tabular-nums">{dec(c.weight)}</td>
                          <td className="px-2 py-1 text-end tabular-nums">{dec(c.value)}</td>
                          <td className="px-2 py-1 text-end tabular-nums">{dec(c.contribution, 3)}</td>
                          <td className="ps-2 py-1 text-muted">{c.note}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
