import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { Package } from 'lucide-react';
import { VerifiedBadge } from '@/components/compliance/verified-badge';
import { formatMinor, formatRating, kindLabels, photoUrl } from '@/components/marketplace/format';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getPublicListing } from '@/lib/marketplace/queries';

async function load(listingId: string) {
  try {
    return await getPublicListing(await requestCtx(), listingId);
  } catch (err) {
    // Hidden (seller lapsed, not approved, withdrawn) or unknown: a plain 404 page.
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ listingId: string }> }): Promise<Metadata> {
  const { listingId } = await params;
  try {
    const l = await getPublicListing(await requestCtx(), listingId);
    return { title: `${l.title} · Marketplace` };
  } catch {
    return { title: 'Listing not found' };
  }
}

/** A listing: photos, price, stock, the seller's verified badge and areas, and what to do next. */
export default async function ListingPage({ params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const l = await load(listingId);
  const forSale = l.kind === 'tool_sale' || l.kind === 'material';
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader
        eyebrow={
          <BackLink href="/marketplace">Marketplace</BackLink>
        }
        title={l.title}
        description={l.categoryName ?? undefined}
      />
      <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label="Photos" className="grid gap-2">
          {l.photoIds.length ? (
            <ul className="grid grid-cols-2 gap-2">
              {l.photoIds.map((id, i) => (
                <li key={id} className={i === 0 ? 'col-span-2' : ''}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- served by the photo route with its own access check */}
                  <img src={photoUrl(id)} alt={`${l.title}, photo ${i + 1}`} className="aspect-[4/3] w-full rounded-lg border object-cover" />
                </li>
              ))}
            </ul>
          ) : (
            <div className="grid aspect-[4/3] w-full place-items-center rounded-lg border bg-surface-muted text-muted" aria-hidden="true">
              <Package className="size-16" />
            </div>
          )}
          {l.description ? <p className="whitespace-pre-line">{l.description}</p> : null}
        </section>
        <div className="grid content-start gap-4">
          <section aria-labelledby="price-h" className="grid gap-2 rounded-lg border bg-surface p-4">
            <h2 id="price-h" className="sr-only">
              Price and availability
            </h2>
            <Badge tone={l.kind === 'tool_rental' ? 'info' : 'neutral'} className="w-fit">
              {kindLabels[l.kind]}
            </Badge>
            {l.kind === 'tool_rental' ? (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-muted">Daily rate</dt>
                <dd className="text-lg font-semibold">{formatMinor(l.dailyRateMinor ?? l.priceMinor, l.currency)}</dd>
                <dt className="text-muted">Deposit</dt>
                <dd>{formatMinor(l.depositMinor ?? 0, l.currency)} per unit, refundable</dd>
              </dl>
            ) : (
              <p className="text-2xl font-semibold">{formatMinor(l.priceMinor, l.currency)}</p>
            )}
            {l.available != null ? (
              <p className="text-sm" data-testid="stock">
                {l.available > 0 ? `${l.available} available now` : 'None available right now'}
              </p>
            ) : null}
            {l.insuranceRequired ? <p className="text-sm text-muted">Renters need approved identity and insurance documents.</p> : null}
            <div className="flex flex-wrap gap-2 pt-1">
              {l.kind === 'tool_rental' ? (
                <Link href={`/marketplace/${l.id}/rent`} className={buttonClasses()}>
                  Rent this
                </Link>
              ) : null}
              {forSale ? (
                l.available && l.available > 0 ? (
                  <Link href={`/marketplace/${l.id}/buy`} className={buttonClasses()}>
                    Buy
                  </Link>
                ) : (
                  <span className="text-sm text-muted">Sold out for now.</span>
                )
              ) : null}
              {l.kind === 'service_package' && l.serviceId ? (
                <Link href={`/book/${l.serviceId}`} className={buttonClasses()}>
                  Book this service
                </Link>
              ) : null}
            </div>
          </section>
          <section aria-labelledby="seller-h" className="grid gap-2 rounded-lg border bg-surface p-4">
            <h2 id="seller-h" className="font-semibold">
              Seller
            </h2>
            <Link href={`/p/${l.sellerSlug}`} className="text-link underline underline-offset-4">
              {l.sellerName}
            </Link>
            <p className="text-sm text-muted">{formatRating(l.ratingX100, l.ratingCount)}</p>
            <VerifiedBadge status={l.seller} />
            <h3 className="pt-2 text-sm font-medium">Areas covered</h3>
            {l.zones.length ? (
              <ul className="flex flex-wrap gap-1.5 text-sm">
                {l.zones.map((z) => (
                  <li key={z.id} className="rounded-full border px-2 py-0.5">
                    {z.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">No service areas listed.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
