'use client';

import { MapPin, Search } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { PlaceHit } from '@/lib/geo/types';

/**
 * "Where?" — an ARIA 1.2 combobox over the place search (offline gazetteer, or the configured
 * geocoder): type to get suggestions, ↑/↓ to move, Enter to choose, Escape to close. Choosing a
 * place moves the explorer there whether or not the map is showing.
 */

const kindLabel: Record<PlaceHit['kind'], string> = {
  area: 'Area',
  postcode: 'Postcode',
  landmark: 'Landmark',
  station: 'Station',
  address: 'Address',
};

export function PlaceSearch({ onChoose }: { onChoose: (place: PlaceHit) => void }) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PlaceHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const seq = useRef(0);

  useEffect(() => {
    const q = text.trim();
    // Under two characters nothing is fetched (and the list is not shown).
    if (q.length < 2) return;
    const mine = ++seq.current;
    const ctrl = new AbortController();
    const t = setTimeout(async () => {
      setState('loading');
      try {
        const res = await fetch(`/api/v1/geo/places?q=${encodeURIComponent(q)}&limit=8`, { signal: ctrl.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { places: PlaceHit[] };
        if (mine !== seq.current) return;
        setHits(body.places);
        setActive(body.places.length ? 0 : -1);
        setState('idle');
      } catch (err) {
        if ((err as Error).name !== 'AbortError' && mine === seq.current) setState('error');
      }
    }, 200);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [text]);

  const choose = (place: PlaceHit) => {
    setText(place.name);
    setOpen(false);
    setHits([]);
    setActive(-1);
    onChoose(place);
  };

  const showList = open && text.trim().length >= 2;
  const status = !showList
    ? ''
    : state === 'error'
      ? 'Place search is unavailable. Try again.'
      : state === 'loading'
        ? 'Searching places…'
        : hits.length === 0
          ? 'No places match.'
          : `${hits.length} place${hits.length === 1 ? '' : 's'} found.`;

  return (
    <div className="relative w-full sm:max-w-xs">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search a place or postcode
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder="Place or postcode"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            if (hits.length) setActive((a) => (a + 1) % hits.length);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            if (hits.length) setActive((a) => (a <= 0 ? hits.length - 1 : a - 1));
          } else if (e.key === 'Enter') {
            if (showList && active >= 0 && hits[active]) {
              e.preventDefault();
              choose(hits[active]);
            }
          } else if (e.key === 'Escape') {
            if (showList) {
              e.preventDefault();
              setOpen(false);
            } else setText('');
          }
        }}
        className="h-10 w-full rounded-md border border-input bg-surface ps-9 pe-3 text-sm text-fg placeholder:text-muted"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Places"
        hidden={!showList || hits.length === 0}
        className="absolute top-full right-0 left-0 z-40 mt-1 max-h-72 overflow-y-auto rounded-md border border-border bg-surface py-1 shadow-lg"
      >
        {hits.map((h, i) => (
          <li
            key={h.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(h);
            }}
            onMouseEnter={() => setActive(i)}
            className={`flex min-h-10 cursor-pointer items-center gap-2 px-3 py-1.5 text-sm ${i === active ? 'bg-surface-muted' : ''}`}
          >
            <MapPin aria-hidden className="size-4 shrink-0 text-muted" />
            <span className="min-w-0 flex-1 truncate">
              {h.name}
              <span className="text-muted"> · {h.region}</span>
            </span>
            <span className="shrink-0 text-xs text-muted">{kindLabel[h.kind]}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
