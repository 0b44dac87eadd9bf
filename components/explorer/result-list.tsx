'use client';

import { Heart, Layers, RotateCcw, SearchX, Star, TriangleAlert } from 'lucide-react';
import Link from 'next/link';
import { demandColours } from '@/components/geo/map-style';
import { plainButtonClasses } from '@/components/ui/button-variants';
import type { DemandLevel, ExplorerProvider, ExplorerResult } from '@/lib/geo/types';
import { formatMinor, plural } from './format';

/**
 * The ranked result list: a full alternative to the map (every provider and zone the map shows
 * can be reached here by keyboard). The count sits in a polite live region so a new search is
 * announced; old results stay, dimmed, while the next search runs.
 */

export type SearchStatus = 'ready' | 'loading' | 'error';

export interface FavouritesState {
  /** customer = can save; anonymous = offer sign-in; none = signed in without the customer role. */
  mode: 'customer' | 'anonymous' | 'none';
  ids: Set<string>;
  pending: Set<string>;
  error: string | null;
  onToggle: (orgId: string, favourite: boolean) => void;
}

export interface ResultListProps {
  result: ExplorerResult | null;
  status: SearchStatus;
  filtersActive: boolean;
  demand: DemandLevel[];
  categoryNames: Map<string, string>;
  favourites: FavouritesState;
  highlight: string | null;
  onHighlight: (orgId: string | null) => void;
  onClearFilters: () => void;
  onZoomOut: () => void;
  onRetry: () => void;
  onZoneOpen: (zoneId: string, opener: HTMLElement) => void;
}

const demandText: Record<DemandLevel, string> = { high: 'High demand', medium: 'Medium demand', low: 'Low demand' };

export function ResultList(props: ResultListProps) {
  const { result, status } = props;
  const zones = (result?.zones ?? []).filter((z) => !props.demand.length || props.demand.includes(z.demandLevel));
  const count = result ? `${plural(result.total, 'provider')} in this area` : '';
  return (
    <div className="grid gap-4">
      <div className="flex min-h-6 items-center gap-2">
        <p role="status" aria-live="polite" className="text-sm font-semibold">
          <span data-testid="result-count">{status === 'error' && !result ? 'Results could not load' : count}</span>
          {status === 'loading' ? <span className="sr-only"> — updating</span> : null}
        </p>
        {status === 'loading' ? <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-primary border-t-transparent" /> : null}
      </div>

      {props.favourites.error ? (
        <p role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger-soft-fg">
          {props.favourites.error}
        </p>
      ) : null}

      {status === 'error' ? (
        <div className="grid justify-items-start gap-2 rounded-lg border border-danger bg-danger-soft p-4">
          <div role="alert" className="flex items-start gap-2 text-sm text-danger-soft-fg">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>The search did not go through. Check your connection and try again.</span>
          </div>
          <button type="button" onClick={props.onRetry} className={plainButtonClasses({ variant: 'secondary', size: 'sm' })}>
            <RotateCcw aria-hidden />
            Try again
          </button>
        </div>
      ) : null}

      {!result && status === 'loading' ? <ListSkeleton /> : null}

      {result ? (
        <div aria-busy={status === 'loading'} className={status === 'loading' ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
          {result.total === 0 ? (
            <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border px-4 py-8 text-center">
              <SearchX aria-hidden className="size-8 text-muted" />
              <h2 className="font-semibold">No providers in this area</h2>
              <p className="max-w-xs text-sm text-muted">
                {props.filtersActive ? 'Try fewer filters, or zoom out to look further afield.' : 'Zoom out or move the map to look further afield.'}
              </p>
              <div className="flex flex-wrap justify-center gap-2">
                {props.filtersActive ? (
                  <button type="button" onClick={props.onClearFilters} className={plainButtonClasses({ variant: 'secondary', size: 'sm' })}>
                    Clear filters
                  </button>
                ) : null}
                <button type="button" onClick={props.onZoomOut} className={plainButtonClasses({ variant: 'secondary', size: 'sm' })}>
                  Zoom out
                </button>
              </div>
            </div>
          ) : (
            <>
              <h2 className="sr-only">Providers</h2>
              <ol className="grid gap-3" data-testid="result-list">
                {result.providers.map((p) => (
                  <ProviderCard key={p.orgId} provider={p} {...props} />
                ))}
              </ol>
              {result.total > result.providers.length ? (
                <p className="mt-3 text-sm text-muted">
                  Showing the top {result.providers.length} of {result.total.toLocaleString('en-GB')}. Zoom in or add filters to narrow it down.
                </p>
              ) : null}
            </>
          )}
        </div>
      ) : null}

      <section aria-labelledby="zones-in-view" className="grid gap-2 border-t border-border pt-4">
        <h2 id="zones-in-view" className="flex items-center gap-2 text-sm font-semibold">
          <Layers aria-hidden className="size-4" />
          Zones in view
        </h2>
        {zones.length === 0 ? (
          <p className="text-sm text-muted">{result ? 'No service zones in view. Zoom in on a city to see its zones.' : '—'}</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {zones.map((z) => (
              <li key={z.id}>
                <button
                  type="button"
                  data-zone-id={z.id}
                  data-zone-name={z.name}
                  onClick={(e) => props.onZoneOpen(z.id, e.currentTarget)}
                  className="flex min-h-9 cursor-pointer items-center gap-2 rounded-full border border-border bg-surface px-3 text-sm hover:bg-surface-muted"
                >
                  <span aria-hidden className="size-2.5 rounded-full" style={{ backgroundColor: demandColours[z.demandLevel] }} />
                  {z.name}
                  <span className="sr-only">, {demandText[z.demandLevel]}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ProviderCard({ provider: p, favourites, highlight, onHighlight, categoryNames }: ResultListProps & { provider: ExplorerProvider }) {
  const saved = favourites.ids.has(p.orgId);
  const headingId = `provider-${p.orgId}-name`;
  return (
    <li
      id={`provider-${p.orgId}`}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="provider-card"
      data-org-id={p.orgId}
      onMouseEnter={() => onHighlight(p.orgId)}
      onMouseLeave={() => onHighlight(null)}
      onFocus={() => onHighlight(p.orgId)}
      className={`grid gap-2 rounded-lg border bg-surface p-4 ${highlight === p.orgId ? 'border-primary ring-1 ring-primary' : 'border-border'}`}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="truncate font-semibold">
            {p.name}
          </h3>
          {p.tagline ? <p className="line-clamp-2 text-sm text-muted">{p.tagline}</p> : null}
        </div>
        {favourites.mode === 'customer' ? (
          <button
            type="button"
            aria-pressed={saved}
            aria-label={`Save ${p.name} to favourites`}
            disabled={favourites.pending.has(p.orgId)}
            onClick={() => favourites.onToggle(p.orgId, !saved)}
            className={`${plainButtonClasses({ variant: 'ghost', size: 'icon' })} ${saved ? 'text-danger' : 'text-muted'}`}
          >
            <Heart aria-hidden fill={saved ? 'currentColor' : 'none'} />
          </button>
        ) : favourites.mode === 'anonymous' ? (
          <Link href="/sign-in?callbackUrl=%2F" className="flex min-h-6 shrink-0 items-center gap-1 text-xs text-link underline underline-offset-2">
            <Heart aria-hidden className="size-3.5" />
            Sign in to save
          </Link>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {p.ratingAverage !== null && p.ratingCount > 0 ? (
          <span className="flex items-center gap-1">
            <Star aria-hidden className="size-4 fill-current text-warning" />
            <span>
              {p.ratingAverage.toFixed(1)}
              <span className="sr-only"> out of 5</span> <span className="text-muted">({plural(p.ratingCount, 'review')})</span>
            </span>
          </span>
        ) : (
          <span className="rounded-sm bg-info-soft px-1.5 text-xs font-medium text-info-soft-fg">New</span>
        )}
        {p.priceFromMinor !== null && p.currency ? <span>From {formatMinor(p.priceFromMinor, p.currency)}</span> : null}
      </div>
      <div className="flex flex-wrap gap-1.5 text-xs">
        {p.availableNow ? <span className="rounded-sm bg-success-soft px-1.5 py-0.5 font-medium text-success-soft-fg">Open now</span> : null}
        {p.offersRentals ? <span className="rounded-sm border border-border px-1.5 py-0.5">Rent tools</span> : null}
        {p.offersSales ? <span className="rounded-sm border border-border px-1.5 py-0.5">Buy</span> : null}
        {p.categories.map((c) => (
          <span key={c} className="rounded-sm bg-surface-muted px-1.5 py-0.5 text-muted">
            {categoryNames.get(c) ?? c}
          </span>
        ))}
      </div>
      <div>
        <Link
          href={`/book/provider/${p.slug}`}
          aria-label={`See services and book ${p.name}`}
          className={plainButtonClasses({ variant: 'primary', size: 'sm' })}
        >
          Book
        </Link>
      </div>
    </li>
  );
}

function ListSkeleton() {
  return (
    <div aria-hidden className="grid gap-3">
      {[0, 1, 2].map((i) => (
        <div key={i} className="grid animate-pulse gap-2 rounded-lg border border-border bg-surface p-4">
          <div className="h-4 w-1/2 rounded bg-surface-muted" />
          <div className="h-3 w-3/4 rounded bg-surface-muted" />
          <div className="h-3 w-1/3 rounded bg-surface-muted" />
        </div>
      ))}
    </div>
  );
}
