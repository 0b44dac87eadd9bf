import { Stars } from './stars';
import { formatAverage } from './format';
import type { ReviewSummary } from '@/lib/reviews/queries';

/** Average, count and the 1–5 star distribution (bars are decoration; the numbers are the content). */
export function RatingSummary({ summary }: { summary: ReviewSummary }) {
  const max = Math.max(1, ...summary.distribution);
  return (
    <section aria-labelledby="rating-heading" className="grid gap-4 rounded-lg border bg-surface p-4 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-center sm:gap-8">
      <h2 id="rating-heading" className="sr-only">
        Rating summary
      </h2>
      <div className="grid gap-1" data-testid="rating-average">
        <p className="text-4xl font-semibold tabular-nums">{formatAverage(summary.averageX100)}</p>
        {summary.averageX100 !== null ? <Stars rating={Math.round(summary.averageX100 / 100)} /> : null}
        <p className="text-sm text-muted">
          {summary.count === 0 ? 'No reviews yet' : `Average of ${summary.count} ${summary.count === 1 ? 'review' : 'reviews'}`}
        </p>
      </div>
      <table className="w-full text-sm" data-testid="rating-distribution">
        <caption className="sr-only">Reviews per star rating</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Stars</th>
            <th scope="col">Share</th>
            <th scope="col">Reviews</th>
          </tr>
        </thead>
        <tbody>
          {[5, 4, 3, 2, 1].map((star) => {
            const n = summary.distribution[star - 1];
            return (
              <tr key={star}>
                <th scope="row" className="w-16 py-0.5 pr-2 text-left font-normal whitespace-nowrap">
                  {star} {star === 1 ? 'star' : 'stars'}
                </th>
                <td className="py-0.5" aria-hidden="true">
                  <div className="h-2 w-full rounded-full bg-surface-muted">
                    <div className="h-2 rounded-full bg-warning" style={{ width: `${Math.round((n / max) * 100)}%` }} />
                  </div>
                </td>
                <td className="w-10 py-0.5 pl-2 text-right tabular-nums">{n}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
