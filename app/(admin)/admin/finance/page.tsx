import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { BalancesTable, type BalanceRowView } from '@/components/finance/balances-table.client';
import { Journal } from '@/components/finance/journal';
import { RunScheduledPayouts } from '@/components/finance/payouts-actions.client';
import { PayoutsTable, type PayoutRowView } from '@/components/finance/payouts-table.client';
import { Reconciliation } from '@/components/finance/reconciliation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { listRecentPayouts } from '@/lib/finance/payout-queries';
import { ledgerOverview, reconciliationReport } from '@/lib/finance/queries';
import { ledgerOwnerNames, recentLedgerTransactions } from '@/lib/finance/recent-transactions';

export const metadata: Metadata = { title: 'Finance' };

async function FinanceContent() {
  const ctx = await requestCtx();
  const [overview, report, journal, names, recentPayouts] = await Promise.all([
    ledgerOverview(ctx),
    reconciliationReport(ctx),
    recentLedgerTransactions(ctx, { limit: 25 }),
    ledgerOwnerNames(ctx),
    listRecentPayouts(ctx, { limit: 50 }),
  ]);
  const payoutRows: PayoutRowView[] = recentPayouts.map((p) => ({
    id: p.id,
    whenLabel: formatDateTime(p.createdAt),
    whenIso: p.createdAt,
    provider: p.providerName,
    currency: p.currency,
    amountMinor: p.amountMinor,
    status: p.status,
    period: p.periodKey,
    destinationLast4: p.destinationLast4,
    failureReason: p.failureReason,
  }));
  const rows: BalanceRowView[] = overview.accounts.map((a) => ({
    accountId: a.accountId,
    kind: a.kind,
    owner: a.ownerOrgId ? (names[a.ownerOrgId] ?? a.ownerOrgId) : a.ownerUserId ? 'Customer' : 'Platform',
    currency: a.currency,
    balanceMinor: a.balanceMinor,
  }));
  return (
    <>
      <PageHeader
        title="Finance"
        description="The double-entry ledger: balances per account (debit +, credit −), the latest postings and the reconciliation report. Amounts are exact minor units."
      />
      <div className="grid gap-6">
        <Reconciliation report={report} checkedAtLabel={formatDateTime(ctx.now)} links={{ rentals: can(ctx.actor, 'rentals.read_all'), orders: can(ctx.actor, 'orders.read_all') }} />
        <Card>
          <CardHeader>
            <CardTitle>Balances</CardTitle>
            <CardDescription>One account per kind, owner and currency; balances are the sum of their entries.</CardDescription>
          </CardHeader>
          <CardContent>
            <BalancesTable rows={rows} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Payouts</CardTitle>
            <CardDescription>
              The 50 newest payouts of provider payable balances. Scheduled payouts run hourly, on each provider’s payout day in its own time zone.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3">
            {can(ctx.actor, 'payouts.manage_any') ? (
              <div>
                <RunScheduledPayouts />
              </div>
            ) : null}
            <PayoutsTable rows={payoutRows} showProvider caption="Recent payouts" />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent transactions</CardTitle>
            <CardDescription>The 25 newest postings with their entries; each sums to zero per currency.</CardDescription>
          </CardHeader>
          <CardContent>
            <Journal transactions={journal} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}

export default guardedPage('finance.read', FinanceContent, 'Loading the ledger…');
