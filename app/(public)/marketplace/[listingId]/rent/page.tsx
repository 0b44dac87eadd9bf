import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { RentForm } from '@/components/rentals/rent-form.client';
import { money } from '@/components/rentals/format';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { db } from '@/db/client';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { toWire } from '@/lib/core/money';
import { loadRentableListing } from '@/lib/rentals/pricing';

export const metadata: Metadata = { title: 'Rent · Marketplace' };

/** The rental request: window with an availability calendar, quantity, pickup or delivery, live price + deposit. */
export default async function RentPage({ params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const ctx = await requestCtx();
  let l;
  try {
    l = await loadRentableListing(db(), listingId, ctx.now);
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) notFound();
    throw err;
  }
  const back = (
    <BackLink href={`/marketplace/${l.listingId}`}>Back to the listing</BackLink>
  );
  return (
    <div className="mx-auto grid w-full max-w-5xl grid-cols-[minmax(0,1fr)] gap-4 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader eyebrow={back} title={`Rent ${l.title}`} description={`${money(toWire(l.dailyRateMinor), l.currency)} a day · from ${l.providerName}${l.insuranceRequired ? ' · renter ID and insurance required' : ''}`} />
      {ctx.actor.kind !== 'user' ? (
        <EmptyState
          title="Sign in to rent"
          description="You need a customer account to request a rental."
          action={
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/marketplace/${l.listingId}/rent`)}`} className={buttonClasses()}>
              Sign in
            </Link>
          }
        />
      ) : !can(ctx.actor, 'rentals.request') ? (
        <EmptyState title="Only customer accounts can rent" description="Sign in with a customer account to request a rental." />
      ) : (
        <RentForm listingId={l.listingId} currency={l.currency} dailyRateMinor={toWire(l.dailyRateMinor)} depositMinor={toWire(l.depositMinor)} tracking={l.tracking} nowMs={ctx.now.getTime()} />
      )}
    </div>
  );
}
