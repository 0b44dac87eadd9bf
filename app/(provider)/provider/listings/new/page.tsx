import type { Metadata } from 'next';
import { BackLink } from '@/components/ui/back-link';
import { guardedPage } from '@/components/layout/guarded-page';
import { ListingForm } from '@/components/marketplace/listing-form.client';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { listingFormOptions } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'New listing' };

async function Content() {
  const options = await listingFormOptions(await requestCtx());
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/provider/listings">Listings</BackLink>
        }
        title="New listing"
        description="Save a draft, then submit it for review. Publishing needs approved, in-date compliance documents."
      />
      <ListingForm options={options} />
    </>
  );
}

export default guardedPage('listings.manage', Content, 'Loading…');
