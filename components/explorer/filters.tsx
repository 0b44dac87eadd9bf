'use client';

import { SlidersHorizontal } from 'lucide-react';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { plainButtonClasses } from '@/components/ui/button-variants';
import { demandLevels, type DemandLevel, type OfferKind } from '@/lib/geo/types';
import { minorToPounds, poundsToMinor } from './format';
import { activeFilterCount, type ExplorerFilters } from './url-state';

/**
 * The explorer's filters. Every change goes straight to the URL and a new search (typed text and
 * prices after a short pause). On laptops they sit above the list; on phones they fold into a
 * sheet behind a "Filters (N)" button. The sheet and its dialog library load on first open.
 */

export interface Category {
  slug: string;
  name: string;
}

export interface FiltersProps {
  filters: ExplorerFilters;
  categories: Category[];
  /** A patch, merged by the owner into the latest filters (debounced commits never clobber newer ones). */
  onChange: (patch: Partial<ExplorerFilters>) => void;
  onClear: () => void;
}

const FiltersSheet = lazy(() => import('./filters-sheet'));

export function Filters(props: FiltersProps) {
  const count = activeFilterCount(props.filters);
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div className="lg:hidden">
        <button
          ref={trigger}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => {
            setLoaded(true);
            setOpen(true);
          }}
          className={plainButtonClasses({ variant: 'secondary', size: 'md' })}
        >
          <SlidersHorizontal aria-hidden />
          Filters{count ? ` (${count})` : ''}
        </button>
        {loaded ? (
          <Suspense fallback={null}>
            <FiltersSheet {...props} open={open} onOpenChange={setOpen} returnFocusTo={trigger} />
          </Suspense>
        ) : null}
      </div>
      <div className="hidden lg:block">
        <FilterFields {...props} compact />
      </div>
    </>
  );
}

/** Text and price boxes commit after a pause; the committed value wins when it changes outside. */
function useDraft(committed: string, commit: (v: string) => void, delay = 400) {
  const [draft, setDraft] = useState(committed);
  const last = useRef(committed);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (committed !== last.current) {
      last.current = committed;
      setDraft(committed);
    }
  }, [committed]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const flush = (v: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (v !== last.current) {
      last.current = v;
      commit(v);
    }
  };
  return {
    value: draft,
    onChange: (v: string) => {
      setDraft(v);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => flush(v), delay);
    },
    flush: () => flush(draft),
  };
}

const fieldClass = 'h-10 w-full rounded-md border border-input bg-surface px-3 text-sm text-fg';
const labelClass = 'text-sm font-medium';

/** `compact` (laptop column): price and demand fold into "More filters" to leave room for results. */
export function FilterFields({ filters, categories, onChange, onClear, compact = false }: FiltersProps & { compact?: boolean }) {
  const id = useId();
  const set = onChange;
  const q = useDraft(filters.q, (v) => set({ q: v }));
  const min = useDraft(minorToPounds(filters.priceMin), (v) => set({ priceMin: poundsToMinor(v) }));
  const max = useDraft(minorToPounds(filters.priceMax), (v) => set({ priceMax: poundsToMinor(v) }));
  const priceError =
    (min.value.trim() && poundsToMinor(min.value) === null) || (max.value.trim() && poundsToMinor(max.value) === null)
      ? 'Enter an amount in pounds, e.g. 40 or 42.50.'
      : filters.priceMin !== null && filters.priceMax !== null && filters.priceMin > filters.priceMax
        ? 'The minimum is above the maximum.'
        : null;
  const toggleDemand = (d: DemandLevel, on: boolean) =>
    set({ demand: on ? demandLevels.filter((x) => x === d || filters.demand.includes(x)) : filters.demand.filter((x) => x !== d) });

  const moreActive = (filters.priceMin !== null || filters.priceMax !== null ? 1 : 0) + (filters.demand.length ? 1 : 0);
  const more = (
    <>
      <fieldset className="grid gap-1">
        <legend className={`${labelClass} mb-1`}>Price from (£)</legend>
        <div className="grid grid-cols-2 gap-3">
          <div className="grid gap-1">
            <label htmlFor={`${id}-min`} className="text-xs text-muted">
              Minimum
            </label>
            <input id={`${id}-min`} inputMode="decimal" className={fieldClass} placeholder="0" value={min.value} onChange={(e) => min.onChange(e.target.value)} onBlur={min.flush} aria-invalid={!!priceError} aria-describedby={priceError ? `${id}-price-err` : undefined} />
          </div>
          <div className="grid gap-1">
            <label htmlFor={`${id}-max`} className="text-xs text-muted">
              Maximum
            </label>
            <input id={`${id}-max`} inputMode="decimal" className={fieldClass} placeholder="Any" value={max.value} onChange={(e) => max.onChange(e.target.value)} onBlur={max.flush} aria-invalid={!!priceError} aria-describedby={priceError ? `${id}-price-err` : undefined} />
          </div>
        </div>
        {priceError ? (
          <p id={`${id}-price-err`} className="text-xs text-danger">
            {priceError}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className={`${labelClass} mb-1`}>Zone demand</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {demandLevels.map((d) => (
            <label key={d} className="flex min-h-8 cursor-pointer items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" checked={filters.demand.includes(d)} onChange={(e) => toggleDemand(d, e.target.checked)} />
              {d[0].toUpperCase() + d.slice(1)}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );

  return (
    <form
      role="search"
      aria-label="Filter providers"
      className="grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        q.flush();
        min.flush();
        max.flush();
      }}
    >
      <div className="grid gap-1">
        <label htmlFor={`${id}-q`} className={labelClass}>
          Provider or service
        </label>
        <input id={`${id}-q`} type="search" className={fieldClass} placeholder="e.g. boiler repair" maxLength={100} value={q.value} onChange={(e) => q.onChange(e.target.value)} onBlur={q.flush} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <div className="grid gap-1">
          <label htmlFor={`${id}-category`} className={labelClass}>
            Category
          </label>
          <select id={`${id}-category`} className={fieldClass} value={filters.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor={`${id}-rating`} className={labelClass}>
            Rating
          </label>
          <select id={`${id}-rating`} className={fieldClass} value={filters.rating ?? ''} onChange={(e) => set({ rating: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Any rating</option>
            {[4, 3, 2, 1].map((r) => (
              <option key={r} value={r}>
                {r} stars and up
              </option>
            ))}
          </select>
        </div>
      </div>
      {compact ? null : more}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <label className="flex min-h-8 cursor-pointer items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-primary" checked={filters.available} onChange={(e) => set({ available: e.target.checked })} />
          Open now
        </label>
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Offers</legend>
          {([null, 'rent', 'buy'] as Array<OfferKind | null>).map((o) => (
            <label key={o ?? 'any'} className={`flex min-h-8 cursor-pointer items-center rounded-md border px-2.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary has-[:checked]:text-primary-fg has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring`}>
              <input type="radio" name={`${id}-offer`} className="sr-only" checked={filters.offer === o} onChange={() => set({ offer: o })} />
              {o === null ? 'Any' : o === 'rent' ? 'Rent tools' : 'Buy'}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={onClear} disabled={activeFilterCount(filters) === 0} className={`${plainButtonClasses({ variant: 'link', size: 'sm' })} ms-auto`}>
          Clear filters
        </button>
      </div>
      {compact ? (
        <details open={moreActive > 0 || undefined} className="group rounded-md border border-border bg-surface px-3 py-2">
          <summary className="flex min-h-8 cursor-pointer items-center text-sm font-medium">More filters{moreActive ? ` (${moreActive})` : ''}</summary>
          <div className="grid gap-3 pt-2">{more}</div>
        </details>
      ) : null}
    </form>
  );
}
