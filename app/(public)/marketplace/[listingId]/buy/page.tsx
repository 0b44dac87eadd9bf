import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { CheckoutForm } from '@/components/marketplace/checkout-form.client';
import { formatMinor } from '@/components/marketplace/format';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getPublicListing } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'Buy · Marketplace' };

/** Checkout for a tool for sale or a material; signed-in customers only. */
export default async function BuyPage({ params }: { params: Promise<{ listingId: string }> }) {
  const { listingId } = await params;
  const ctx = await requestCtx();
  let l;
  try {
    l = await getPublicListing(ctx, listingId);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  if (l.kind !== 'tool_sale' && l.kind !== 'material') notFound();
  const back = (
    <BackLink href={`/marketplace/${l.id}`}>Back to the listing</BackLink>
  );
  return (
    <div className="mx-auto grid w-full max-w-3xl grid-cols-[minmax(0,1fr)] gap-4 px-4 py-6 sm:px-6 sm:py-10">
      <PageHeader eyebrow={back} title={`Buy ${l.title}`} description={`${formatMinor(l.priceMinor, l.currency)} each · sold by ${l.sellerName}`} />
      {ctx.actor.kind !== 'user' ? (
        <EmptyState
          title="Sign in to buy"
          description="You need a customer account to place an order."
          action={
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/marketplace/${l.id}/buy`)}`} className={buttonClasses()}>
              Sign in
            </Link>
          }
        />
      ) : !can(ctx.actor, 'orders.create') ? (
        <EmptyState title="Only customer accounts can buy" description="Sign in with a customer account to place an order." />
      ) : !l.available || l.available < 1 ? (
        <EmptyState title="Sold out for now" description="None are available right now. Check back later." />
      ) : (
        <CheckoutForm listingId={l.id} title={l.title} available={l.available} />
      )}
    </div>
  );
}
