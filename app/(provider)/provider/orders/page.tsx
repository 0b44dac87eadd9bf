import type { Metadata } from 'next';
import Link from 'next/link';
import { ShoppingBag } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { orderStatusLabels } from '@/components/marketplace/format';
import { OrderActions } from '@/components/marketplace/order-actions.client';
import { OrderReceipt } from '@/components/marketplace/order-receipt';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { orderStatuses } from '@/lib/marketplace/policy';
import { listProviderOrders } from '@/lib/marketplace/order-queries';

export const metadata: Metadata = { title: 'Orders' };

async function Content({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  const current = status && (orderStatuses as readonly string[]).includes(status) ? status : undefined;
  const rows = await listProviderOrders(await requestCtx(), current);
  const tab = (s: string | undefined, label: string) => (
    <Link
      key={label}
      href={s ? `/provider/orders?status=${s}` : '/provider/orders'}
      aria-current={current === s ? 'page' : undefined}
      className={`flex min-h-10 items-center rounded-md px-3 text-sm ${current === s ? 'bg-surface-muted font-semibold' : 'text-muted hover:text-fg'}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title="Orders" description="Purchases from your marketplace listings. Mark them delivered or collected, or refund them." />
      <nav aria-label="Order status" className="mb-4 flex flex-wrap gap-1">
        {tab(undefined, 'All')}
        {orderStatuses.map((s) => tab(s, orderStatusLabels[s]))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState icon={<ShoppingBag />} title="No orders here" description="Orders appear when customers buy from your live listings." />
      ) : (
        <ul className="grid gap-3" aria-label="Orders">
          {rows.map((o) => (
            <li key={o.id} className="grid gap-3 rounded-lg border bg-surface p-4" data-testid="provider-order">
              <h2 className="font-semibold break-words">
                {o.quantity} × {o.listingTitle}
              </h2>
              <OrderReceipt o={o} viewer="seller" />
              <OrderActions orderId={o.id} reference={o.reference} status={o.status} fulfilment={o.fulfilment} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('orders.manage', Content, 'Loading orders…');
