import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { BalancesTable, type BalanceRowView } from '@/components/finance/balances-table.client';
import { Journal } from '@/components/finance/journal';
import { Reconciliation } from '@/components/finance/reconciliation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { ledgerOverview, reconciliationReport } from '@/lib/finance/queries';
import { ledgerOwnerNames, recentLedgerTransactions } from '@/lib/finance/recent-transactions';

export const metadata: Metadata = { title: 'Finance' };

async function FinanceContent() {
  const ctx = await requestCtx();
  const [overview, report, journal, names] = await Promise.all([ledgerOverview(ctx), reconciliationReport(ctx), recentLedgerTransactions(ctx, { limit: 25 }), ledgerOwnerNames(ctx)]);
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
        <Reconciliation report={report} checkedAtLabel={formatDateTime(ctx.now)} />
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
