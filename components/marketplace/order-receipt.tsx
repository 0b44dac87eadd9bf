import { Badge } from '@/components/ui/badge';
import type { OrderView } from '@/lib/marketplace/order-queries';
import { formatDate, formatMinor, orderStatusLabels, orderTone } from './format';

/** An order's facts and receipt lines (they add up to the total). */
export function OrderReceipt({ o, viewer }: { o: OrderView; viewer: 'customer' | 'seller' }) {
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={orderTone[o.status]} data-testid="order-status">
          {orderStatusLabels[o.status]}
        </Badge>
        <span className="text-sm text-muted">
          {o.reference} · paid {formatDate(o.paidAt)}
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{viewer === 'customer' ? 'Seller' : 'Customer'}</dt>
        <dd>{viewer === 'customer' ? o.sellerName : o.customerName}</dd>
        <dt className="text-muted">{o.fulfilment === 'delivery' ? 'Delivery to' : 'Pickup'}</dt>
        <dd className="break-words">{o.fulfilment === 'delivery' ? o.deliveryAddress : 'Collect from the seller'}</dd>
        {o.fulfilledAt ? (
          <>
            <dt className="text-muted">Delivered</dt>
            <dd>{formatDate(o.fulfilledAt)}</dd>
          </>
        ) : null}
        {o.collectedAt ? (
          <>
            <dt className="text-muted">Collected</dt>
            <dd>{formatDate(o.collectedAt)}</dd>
          </>
        ) : null}
        {o.refundedAt ? (
          <>
            <dt className="text-muted">Refunded</dt>
            <dd>
              {formatDate(o.refundedAt)}
              {o.refundReason ? ` — ${o.refundReason}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <table className="w-full max-w-md text-sm">
        <caption className="sr-only">Receipt</caption>
        <tbody>
          {o.lines.map((l) => (
            <tr key={l.label}>
              <th scope="row" className="py-0.5 text-left font-normal">
                {l.label}
              </th>
              <td className="py-0.5 text-right tabular-nums">{formatMinor(l.amountMinor, o.currency)}</td>
            </tr>
          ))}
          <tr className="border-t font-semibold">
            <th scope="row" className="py-1 text-left">
              Total{o.status === 'refunded' ? ' (refunded)' : ''}
            </th>
            <td className="py-1 text-right tabular-nums">{formatMinor(o.totalMinor, o.currency)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
