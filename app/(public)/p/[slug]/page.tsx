import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CalendarPlus, MapPin } from 'lucide-react';
import { VerifiedBadge } from '@/components/compliance/verified-badge';
import { ListingCard } from '@/components/marketplace/listing-card';
import { formatMinor, formatRating } from '@/components/marketplace/format';
import { ZonesMap } from '@/components/marketplace/zones-map.client';
import { PublicReviews } from '@/components/reviews/public-reviews';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { mapClientConfig } from '@/lib/geo/map-config';
import { businessFront } from '@/lib/marketplace/queries';

async function load(slug: string) {
  try {
    return await businessFront(await requestCtx(), slug);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  try {
    const f = await businessFront(await requestCtx(), slug);
    return { title: f.name, description: f.tagline || undefined };
  } catch {
    return { title: 'Provider not found' };
  }
}

/** A provider's public page, built from live data: services to book, marketplace listings, areas, reviews. */
export default async function BusinessFrontPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const f = await load(slug);
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-[minmax(0,1fr)] gap-8 px-4 py-6 sm:px-6 sm:py-10">
      <div className="grid gap-3">
        <PageHeader title={f.name} description={f.tagline || undefined} className="pb-0" />
        <p className="text-sm text-muted">{formatRating(f.reviewSummary.averageX100, f.reviewSummary.count)}</p>
        <VerifiedBadge status={f.seller} className="w-fit" />
        {f.description ? <p className="max-w-prose whitespace-pre-line">{f.description}</p> : null}
      </div>

      <section aria-labelledby="services-h" className="grid gap-3">
        <h2 id="services-h" className="text-lg font-semibold">
          Services
        </h2>
        {f.services.length === 0 ? (
          <p className="text-sm text-muted">No services to book right now.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {f.services.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-surface p-4">
                <div className="grid min-w-0 gap-0.5">
                  <h3 className="font-semibold break-words">{s.title}</h3>
                  <p className="text-sm text-muted">
                    {s.categoryName} · from {formatMinor(s.priceMinor, s.currency)} · {s.durationMinutes} min
                  </p>
                </div>
                <Link href={`/book/${s.id}`} className={buttonClasses({ size: 'sm' })}>
                  <CalendarPlus aria-hidden="true" />
                  Book<span className="sr-only"> {s.title}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="listings-h" className="grid gap-3" data-testid="front-listings">
        <h2 id="listings-h" className="text-lg font-semibold">
          In the marketplace
        </h2>
        {f.listings.length === 0 ? (
          <p className="text-sm text-muted">No marketplace listings right now.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {f.listings.map((l) => (
              <ListingCard key={l.id} l={l} showSeller={false} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="zones-h" className="grid gap-3">
        <h2 id="zones-h" className="text-lg font-semibold">
          Areas served
        </h2>
        {f.zones.length === 0 ? (
          <EmptyState icon={<MapPin />} title="No service areas listed" headingLevel="h3" />
        ) : (
          <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            <ZonesMap config={mapClientConfig()} zones={f.zones} />
            <ul className="grid content-start gap-1" aria-label={`Areas served by ${f.name}`} data-testid="front-zones">
              {f.zones.map((z) => (
                <li key={z.id} className="flex items-center gap-2 rounded-md border px-3 py-2 text-sm">
                  <MapPin aria-hidden="true" className="size-4 text-muted" />
                  {z.name}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <PublicReviews providerName={f.name} summary={f.reviewSummary} reviews={f.reviews} />
    </div>
  );
}
