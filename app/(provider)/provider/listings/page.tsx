import type { Metadata } from 'next';
import Link from 'next/link';
import { Store } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatDate, formatMinor, kindLabels, listingTone, statusLabels } from '@/components/marketplace/format';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { exec } from '@/lib/core/context';
import { sellerStatus } from '@/lib/compliance/status';
import { listProviderListings } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'Listings' };

async function Content() {
  const ctx = await requestCtx();
  const rows = await listProviderListings(ctx);
  // Approved listings are shown only while the business is an approved seller (derived now).
  const seller = ctx.actor.kind === 'user' && ctx.actor.providerId ? await sellerStatus(exec(ctx), ctx.actor.providerId, ctx.now) : null;
  const hidden = seller !== null && seller.status !== 'approved';
  return (
    <>
      <PageHeader
        title="Listings"
        description="What you offer in the marketplace. A listing goes live after operations approve it, and only while your compliance documents are approved and in date."
        actions={
          <Link className={buttonClasses()} href="/provider/listings/new">
            New listing
          </Link>
        }
      />
      {hidden ? (
        <p role="status" className="rounded-md border border-warning/40 bg-warning-soft p-3 text-sm text-warning-soft-fg">
          Your approved listings are hidden from the marketplace while {seller?.status === 'suspended' ? 'your business is suspended' : 'your compliance documents are not all approved and in date'} —{' '}
          <Link href="/provider/compliance" className="underline underline-offset-4">
            see compliance
          </Link>
          .
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState icon={<Store />} title="No listings yet" description="List a tool to rent, a tool or material to sell, or a service package." />
      ) : (
        <ul className="grid gap-3" aria-label="Your listings">
          {rows.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-surface p-4" data-testid="provider-listing">
              <div className="grid min-w-0 gap-1">
                <Link href={`/provider/listings/${l.id}`} className="font-semibold break-words text-link underline-offset-4 hover:underline">
                  {l.title}
                </Link>
                <p className="text-sm text-muted">
                  {kindLabels[l.kind]} · {l.itemName ?? l.serviceTitle ?? '—'} · {formatMinor(l.priceMinor, l.currency)}
                  {l.kind === 'tool_rental' ? ' / day' : ''} · updated {formatDate(l.updatedAt)}
                </p>
                {l.statusReason ? <p className="text-sm">Reason: {l.statusReason}</p> : null}
              </div>
              {hidden && l.status === 'approved' ? <Badge tone="warning">Approved · hidden</Badge> : <Badge tone={listingTone[l.status]}>{statusLabels[l.status]}</Badge>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('listings.manage', Content, 'Loading your listings…');
