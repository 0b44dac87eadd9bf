/**
 * The rental detail shared by the renter, the provider desk and operations: summary, price lines,
 * timeline, returns, charges and the settlement table — the SAME stored settlement lines for all.
 */
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { RentalDetail } from '@/lib/rentals/queries';
import type { Wire } from '@/lib/rentals/wire';
import { conditionLabels, money, rentalStatusLabel, rentalTone, when } from './format';

export type RentalDetailWire = Wire<Omit<RentalDetail, 'rental'> & { rental: Omit<RentalDetail['rental'], 'paymentMethod' | 'settlement'> & { settlement: unknown } }>;
type Settlement = { currency: string; lines: Array<{ key: string; label: string; amountMinor: number }> };

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-1 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );
}

export function SettlementTable({ settlement, title = 'Settlement' }: { settlement: Settlement; title?: string }) {
  return (
    <table className="w-full text-sm" data-testid="settlement-table">
      <caption className="pb-2 text-left font-semibold">{title}</caption>
      <tbody>
        {settlement.lines.map((l, i) => (
          <tr key={`${l.key}-${i}`} className={l.key === 'deposit_held' || l.key === 'balance_due' ? 'border-t border-border' : ''}>
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {l.label}
            </th>
            <td className="py-1 text-right tabular-nums">{money(l.amountMinor, settlement.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RentalView({ d, photoBase }: { d: RentalDetailWire; photoBase: string }) {
  const r = d.rental;
  const ccy = r.currency;
  const settlement = r.settlement as Settlement | null;
  const preview: Settlement = { currency: ccy, lines: d.preview.lines };
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle className="flex flex-wrap items-center gap-2">
            {d.itemName} × {r.quantity}
            <Badge tone={rentalTone(r.status)} data-testid="rental-status">
              {rentalStatusLabel(r.status)}
            </Badge>
            {d.overdue ? <Badge tone="danger">Overdue</Badge> : null}
          </CardTitle>
        </CardHeader>
        <CardContent>
          <dl>
            <Row label="Reference" value={r.reference} />
            <Row label="Provider" value={d.providerName} />
            <Row label="Renter" value={d.customerName} />
            <Row label="From" value={when(r.startsAt)} />
            <Row label="Due back" value={when(r.endsAt)} />
            {r.endsAt !== r.originalEndsAt ? <Row label="Originally due" value={when(r.originalEndsAt)} /> : null}
            <Row label="Fulfilment" value={r.fulfilment === 'delivery' ? `Delivery to ${r.deliveryAddress}` : 'Pickup'} />
            {r.pickupAt ? <Row label="Pickup" value={when(r.pickupAt)} /> : null}
            {r.checkoutCondition ? <Row label="Condition at checkout" value={conditionLabels[r.checkoutCondition as keyof typeof conditionLabels]} /> : null}
            <Row label="Returned" value={`${r.returnedQuantity} of ${r.quantity}`} />
            {r.inspectionOutcome ? <Row label="Inspection" value={`${r.inspectionOutcome}${r.inspectionNote ? ` — ${r.inspectionNote}` : ''}`} /> : null}
            {r.rejectionReason ? <Row label="Declined" value={r.rejectionReason} /> : null}
            {r.cancellationReason ? <Row label="Cancelled" value={r.cancellationReason} /> : null}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Price</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <table className="w-full text-sm">
            <tbody>
              <tr>
                <th scope="row" className="py-1 text-left font-normal">
                  Rental ({money(r.dailyRateMinor, ccy)} a day × {r.quantity})
                </th>
                <td className="text-right tabular-nums">{money(r.rentalMinor, ccy)}</td>
              </tr>
              {r.deliveryFeeMinor ? (
                <tr>
                  <th scope="row" className="py-1 text-left font-normal">
                    Delivery
                  </th>
                  <td className="text-right tabular-nums">{money(r.deliveryFeeMinor, ccy)}</td>
                </tr>
              ) : null}
              <tr>
                <th scope="row" className="py-1 text-left font-normal">
                  Service fee
                </th>
                <td className="text-right tabular-nums">{money(r.serviceFeeMinor, ccy)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-1 text-left font-normal">
                  Tax
                </th>
                <td className="text-right tabular-nums">{money(r.taxMinor, ccy)}</td>
              </tr>
              <tr className="border-t border-border font-semibold">
                <th scope="row" className="py-1 text-left">
                  Total
                </th>
                <td className="text-right tabular-nums">{money(r.totalMinor, ccy)}</td>
              </tr>
              <tr>
                <th scope="row" className="py-1 text-left font-normal text-muted">
                  Refundable deposit
                </th>
                <td className="text-right tabular-nums text-muted">{money(r.depositMinor, ccy)}</td>
              </tr>
            </tbody>
          </table>
          {settlement ? (
            <SettlementTable settlement={settlement} />
          ) : d.preview.lines.length > 5 || r.status === 'inspection_pending' ? (
            <SettlementTable settlement={preview} title="Settlement so far (not final)" />
          ) : null}
          {d.payments.length ? (
            <ul className="grid gap-1 text-xs text-muted">
              {d.payments.map((p) => (
                <li key={p.purpose}>
                  {p.purpose === 'rental' ? 'Rental payment' : p.purpose === 'deposit' ? 'Deposit hold' : 'Balance'}: {p.status.replace(/_/g, ' ')} · {money(p.amountMinor, ccy)}
                  {p.capturedMinor && p.capturedMinor !== p.amountMinor ? ` (captured ${money(p.capturedMinor, ccy)})` : ''}
                  {p.refundedMinor ? ` (refunded ${money(p.refundedMinor, ccy)})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
        </CardContent>
      </Card>
      {d.returns.length || d.charges.length ? (
        <Card>
          <CardHeader>
            <CardTitle>Returns and charges</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <ul className="grid gap-1">
              {d.returns.map((x) => (
                <li key={x.id}>
                  {when(x.returnedAt)}: {x.quantity} back in {x.condition} condition{x.lateDays ? `, ${x.lateDays} day(s) late` : ''}
                  {x.unitSerials.length ? ` (${x.unitSerials.join(', ')})` : ''}
                  {x.note ? ` — ${x.note}` : ''}
                </li>
              ))}
            </ul>
            {d.charges.length ? (
              <ul className="grid gap-1">
                {d.charges.map((c) => (
                  <li key={c.id} className="flex justify-between gap-2">
                    <span>{c.label}</span>
                    <span className="tabular-nums">{money(c.amountMinor, ccy)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Timeline</CardTitle>
        </CardHeader>
        <CardContent>
          <ol className="grid gap-2 text-sm" data-testid="rental-timeline">
            {d.timeline.map((t) => (
              <li key={t.id} className="grid gap-0.5">
                <span className="font-medium">{t.fromStatus === t.toStatus ? rentalStatusLabel(t.toStatus) : rentalStatusLabel(t.toStatus)}</span>
                <span className="text-xs text-muted">
                  {when(t.at)}
                  {t.note ? ` · ${t.note}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </CardContent>
      </Card>
      {d.photos.length ? (
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Photos</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-wrap gap-2">
              {d.photos.map((p) => (
                <li key={p.fileId}>
                  <Link href={`${photoBase}/${p.fileId}`} className="block text-xs underline" target="_blank" rel="noreferrer">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by our authenticated file route */}
                    <img src={`${photoBase}/${p.fileId}`} alt={`${p.stage} photo`} className="size-24 rounded object-cover" />
                    {p.stage}
                  </Link>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
