import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatDate, listingTone, statusLabels } from '@/components/marketplace/format';
import { ListingActions } from '@/components/marketplace/listing-actions.client';
import { ListingForm } from '@/components/marketplace/listing-form.client';
import { ModerationTrail } from '@/components/marketplace/moderation-trail';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getProviderListing, listingFormOptions } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'Listing' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let l;
  try {
    l = await getProviderListing(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const options = await listingFormOptions(ctx);
  // Approved, but the seller's documents are not all valid now (or it is suspended): not shown.
  const hidden = l.status === 'approved' && l.sellerStatus !== 'approved';
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/provider/listings">Listings</BackLink>
        }
        title={l.title}
        description={`Version ${l.version} · updated ${formatDate(l.updatedAt)}`}
        actions={
          hidden ? (
            <Badge tone="warning" data-testid="listing-status">
              Approved · hidden
            </Badge>
          ) : (
            <Badge tone={listingTone[l.status]} data-testid="listing-status">
              {statusLabels[l.status]}
            </Badge>
          )
        }
      />
      <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid content-start gap-6">
          {l.statusReason ? <p className="rounded-md border p-3 text-sm">Reason given: {l.statusReason}</p> : null}
          <ListingActions listingId={l.id} status={l.status} />
          {hidden ? (
            <p role="status" className="rounded-md border border-warning/40 bg-warning-soft p-3 text-sm text-warning-soft-fg">
              Not shown in the marketplace: {l.sellerStatus === 'suspended' ? 'your business is suspended from selling' : 'your compliance documents are not all approved and in date'}.
              It comes back by itself once they are —{' '}
              <Link href="/provider/compliance" className="underline underline-offset-4">
                see compliance
              </Link>
              .
            </p>
          ) : l.status === 'approved' ? (
            <Link href={`/marketplace/${l.id}`} className="text-sm text-link underline underline-offset-4">
              View in the marketplace
            </Link>
          ) : null}
          {l.status === 'suspended' ? (
            <p className="text-sm text-muted">A suspended listing cannot be edited until operations reinstate it.</p>
          ) : (
            <section aria-labelledby="edit-h" className="grid gap-3">
              <h2 id="edit-h" className="text-lg font-semibold">
                Edit
              </h2>
              <ListingForm
                options={options}
                initial={{ id: l.id, version: l.version, status: l.status, kind: l.kind, title: l.title, description: l.description, categoryId: l.categoryId, itemId: l.itemId, serviceId: l.serviceId, priceMinor: l.priceMinor, photoIds: l.photoIds }}
              />
            </section>
          )}
        </div>
        <ModerationTrail events={l.events} />
      </div>
    </>
  );
}

export default guardedPage('listings.manage', Content, 'Loading the listing…');
