import { seriesTotalMinor } from '@/lib/bookings/series-preview';
import { formatInZone, formatMinor } from './format';

export interface BreakdownLine {
  key: string;
  label: string;
  amountMinor: number;
  /** A tax line already inside the price (tax-inclusive): shown for information. */
  included?: boolean;
}

/** The quote lines (price, service fee, tax, total) as a definition list; the total is emphasised. */
export function PriceBreakdown({ lines, currency, caption = 'Price breakdown' }: { lines: BreakdownLine[]; currency: string; caption?: string }) {
  return (
    <table className="w-full text-sm" data-testid="price-breakdown">
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {lines.map((l) => {
          const total = l.key === 'total';
          const included = l.included || /^includes/i.test(l.label);
          return (
            <tr key={l.key} className={total ? 'border-t border-border font-semibold' : undefined}>
              <th scope="row" className={`py-1.5 pe-4 text-start ${total ? '' : 'font-normal text-muted'}`}>
                {l.label}
                {included && !/^includes/i.test(l.label) ? ' (included)' : ''}
              </th>
              <td className="py-1.5 text-end tabular-nums">{formatMinor(l.amountMinor, currency)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The platform cancellation policy (DOMAIN.md), in words, with the 10 % worked out when known.
 * For a series (`visits` > 1) the terms are per visit: each visit's own start and total.
 */
export function CancellationTerms({ type, totalMinor, currency, visits = 1 }: { type: 'scheduled' | 'on_demand'; totalMinor?: number; currency?: string; visits?: number }) {
  const tenPercent = totalMinor !== undefined && currency ? ` (${formatMinor(Math.round(totalMinor / 10), currency)}${visits > 1 ? ' per visit' : ''})` : '';
  return (
    <ul className="grid list-disc gap-1 ps-5 text-sm text-muted" data-testid="cancellation-terms">
      {visits > 1 ? <li>These terms apply to each of the {visits} visits on its own: cancelling one visit leaves the others booked.</li> : null}
      <li>Free to cancel within 15 minutes of booking.</li>
      {type === 'scheduled' ? (
        <>
          <li>Free to cancel or reschedule until 6 hours before the {visits > 1 ? "visit's " : ''}start.</li>
          <li>Later than that, cancelling costs 10 % of the {visits > 1 ? "visit's " : ''}total{tenPercent}.</li>
        </>
      ) : (
        <li>Free until a crew is assigned; after that, cancelling costs 10 % of the total{tenPercent}.</li>
      )}
      <li>If the provider cancels, or the crew does not turn up, you pay nothing.</li>
    </ul>
  );
}

/**
 * A weekly / fortnightly series: "£X per visit × N visits = £Y" and each visit's local date. Each
 * visit is a booking of its own, so the cancellation terms above apply to each visit separately.
 */
export function SeriesSummary({ perVisitMinor, currency, every, visits, timeZone }: { perVisitMinor: number; currency: string; every: 'week' | 'fortnight'; visits: Array<{ index: number; startsAt: string }>; timeZone: string }) {
  const count = visits.length;
  const total = seriesTotalMinor(perVisitMinor, count);
  return (
    <div className="grid gap-2 rounded-md border p-3 text-sm" data-testid="series-summary">
      <p className="font-medium">
        {formatMinor(perVisitMinor, currency)} per visit × {count} visits = <span className="tabular-nums">{formatMinor(total, currency)}</span>
      </p>
      <p className="text-muted">
        Every {every === 'week' ? 'week' : 'fortnight'}, at the same local time ({timeZone}). Each visit is its own booking: its card hold is placed when it is booked and charged when the crew checks in.
      </p>
      <ol className="grid gap-0.5 ps-5 list-decimal" aria-label="Visits">
        {visits.map((v) => (
          <li key={v.startsAt} className="tabular-nums">
            {formatInZone(v.startsAt, timeZone)}
          </li>
        ))}
      </ol>
    </div>
  );
}
