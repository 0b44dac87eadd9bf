import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { FavouritesList, type FavouriteView } from '@/components/zones/favourites-list.client';
import { requestCtx } from '@/lib/core/auth/session';
import { listFavourites } from '@/lib/geo/favourites';

export const metadata: Metadata = { title: 'Saved providers' };

async function FavouritesContent() {
  const ctx = await requestCtx();
  const favourites = await listFavourites(ctx);
  const items: FavouriteView[] = favourites.map((f) => ({
    orgId: f.orgId,
    name: f.name,
    slug: f.slug,
    tagline: f.tagline,
    ratingLabel: f.rating ? `${f.rating.average.toFixed(1)} (${f.rating.count} ${f.rating.count === 1 ? 'review' : 'reviews'})` : null,
  }));
  return (
    <>
      <PageHeader title="Saved providers" description="Providers you saved from the explorer." />
      <FavouritesList items={items} />
    </>
  );
}

export default guardedPage('favourites.manage', FavouritesContent, 'Loading saved providers…');
