import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { OrderReceipt } from '@/components/marketplace/order-receipt';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getMyOrder } from '@/lib/marketplace/order-queries';

export const metadata: Metadata = { title: 'Order' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  let o;
  try {
    o = await getMyOrder(await requestCtx(), id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/account/orders" className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden="true" className="size-4" /> Orders
          </Link>
        }
        title={`${o.quantity} × ${o.listingTitle}`}
        description={
          <>
            Sold by{' '}
            <Link className="text-link underline underline-offset-4" href={`/p/${o.sellerSlug}`}>
              {o.sellerName}
            </Link>
          </>
        }
      />
      <OrderReceipt o={o} viewer="customer" />
    </>
  );
}

export default guardedPage('orders.create', Content, 'Loading the order…');
