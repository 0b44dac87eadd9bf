'use client';

import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { Briefcase, ImageIcon, MapPin, RefreshCw } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState } from '@/components/ui/states';
import type { FeedItem } from '@/lib/custom-jobs/queries';
import { deadlineText, formatMinor } from './format';

/** The feed's item as the API sends it (a type only: nothing server-side reaches the browser). */
export type FeedItemView = FeedItem;

interface FeedPageView {
  items: FeedItemView[];
  nextCursor: string | null;
}

interface Filters {
  zoneId: string;
  categoryId: string;
  scope: '' | 'in' | 'out';
}

interface StreamEvent {
  kind: 'posted' | 'changed' | 'closed';
  jobId: string;
  version: number;
  item: FeedItemView | null;
}

type Live = 'connecting' | 'live' | 'offline';

const feedKey = (f: Filters) => ['job-feed', f.zoneId, f.categoryId, f.scope] as const;

function feedUrl(f: Filters, cursor?: string | null): string {
  const p = new URLSearchParams();
  if (f.zoneId) p.set('zoneId', f.zoneId);
  if (f.categoryId) p.set('categoryId', f.categoryId);
  if (f.scope) p.set('outOfZone', f.scope === 'out' ? 'true' : 'false');
  if (cursor) p.set('cursor', cursor);
  return `/api/v1/jobs/feed?${p}`;
}

const matches = (f: Filters, i: FeedItemView) =>
  (!f.zoneId || i.zone?.id === f.zoneId) && (!f.categoryId || i.category.id === f.categoryId) && (!f.scope || (f.scope === 'out') === i.outOfZone);

/** Applies one live event to a cached feed: upsert (newest first) or remove; older versions ignored. */
function applyEvent(data: InfiniteData<FeedPageView> | undefined, f: Filters, ev: StreamEvent): InfiniteData<FeedPageView> | undefined {
  if (!data) return data;
  const existing = data.pages.flatMap((p) => p.items).find((i) => i.id === ev.jobId);
  if (existing && existing.version > ev.version) return data;
  const pages = data.pages.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== ev.jobId) }));
  if (ev.item && matches(f, ev.item)) {
    if (existing) {
      // Changed in place: keep its position.
      return { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === ev.jobId ? ev.item! : i)) })) };
    }
    pages[0] = { ...pages[0], items: [ev.item, ...pages[0].items] };
  }
  return { ...data, pages };
}

/**
 * The provider's live job feed: the first page comes from the server, later pages by cursor, and
 * changes arrive over server-sent events and are merged into the react-query cache in place — no
 * reload. The indicator says whether the stream is live; when it drops, EventSource retries by
 * itself and "Refresh" re-reads the feed (and does so automatically once the stream is back, to
 * pick up anything missed while offline).
 */
export function JobFeed({ initial, zones, categories }: { initial: FeedPageView; zones: Array<{ id: string; name: string }>; categories: Array<{ id: string; name: string }> }) {
  const [filters, setFilters] = useState<Filters>({ zoneId: '', categoryId: '', scope: '' });
  const [live, setLive] = useState<Live>('connecting');
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const client = useQueryClient();
  const isDefault = !filters.zoneId && !filters.categoryId && !filters.scope;

  const query = useInfiniteQuery({
    queryKey: feedKey(filters),
    queryFn: async ({ pageParam }) => {
      const res = await fetch(feedUrl(filters, pageParam));
      if (!res.ok) throw new Error(`feed ${res.status}`);
      return (await res.json()) as FeedPageView;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: isDefault ? { pages: [initial], pageParams: [null] } : undefined,
    staleTime: isDefault ? 60_000 : 0,
  });

  useEffect(() => {
    let wasOffline = false;
    const source = new EventSource('/api/v1/jobs/feed/stream');
    source.addEventListener('ready', () => {
      setLive('live');
      // Back after a drop: anything that happened meanwhile was not streamed to us.
      if (wasOffline) void client.invalidateQueries({ queryKey: ['job-feed'] });
      wasOffline = false;
    });
    source.addEventListener('job', (e) => {
      const ev = JSON.parse((e as MessageEvent<string>).data) as StreamEvent;
      for (const [key] of client.getQueriesData<InfiniteData<FeedPageView>>({ queryKey: ['job-feed'] })) {
        const [, zoneId, categoryId, scope] = key as unknown as ReturnType<typeof feedKey>;
        client.setQueryData<InfiniteData<FeedPageView>>(key, (d) => applyEvent(d, { zoneId, categoryId, scope }, ev));
      }
      if (ev.kind === 'posted' && ev.item) setFresh((s) => new Set(s).add(ev.jobId));
    });
    source.onerror = () => {
      wasOffline = true;
      setLive(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    };
    return () => source.close();
  }, [client]);

  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm" role="status" aria-live="polite" data-testid="feed-live" data-state={live}>
          <span aria-hidden className={`inline-block size-2.5 rounded-full ${live === 'live' ? 'bg-success' : live === 'connecting' ? 'bg-warning' : 'bg-danger'}`} />
          {live === 'live' ? 'Live: new jobs appear here as they are posted' : live === 'connecting' ? 'Connecting to live updates…' : 'Live updates paused'}
        </p>
        <Button variant="secondary" size="sm" onClick={() => void query.refetch()} loading={query.isRefetching}>
          <RefreshCw aria-hidden className="size-4" /> Refresh
        </Button>
      </div>

      <form className="grid gap-3 sm:grid-cols-3" aria-label="Filter jobs" onSubmit={(e) => e.preventDefault()}>
        <label className="grid gap-1 text-sm font-medium">
          Zone
          <Select value={filters.zoneId} onChange={(e) => set({ zoneId: e.target.value, scope: e.target.value ? 'in' : filters.scope === 'in' ? '' : filters.scope })}>
            <option value="">All zones</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Category
          <Select value={filters.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Location
          <Select value={filters.scope} onChange={(e) => set({ scope: e.target.value as Filters['scope'], zoneId: e.target.value === 'out' ? '' : filters.zoneId })}>
            <option value="">In and out of zones</option>
            <option value="in">In a zone</option>
            <option value="out">Out of zone only</option>
          </Select>
        </label>
      </form>

      {query.isError && !items.length ? (
        <ErrorState title="The feed could not be loaded" message="Check your connection and try again." onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <p className="text-sm text-muted">Loading jobs…</p>
      ) : items.length === 0 ? (
        <EmptyState icon={<Briefcase />} title="No open jobs for you right now" description="Jobs in the zones and categories you cover appear here the moment they are posted." />
      ) : (
        <ul className="grid gap-3" aria-label="Open jobs" data-testid="job-feed-list">
          {items.map((j) => (
            <li key={j.id} className="grid gap-2 rounded-lg border bg-surface p-4 sm:grid-cols-[6rem_1fr] sm:gap-4" data-testid="feed-card">
              <div className="hidden sm:block">
                {j.coverPhotoUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element -- an authenticated API image
                  <img src={j.coverPhotoUrl} alt="" className="aspect-square w-24 rounded object-cover" loading="lazy" />
                ) : (
                  <div className="grid aspect-square w-24 place-items-center rounded bg-surface-muted text-muted">
                    <ImageIcon aria-hidden className="size-6" />
                  </div>
                )}
              </div>
              <div className="grid min-w-0 gap-1.5">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={`/provider/job-feed/${j.id}`} className="min-w-0 font-semibold break-words text-link underline-offset-4 hover:underline">
                    {j.title}
                  </Link>
                  <span className="flex flex-wrap gap-1">
                    {fresh.has(j.id) ? <Badge tone="info">New</Badge> : null}
                    {j.invited ? <Badge tone="info">Invited</Badge> : null}
                    {j.alreadyBid ? <Badge tone="success">You bid</Badge> : null}
                    {j.outOfZone ? <Badge tone="warning">Out of zone</Badge> : null}
                  </span>
                </div>
                <p className="text-sm text-muted">
                  {j.category.name} · {j.zone?.name ?? 'Outside our zones'} · {j.reference}
                </p>
                <p className="line-clamp-2 text-sm break-words">{j.excerpt}</p>
                <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
                  <div>
                    <dt className="text-muted">Budget</dt>
                    <dd className="font-medium tabular-nums">
                      {formatMinor(j.budgetMinMinor, j.currency)}–{formatMinor(j.budgetMaxMinor, j.currency)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-muted">Distance</dt>
                    <dd className="flex items-center gap-1 tabular-nums">
                      <MapPin aria-hidden className="size-3.5" />
                      {j.distanceKm === null ? '—' : `${j.distanceKm} km`}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-muted">Bids close</dt>
                    <dd>{deadlineText(j.bidDeadline)}</dd>
                  </div>
                  <div>
                    <dt className="text-muted">Bids</dt>
                    <dd className="tabular-nums">{j.bidCount}</dd>
                  </div>
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <Button variant="secondary" className="justify-self-center" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          Show more jobs
        </Button>
      ) : null}
    </div>
  );
}
