/**
 * Reads for payouts: the provider's own payout screen (details, balances, next scheduled date in
 * its home zone, history) and the platform list for finance. Tenant scope for providers comes from
 * the caller's memberships, never from the client.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { organisations, payoutAccounts, payouts } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { payoutAccountView, type PayoutAccountView } from './payout-account';
import { normalisePayout, payoutView, type PayoutView } from './payout-internal';
import { nextPayoutDate, periodKeyFor, localDate } from './payout-schedule';

export interface MyPayouts {
  providerOrgId: string;
  timeZone: string;
  account: PayoutAccountView | null;
  /** Per currency, positive amounts owed to the provider. */
  balances: Array<{ currency: string; pendingMinor: number; payableMinor: number }>;
  /** yyyy-mm-dd in `timeZone`, or null (manual schedule / no account). */
  nextPayoutDate: string | null;
  history: PayoutView[];
}

export async function myPayouts(ctx: Ctx): Promise<MyPayouts> {
  authorize(ctx.actor, 'payouts.read');
  const orgId = managedProviderOrgId(ctx.actor);
  const ex = exec(ctx);
  const [org] = await ex.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, orgId));
  const timeZone = org?.timeZone ?? 'Europe/London';
  const [acct] = await ex.select().from(payoutAccounts).where(eq(payoutAccounts.providerOrgId, orgId));
  const bal = rowsOf<{ kind: string; currency: string; total: string }>(
    await ex.execute(sql`
      select a.kind::text as kind, a.currency, coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_accounts a left join ledger_entries e on e.account_id = a.id
      where a.owner_org_id = ${orgId} and a.kind in ('provider_pending', 'provider_payable')
      group by a.kind, a.currency`),
  );
  const byCur = new Map<string, { currency: string; pendingMinor: number; payableMinor: number }>();
  for (const r of bal) {
    const cur = r.currency.trim();
    const b = byCur.get(cur) ?? { currency: cur, pendingMinor: 0, payableMinor: 0 };
    if (r.kind === 'provider_pending') b.pendingMinor = toWire(-toMinor(r.total));
    else b.payableMinor = toWire(-toMinor(r.total));
    byCur.set(cur, b);
  }
  const history = (await ex.select().from(payouts).where(eq(payouts.providerOrgId, orgId)).orderBy(desc(payouts.createdAt), desc(payouts.id)).limit(50)).map((p) => payoutView(normalisePayout(p)));
  let next: string | null = null;
  if (acct) {
    // Today is skipped when its period already has a payout (paid, failed or on its way).
    const todayKey = periodKeyFor(acct, localDate(ctx.now, timeZone));
    const done = new Set(history.filter((h) => h.currency === acct.currency.trim() && h.periodKey === todayKey).map((h) => h.periodKey));
    next = nextPayoutDate(acct, ctx.now, timeZone, done);
  }
  return {
    providerOrgId: orgId,
    timeZone,
    account: acct ? payoutAccountView(acct) : null,
    balances: [...byCur.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    nextPayoutDate: next,
    history,
  };
}

export interface PlatformPayoutRow extends PayoutView {
  providerName: string;
}

/** The newest payouts across providers (finance panel), optionally of one status. */
export async function listRecentPayouts(ctx: Ctx, opts: { limit?: number; status?: 'pending' | 'paid' | 'failed' } = {}): Promise<PlatformPayoutRow[]> {
  authorize(ctx.actor, 'finance.read');
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = await exec(ctx)
    .select({ p: payouts, providerName: organisations.name })
    .from(payouts)
    .innerJoin(organisations, eq(organisations.id, payouts.providerOrgId))
    .where(opts.status ? and(eq(payouts.status, opts.status)) : undefined)
    .orderBy(desc(payouts.createdAt), desc(payouts.id))
    .limit(limit);
  return rows.map((r) => ({ ...payoutView(normalisePayout(r.p)), providerName: r.providerName }));
}
