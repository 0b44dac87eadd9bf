import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { BookingWizard } from '@/components/booking/booking-wizard.client';
import { LoadingState } from '@/components/ui/states';
import { PageHeader } from '@/components/ui/page-header';
import { listSavedAddresses } from '@/lib/bookings/saved-addresses';
import { bookableService } from '@/lib/bookings/quote-preview';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { mapClientConfig } from '@/lib/geo/map-config';

export const metadata: Metadata = { title: 'Book a service' };

/**
 * The booking wizard (public; signing in is asked for at the confirm step, with the wizard's
 * URL as the callback so nothing is lost). Domain checks all happen again in createBooking.
 */
export default async function BookPage({ params }: { params: Promise<{ serviceId: string }> }) {
  const { serviceId } = await params;
  const ctx = await requestCtx();
  let service;
  try {
    service = await bookableService(ctx, serviceId);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const isCustomer = ctx.actor.kind === 'user' && can(ctx.actor, 'bookings.create');
  const addresses = isCustomer ? await listSavedAddresses(ctx) : [];
  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-[minmax(0,1fr)] gap-2 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader title={`Book: ${service.title}`} description={`with ${service.providerName}`} />
      {/* useSearchParams needs a Suspense boundary. */}
      <Suspense fallback={<LoadingState label="Loading the booking form…" />}>
        <BookingWizard service={service} signedIn={ctx.actor.kind === 'user'} isCustomer={isCustomer} addresses={addresses} mapConfig={mapClientConfig()} />
      </Suspense>
    </div>
  );
}
