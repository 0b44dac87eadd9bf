import { formatMinor } from './format';

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

/** The platform cancellation policy (DOMAIN.md), in words, with the 10 % worked out when known. */
export function CancellationTerms({ type, totalMinor, currency }: { type: 'scheduled' | 'on_demand'; totalMinor?: number; currency?: string }) {
  const tenPercent = totalMinor !== undefined && currency ? ` (${formatMinor(Math.round(totalMinor / 10), currency)})` : '';
  return (
    <ul className="grid list-disc gap-1 ps-5 text-sm text-muted" data-testid="cancellation-terms">
      <li>Free to cancel within 15 minutes of booking.</li>
      {type === 'scheduled' ? (
        <>
          <li>Free to cancel or reschedule until 6 hours before the start.</li>
          <li>Later than that, cancelling costs 10 % of the total{tenPercent}.</li>
        </>
      ) : (
        <li>Free until a crew is assigned; after that, cancelling costs 10 % of the total{tenPercent}.</li>
      )}
      <li>If the provider cancels, or the crew does not turn up, you pay nothing.</li>
    </ul>
  );
}
