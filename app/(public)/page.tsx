import Link from 'next/link';
import { CalendarClock, Hammer, MapPinned, ShieldCheck, Users, Wrench } from 'lucide-react';
import { Explorer } from '@/components/explorer/explorer.client';
import { bboxAround, DEFAULT_VIEWPORT, parseExplorerParams, searchApiParams } from '@/components/explorer/url-state';
import { buttonClasses } from '@/components/ui/button-classes';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { logger } from '@/lib/core/logger';
import { listCategories, type CategoryOption } from '@/lib/geo/catalog-queries';
import { favouriteIds } from '@/lib/geo/favourites';
import { searchExplorer } from '@/lib/geo/explorer-search';
import { mapClientConfig } from '@/lib/geo/map-config';
import type { ExplorerResult } from '@/lib/geo/types';

const features = [
  { icon: MapPinned, title: 'Zone-aware matching', text: 'Providers who actually serve your street, ranked by coverage, distance and demand.' },
  { icon: CalendarClock, title: 'On demand or by the slot', text: 'Book now or pick a time from real crew availability, with the price and terms up front.' },
  { icon: Users, title: 'Crews, not just people', text: 'Jobs that need several hands get a lead and support, all free for the whole window.' },
  { icon: Hammer, title: 'Custom jobs and bids', text: 'Describe the job, get bids from eligible local providers, award the one you like.' },
  { icon: Wrench, title: 'Tool rentals', text: 'Rent equipment from insured providers with deposits and condition checks.' },
  { icon: ShieldCheck, title: 'Protected payments', text: 'Money is held in escrow until the job is done, with disputes handled by our team.' },
];

/**
 * The home page is the explorer: the first search runs here so the list arrives with the HTML
 * (no spinner), for the view and filters in the URL. The server cannot know the browser's map
 * size, so it searches an assumed laptop pane; the map searches again for its real bounds.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const state = parseExplorerParams(await searchParams);
  const ctx = await requestCtx();
  const bbox = state.bbox ?? bboxAround(state.view, DEFAULT_VIEWPORT.width, DEFAULT_VIEWPORT.height);
  const actor = ctx.actor.kind === 'user' ? ctx.actor : null;
  const favouriteMode = !actor ? 'anonymous' : can(actor, 'favourites.manage') ? 'customer' : 'none';
  const [initialResult, categories, favourites] = await Promise.all([
    // A failed first search is not a failed page: the client shows its error state and retries.
    searchExplorer(ctx, Object.fromEntries(searchApiParams(bbox, state.view.zoom, state.filters))).catch((err: unknown): ExplorerResult | null => {
      logger.warn({ err, requestId: ctx.requestId }, 'explorer: first search failed');
      return null;
    }),
    listCategories(ctx).catch((err: unknown): CategoryOption[] => {
      logger.warn({ err, requestId: ctx.requestId }, 'explorer: categories failed');
      return [];
    }),
    // The hearts render in their saved state with the first HTML (same set as GET /api/v1/me/favourites).
    favouriteMode === 'customer'
      ? favouriteIds(ctx).catch((err: unknown): string[] => {
          logger.warn({ err, requestId: ctx.requestId }, 'explorer: favourites failed');
          return [];
        })
      : Promise.resolve([] as string[]),
  ]);

  return (
    <>
      <Explorer
        title="Trusted local services, matched to your zone."
        initial={state}
        initialBBox={bbox}
        initialResult={initialResult}
        categories={categories.map((c) => ({ slug: c.slug, name: c.name }))}
        mapConfig={mapClientConfig()}
        favouriteMode={favouriteMode}
        initialFavouriteIds={favourites}
      />
      <section aria-labelledby="how" className="border-t border-border bg-surface">
        <div className="mx-auto max-w-7xl px-4 py-10 sm:px-6">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <div>
              <h2 id="how" className="text-xl font-semibold">
                What you can do on Fixnado
              </h2>
              <p className="mt-1 max-w-2xl text-sm text-muted">
                Customers, service providers and their crews on one map — book on demand or for a slot, post custom jobs, rent tools and pay safely.
              </p>
            </div>
            <div className="flex flex-wrap gap-3">
              <Link href="/sign-up" className={buttonClasses()}>
                Create a free account
              </Link>
              <Link href="/sign-up/provider" className={buttonClasses({ variant: 'secondary' })}>
                List your business
              </Link>
            </div>
          </div>
          <ul className="mt-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {features.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-3 rounded-lg border border-border p-4">
                <Icon aria-hidden className="size-5 shrink-0 text-primary" />
                <div>
                  <h3 className="text-sm font-semibold">{title}</h3>
                  <p className="mt-0.5 text-sm text-muted">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  );
}
