import { BookOpenText } from 'lucide-react';
import { EmptyState } from '@/components/ui/states';
import { formatDateTime } from '@/lib/core/format-time';
import type { JournalTransaction } from '@/lib/finance/recent-transactions';
import { accountKindLabel, formatMinor, transactionKindLabel } from './format';

/** Recent ledger transactions with their entries (debit +, credit −); each sums to zero. */
export function Journal({ transactions }: { transactions: JournalTransaction[] }) {
  if (!transactions.length) {
    return <EmptyState icon={<BookOpenText aria-hidden="true" />} title="No transactions yet" description="Postings appear when payments are captured, released or refunded." headingLevel="h3" />;
  }
  return (
    <ol className="grid gap-3" aria-label="Recent ledger transactions">
      {transactions.map((t) => (
        <li key={t.id} className="rounded-md border border-border p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <p className="font-medium">
              {transactionKindLabel(t.kind)}
              {t.bookingReference ? <span className="text-muted"> · booking {t.bookingReference}</span> : null}
            </p>
            <p className="text-sm text-muted">
              <time dateTime={t.occurredAt}>{formatDateTime(t.occurredAt)}</time>
            </p>
          </div>
          {t.memo ? <p className="text-sm text-muted">{t.memo}</p> : null}
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Entries of {t.businessKey}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {t.entries.map((e, i) => (
                  <tr key={i} className="border-t border-border first:border-t-0">
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      {accountKindLabel(e.accountKind)}
                      {e.ownerName ? <span className="text-muted"> · {e.ownerName}</span> : null}
                    </th>
                    <td className="py-1 text-right tabular-nums">{formatMinor(e.amountMinor, e.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </li>
      ))}
    </ol>
  );
}
