import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/ui/back-link';
import { notFound } from 'next/navigation';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatMinor, orderStatusLabels, orderTone } from '@/components/marketplace/format';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { can } from '@/lib/core/auth/permissions';
import { isAppError } from '@/lib/core/errors';
import { formatDateTime } from '@/lib/core/format-time';
import { getOrderForOperations } from '@/lib/marketplace/order-queries';
import { RefundForm } from './refund-form.client';

export const metadata: Metadata = { title: 'Order · operations' };

const DAY_MS = 86_400_000;
// The seller's share becomes payable this long after handover; the refund verb refuses after that.
const PAYABLE_AFTER_DAYS = 7;

const paymentLabels: Record<string, string> = {
  captured: 'Captured',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
  authorized: 'Authorised (not captured)',
  voided: 'Voided',
  failed: 'Failed',
  requires_action: 'Waiting for the customer',
};

async function OrderDetail({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let o;
  try {
    o = await getOrderForOperations(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  const money = (minor: number) => formatMinor(minor, o.currency);
  const handoverAt = o.fulfilledAt ?? o.collectedAt;
  const windowEnds = handoverAt ? new Date(new Date(handoverAt).getTime() + PAYABLE_AFTER_DAYS * DAY_MS).toISOString() : null;
  const timeline = [
    { label: 'Placed and paid', at: o.paidAt, note: null },
    o.fulfilledAt ? { label: 'Delivered', at: o.fulfilledAt, note: null } : null,
    o.collectedAt ? { label: 'Collected', at: o.collectedAt, note: null } : null,
    o.payableAt ? { label: 'Seller’s share payable', at: o.payableAt, note: null } : null,
    o.refundedAt ? { label: 'Refunded', at: o.refundedAt, note: o.refundReason } : null,
  ].filter((e): e is { label: string; at: string; note: string | null } => e !== null);

  return (
    <>
      <PageHeader
        eyebrow={
          <BackLink href="/admin/orders">Orders</BackLink>
        }
        title={`Order ${o.reference}`}
        description={`${o.quantity} × ${o.listingTitle} · sold by ${o.sellerName}`}
      />
      <div className="mb-6 flex flex-wrap items-center gap-2">
        <Badge tone={orderTone[o.status]} data-testid="order-status">
          {orderStatusLabels[o.status]}
        </Badge>
        <span className="text-sm text-muted">{o.fulfilment === 'delivery' ? 'Delivery' : 'Pickup'}</span>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Money</CardTitle>
              <CardDescription>The lines add up to the total exactly.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              <table className="w-full text-sm" data-testid="order-lines">
                <caption className="sr-only">Order lines</caption>
                <tbody>
                  <tr>
                    <th scope="row" className="py-1 pr-2 text-left font-normal break-words">
                      {o.listingTitle}: {money(o.unitPriceMinor)} × {o.quantity}
                    </th>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(o.lines[0]?.amountMinor ?? 0)}</td>
                  </tr>
                  <tr>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      Delivery fee{o.fulfilment === 'pickup' ? ' (pickup)' : ''}
                    </th>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(o.lines.find((l) => l.label === 'Delivery')?.amountMinor ?? 0)}</td>
                  </tr>
                  <tr>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      Service fee
                    </th>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(o.lines.find((l) => l.label === 'Service fee')?.amountMinor ?? 0)}</td>
                  </tr>
                  <tr>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      Tax
                    </th>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">{money(o.lines.find((l) => l.label === 'Tax')?.amountMinor ?? 0)}</td>
                  </tr>
                  <tr className="border-t font-semibold">
                    <th scope="row" className="py-1 pr-2 text-left">
                      Total{o.status === 'refunded' ? ' (refunded)' : ''}
                    </th>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums" data-testid="order-total">
                      {money(o.totalMinor)}
                    </td>
                  </tr>
                </tbody>
              </table>
              <p className="text-sm" data-testid="payment-status">
                <span className="text-muted">Payment: </span>
                {o.payment
                  ? `${paymentLabels[o.payment.status] ?? o.payment.status} · ${money(o.payment.capturedMinor)} captured${o.payment.refundedMinor ? ` · ${money(o.payment.refundedMinor)} refunded` : ''} (${o.payment.gateway} gateway)`
                  : 'No payment on record'}
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
              <CardDescription>UK time.</CardDescription>
            </CardHeader>
            <CardContent>
              <ol className="grid gap-2 text-sm" data-testid="order-timeline">
                {timeline.map((e) => (
                  <li key={e.label} className="grid gap-0.5 border-l-2 pl-3">
                    <span className="font-medium">{e.label}</span>
                    <time dateTime={e.at} className="text-muted">
                      {formatDateTime(e.at)}
                    </time>
                    {e.note ? <span className="break-words" data-testid="refund-reason">Reason: {e.note}</span> : null}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>People and listing</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted">Seller</dt>
                <dd>
                  <Link className="text-link underline underline-offset-4" href={`/p/${o.sellerSlug}`}>
                    {o.sellerName}
                  </Link>
                </dd>
                <dt className="text-muted">Customer</dt>
                <dd className="break-words">
                  {o.customerName}
                  {o.customerEmail ? <span className="block text-muted break-all">{o.customerEmail}</span> : null}
                </dd>
                <dt className="text-muted">{o.fulfilment === 'delivery' ? 'Delivery to' : 'Pickup'}</dt>
                <dd className="break-words">{o.fulfilment === 'delivery' ? o.deliveryAddress : 'Collected from the seller'}</dd>
                <dt className="text-muted">Listing</dt>
                <dd className="break-words">
                  <Link className="text-link underline underline-offset-4" href={`/marketplace/${o.listingId}`}>
                    {o.listingTitle}
                  </Link>
                  <span className="block text-xs text-muted">Opens only while the listing is live.</span>
                </dd>
              </dl>
            </CardContent>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>Refund</CardTitle>
            <CardDescription>
              {o.status === 'refunded'
                ? 'Refunded in full.'
                : o.payableAt
                  ? `The refund window closed on ${formatDateTime(o.payableAt)}: the seller’s share is payable. Open a dispute instead.`
                  : windowEnds
                    ? `A full refund through the card. Possible until the seller’s share becomes payable, ${PAYABLE_AFTER_DAYS} days after handover (around ${formatDateTime(windowEnds)}).`
                    : 'A full refund through the card. The goods have not left the seller yet.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {can(ctx.actor, 'orders.refund_any') ? (
              <RefundForm orderId={o.id} reference={o.reference} status={o.status} totalLabel={money(o.totalMinor)} customerName={o.customerName} />
            ) : (
              <p className="text-sm text-muted">Refunds need the orders.refund_any permission.</p>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

export default guardedPage('orders.read_all', OrderDetail, 'Loading the order…');
