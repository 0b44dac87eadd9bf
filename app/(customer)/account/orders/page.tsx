import type { Metadata } from 'next';
import Link from 'next/link';
import { ShoppingBag } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatDate, formatMinor, orderStatusLabels, orderTone } from '@/components/marketplace/format';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { listMyOrders } from '@/lib/marketplace/order-queries';

export const metadata: Metadata = { title: 'Orders' };

async function Content() {
  const rows = await listMyOrders(await requestCtx());
  return (
    <>
      <PageHeader title="Orders" description="Tools and materials you bought in the marketplace." />
      {rows.length === 0 ? (
        <EmptyState
          icon={<ShoppingBag />}
          title="No orders yet"
          action={
            <Link className="text-link underline underline-offset-4" href="/marketplace">
              Browse the marketplace
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-3" aria-label="Your orders">
          {rows.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border bg-surface p-4" data-testid="customer-order">
              <div className="grid min-w-0 gap-1">
                <Link href={`/account/orders/${o.id}`} className="font-semibold break-words text-link underline-offset-4 hover:underline">
                  {o.quantity} × {o.listingTitle}
                </Link>
                <p className="text-sm text-muted">
                  {o.reference} · {o.sellerName} · {formatDate(o.paidAt)} · {formatMinor(o.totalMinor, o.currency)}
                </p>
              </div>
              <Badge tone={orderTone[o.status]}>{orderStatusLabels[o.status]}</Badge>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('orders.create', Content, 'Loading your orders…');
