import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CalendarPlus, Wrench } from 'lucide-react';
import { formatMinor } from '@/components/booking/format';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { providerBookableServices } from '@/lib/bookings/quote-preview';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { PublicReviews } from '@/components/reviews/public-reviews';
import { publicProviderReviews } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: 'Book a provider' };

/** A provider's active services, each with a "Book" link into the wizard, and its latest reviews. */
export default async function ProviderServicesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const ctx = await requestCtx();
  let data;
  let reviews;
  try {
    [data, reviews] = await Promise.all([providerBookableServices(ctx, slug), publicProviderReviews(ctx, slug, 5)]);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-[minmax(0,1fr)] gap-2 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader
        title={data.providerName}
        description={data.tagline || 'Choose a service to book.'}
        actions={
          <Link href={`/p/${slug}`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Business page
          </Link>
        }
      />
      {data.services.length === 0 ? (
        <EmptyState icon={<Wrench />} title="No services to book right now" description="This provider has no active services. Try another provider in the explorer." action={<Link href="/" className={buttonClasses()}>Explore providers</Link>} />
      ) : (
        <ul className="grid gap-3" aria-label={`Services of ${data.providerName}`}>
          {data.services.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-surface p-4" data-testid="bookable-service">
              <div className="grid min-w-0 gap-0.5">
                <h2 className="font-semibold">{s.title}</h2>
                <p className="text-sm text-muted">
                  {s.categoryName} · from {formatMinor(s.priceMinor, s.currency)} {s.taxInclusive ? 'incl. tax' : '+ tax'} · {s.durationMinutes} min
                </p>
              </div>
              <Link href={`/book/${s.id}`} className={buttonClasses()}>
                <CalendarPlus aria-hidden="true" />
                Book<span className="sr-only"> {s.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <PublicReviews providerName={data.providerName} summary={reviews.summary} reviews={reviews.reviews} />
    </div>
  );
}
