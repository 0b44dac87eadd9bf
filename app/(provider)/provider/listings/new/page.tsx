import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
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
          <Link href="/provider/listings" className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden="true" className="size-4" /> Listings
          </Link>
        }
        title="New listing"
        description="Save a draft, then submit it for review. Publishing needs approved, in-date compliance documents."
      />
      <ListingForm options={options} />
    </>
  );
}

export default guardedPage('listings.manage', Content, 'Loading…');
