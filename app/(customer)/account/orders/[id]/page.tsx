import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { InvoiceLinks } from '@/components/billing/invoice-documents-view';
import { customerDocumentHref } from '@/components/billing/invoice-rows';
import { guardedPage } from '@/components/layout/guarded-page';
import { OrderReceipt } from '@/components/marketplace/order-receipt';
import { PageHeader } from '@/components/ui/page-header';
import { getSubjectDocuments } from '@/lib/billing/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getMyOrder } from '@/lib/marketplace/order-queries';

export const metadata: Metadata = { title: 'Order' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let o;
  try {
    o = await getMyOrder(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const docs = await getSubjectDocuments(ctx, { kind: 'order', id: o.id });
  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/account/orders">Orders</BackLink>
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
      <div className="grid gap-4">
        <InvoiceLinks docs={docs} href={customerDocumentHref({ subjectKind: 'order', subjectId: o.id })} />
        <OrderReceipt o={o} viewer="customer" />
      </div>
    </>
  );
}

export default guardedPage('orders.create', Content, 'Loading the order…');
