import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { Store } from 'lucide-react';
import { BrowseFilters, type BrowseParams } from '@/components/marketplace/browse-filters';
import { ListingCard } from '@/components/marketplace/listing-card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { browseListings } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'Marketplace' };

const keys = ['zone', 'near', 'mode', 'kind', 'category', 'min', 'max', 'q', 'page'] as const;

function pick(sp: Record<string, string | string[] | undefined>): BrowseParams & { page?: string } {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[k] = s;
  }
  return out;
}

function pageHref(params: BrowseParams, page: number): string {
  const q = new URLSearchParams(Object.entries(params).filter(([k, v]) => v && k !== 'page') as [string, string][]);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return `/marketplace${s ? `?${s}` : ''}`;
}

/**
 * The public marketplace: tools to rent, tools and materials to buy, service packages — from
 * insured, approved sellers only. The results stream inside their own Suspense boundary (no
 * segment loading.tsx), so a listing page below can still answer a real 404.
 */
export default async function MarketplacePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = pick(await searchParams);
  return (
    <div className="mx-auto grid w-full max-w-7xl grid-cols-[minmax(0,1fr)] gap-4 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader
        title="Marketplace"
        description="Rent tools, buy tools and materials, or book a service package — only from sellers whose insurance and identity Fixnado has verified."
      />
      <Suspense key={JSON.stringify(params)} fallback={<LoadingState label="Loading listings…" />}>
        <Results params={params} />
      </Suspense>
    </div>
  );
}

async function Results({ params }: { params: BrowseParams & { page?: string } }) {
  const ctx = await requestCtx();
  let result;
  try {
    result = await browseListings(ctx, params);
  } catch (err) {
    if (isAppError(err) && err.code === 'VALIDATION') {
      return <EmptyState title="Those filters are not valid" description={err.message} action={<Link className="text-link underline underline-offset-4" href="/marketplace">Clear the filters</Link>} />;
    }
    throw err;
  }
  const where = result.zone ? `Sellers covering ${result.zone.name}` : 'All areas';
  return (
    <>
      <BrowseFilters params={params} categories={result.categories} />
      <p className="text-sm text-muted" aria-live="polite">
        {where}
        {result.zone || params.near ? (
          <>
            {' · '}
            <Link className="text-link underline underline-offset-4" href={pageHref({ ...params, zone: undefined, near: undefined }, 1)}>
              Show all areas
            </Link>
          </>
        ) : null}
      </p>
      {result.zoneNotFound ? (
        <EmptyState icon={<Store />} title="Fixnado does not serve that location yet" description="No service area contains that place. Browse all areas instead." action={<Link className="text-link underline underline-offset-4" href="/marketplace">Browse all areas</Link>} />
      ) : result.items.length === 0 ? (
        <EmptyState icon={<Store />} title="No listings match" description="Try fewer filters, another search or all areas." action={<Link className="text-link underline underline-offset-4" href="/marketplace">Clear the filters</Link>} />
      ) : (
        <>
          <h2 className="sr-only">Listings</h2>
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
            {result.items.map((l) => (
              <ListingCard key={l.id} l={l} />
            ))}
          </ul>
          <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
            {result.page > 1 ? (
              <Link className="flex min-h-10 items-center text-link underline underline-offset-4" href={pageHref(params, result.page - 1)} rel="prev">
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-muted">Page {result.page}</span>
            {result.hasMore ? (
              <Link className="flex min-h-10 items-center text-link underline underline-offset-4" href={pageHref(params, result.page + 1)} rel="next">
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        </>
      )}
    </>
  );
}
