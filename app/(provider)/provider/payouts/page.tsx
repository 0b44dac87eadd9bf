import type { Metadata } from 'next';
import Link from 'next/link';
import { Search } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatMinor } from '@/components/finance/format';
import { PayoutAccountForm } from '@/components/finance/payouts-account-form.client';
import { PayOutNow } from '@/components/finance/payouts-actions.client';
import { PayoutsTable, type PayoutRowView } from '@/components/finance/payouts-table.client';
import { StatementTable, type StatementRowView } from '@/components/finance/statement-table.client';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { DISPUTE_WINDOW_DAYS } from '@/lib/finance/booking-money';
import { myPayouts } from '@/lib/finance/payout-queries';
import { describeSchedule } from '@/lib/finance/payout-schedule';
import { providerStatement } from '@/lib/finance/provider-statement';

export const metadata: Metadata = { title: 'Payouts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
/** yyyy-mm-dd → the start of that day in London (the statement's zone), or undefined. */
function londonDay(text: string, plusDays = 0): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const noonUtc = new Date(`${text}T12:00:00Z`);
  if (Number.isNaN(noonUtc.getTime())) return undefined;
  const offsetMin = new Date(noonUtc.toLocaleString('en-US', { timeZone: 'Europe/London' })).getTime() - new Date(noonUtc.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(Date.parse(`${text}T00:00:00Z`) - offsetMin * 60_000 + plusDays * 86_400_000);
}

async function PayoutsContent({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requestCtx();
  const sp = await searchParams;
  const fromText = one(sp.from);
  const toText = one(sp.to);
  const from = londonDay(fromText);
  const toRaw = londonDay(toText, 1);
  // An end before the start is ignored (and said so) rather than failing the page.
  const badRange = Boolean(from && toRaw && toRaw.getTime() <= from.getTime());
  const to = badRange ? undefined : toRaw;
  const [s, mine] = await Promise.all([providerStatement(ctx, { from, to }), myPayouts(ctx)]);
  const filtered = Boolean(from || to);
  const rows: StatementRowView[] = s.lines.map((l) => ({
    id: String(l.seq),
    whenLabel: formatDateTime(l.occurredAt),
    whenIso: l.occurredAt,
    booking: l.bookingReference ?? '—',
    kind: l.transactionKind,
    account: l.account,
    currency: l.currency,
    amountMinor: l.amountMinor,
  }));
  const account = mine.account;
  const payable = account ? (mine.balances.find((b) => b.currency === account.currency)?.payableMinor ?? 0) : 0;
  const inFlight = mine.history.find((h) => h.status === 'pending');
  const zoneDate = (isoDay: string) =>
    new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));
  const history: PayoutRowView[] = mine.history.map((h) => ({
    id: h.id,
    whenLabel: formatDateTime(h.createdAt),
    whenIso: h.createdAt,
    currency: h.currency,
    amountMinor: h.amountMinor,
    status: h.status,
    period: h.periodKey,
    destinationLast4: h.destinationLast4,
    failureReason: h.failureReason,
  }));
  return (
    <>
      <PageHeader
        title="Payouts"
        description={`Your share of each booking: pending for the ${DISPUTE_WINDOW_DAYS}-day dispute window after the job, then payable, then paid out.`}
      />
      <div className="grid gap-6">
        <section aria-labelledby="balances-heading" className="grid gap-3">
          <h2 id="balances-heading" className="text-lg font-semibold">
            Balances
          </h2>
          {s.balances.length === 0 ? (
            <EmptyState title="Nothing earned yet" description="Balances appear when your first booking is completed." headingLevel="h3" />
          ) : (
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {s.balances.flatMap((b) => [
                { key: `${b.currency}-pending`, label: 'Pending', hint: `Inside the ${DISPUTE_WINDOW_DAYS}-day dispute window`, v: b.pendingMinor, c: b.currency },
                { key: `${b.currency}-payable`, label: 'Payable', hint: 'Ready for your next payout', v: b.payableMinor, c: b.currency },
                { key: `${b.currency}-paid`, label: 'Paid', hint: 'Sent to your bank', v: b.paidMinor, c: b.currency },
              ]).map((x) => (
                <li key={x.key}>
                  <Card className="h-full">
                    <CardHeader>
                      <CardTitle as="h3" className="text-base">
                        {x.label} <span className="text-sm font-normal text-muted">({x.c})</span>
                      </CardTitle>
                      <CardDescription>{x.hint}</CardDescription>
                    </CardHeader>
                    <CardContent>
                      <p className="text-2xl font-semibold tabular-nums" data-testid={x.key}>
                        {formatMinor(x.v, x.c)}
                      </p>
                    </CardContent>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="next-payout-heading" className="grid gap-3">
          <h2 id="next-payout-heading" className="text-lg font-semibold">
            Next payout
          </h2>
          <Card>
            <CardContent className="grid gap-3 pt-6">
              {!account ? (
                <p className="text-sm">Add your payout details below to be paid out.</p>
              ) : (
                <>
                  <p className="text-sm" data-testid="next-payout">
                    {mine.nextPayoutDate ? (
                      <>
                        {describeSchedule(account)}: next scheduled payout on <strong>{zoneDate(mine.nextPayoutDate)}</strong> ({mine.timeZone}),{' '}
                        {payable >= account.minimumPayoutMinor && payable > 0
                          ? `${formatMinor(payable, account.currency)} if nothing changes`
                          : `when your payable balance reaches ${formatMinor(Math.max(account.minimumPayoutMinor, 1), account.currency)}`}
                        .
                      </>
                    ) : (
                      'Payouts are made only when you ask.'
                    )}
                  </p>
                  <div className="flex flex-wrap items-center gap-3">
                    {inFlight ? (
                      <p className="text-sm text-muted" role="status">
                        A payout of {formatMinor(inFlight.amountMinor, inFlight.currency)} is on its way.
                      </p>
                    ) : payable > 0 ? (
                      <PayOutNow amountMinor={payable} currency={account.currency} last4={account.accountLast4} />
                    ) : (
                      <p className="text-sm text-muted">Nothing is payable in {account.currency} right now.</p>
                    )}
                  </div>
                </>
              )}
            </CardContent>
          </Card>
        </section>
        <section aria-labelledby="history-heading" className="grid gap-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            Payout history
          </h2>
          <PayoutsTable rows={history} />
        </section>
        <section aria-labelledby="details-heading" className="grid gap-3">
          <h2 id="details-heading" className="text-lg font-semibold">
            Payout details
          </h2>
          <Card>
            <CardHeader>
              <CardDescription>
                Where and when we pay you. The full account number goes to our payment provider; we keep only its last four digits.
              </CardDescription>
            </CardHeader>
            <CardContent>
              {/* Keyed by version: after a save the form starts fresh, so bank numbers are not left on screen. */}
              <PayoutAccountForm
                key={account?.version ?? 0}
                initial={
                  account
                    ? { ...account, version: account.version }
                    : {
                        accountHolder: '',
                        country: 'GB',
                        currency: 'GBP',
                        bankIdentifier: '',
                        accountLast4: null,
                        schedule: 'weekly',
                        weeklyDay: 1,
                        monthlyDay: 1,
                        minimumPayoutMinor: 0,
                        version: null,
                      }
                }
              />
            </CardContent>
          </Card>
        </section>
        <section aria-labelledby="statement-heading" className="grid gap-3">
          <h2 id="statement-heading" className="text-lg font-semibold">
            Statement
          </h2>
          <form method="get" aria-label="Statement dates" className="flex flex-wrap items-end gap-2">
            <div className="grid gap-1.5">
              <Label htmlFor="statement-from">From (London date)</Label>
              <Input id="statement-from" type="date" name="from" defaultValue={from ? fromText : ''} />
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="statement-to">To (inclusive)</Label>
              <Input id="statement-to" type="date" name="to" defaultValue={toRaw ? toText : ''} />
            </div>
            <Button type="submit" variant="secondary">
              <Search aria-hidden="true" />
              Show
            </Button>
            {filtered ? (
              <Link href="/provider/payouts" className={buttonClasses({ variant: 'ghost' })}>
                All dates
              </Link>
            ) : null}
          </form>
          {badRange ? (
            <p className="text-sm text-danger" role="alert">
              The end date is before the start date, so it was ignored.
            </p>
          ) : null}
          <p className="text-sm text-muted" role="status">
            {rows.length} {rows.length === 1 ? 'line' : 'lines'}
            {s.truncated ? ' (the newest 500; narrow the dates to see older lines)' : ''}. Positive amounts are credited to you; negative ones moved on (pending → payable) or were refunded.
          </p>
          <StatementTable rows={rows} filtered={filtered} />
        </section>
      </div>
    </>
  );
}

export default guardedPage('payouts.read', PayoutsContent, 'Loading your payouts…');
