/**
 * Reads for the platform finance view: account balances (derived from entries) and the
 * reconciliation report. Finance and admin only; amounts leave as safe integers with currency.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';
import { accountBalances, reconcile, reconcileCommerce, type BalanceFilter } from './ledger';

export interface WireAccountBalance {
  accountId: string;
  kind: string;
  ownerOrgId: string | null;
  ownerUserId: string | null;
  currency: string;
  balanceMinor: number;
}

export async function ledgerOverview(ctx: Ctx, filter: Omit<BalanceFilter, 'bookingId'> = {}): Promise<{ accounts: WireAccountBalance[] }> {
  authorize(ctx.actor, 'finance.read');
  const rows = await accountBalances(exec(ctx), filter);
  return { accounts: rows.map((r) => ({ ...r, balanceMinor: toWire(r.balanceMinor) })) };
}

export async function reconciliationReport(ctx: Ctx) {
  authorize(ctx.actor, 'finance.read');
  const r = await reconcile(exec(ctx));
  const commerce = await reconcileCommerce(exec(ctx));
  const payoutsDrift = await payoutDrift(exec(ctx));
  return {
    ok:
      r.transactionsUnbalanced === 0 &&
      r.accountsDrift.length === 0 &&
      r.paymentsDrift.length === 0 &&
      commerce.commerceDrift.length === 0 &&
      commerce.depositHoldsDrift.length === 0 &&
      payoutsDrift.length === 0,
    payoutsDrift,
    transactionsUnbalanced: r.transactionsUnbalanced,
    accountsDrift: r.accountsDrift,
    paymentsDrift: r.paymentsDrift.map((p) => ({ ...p, paymentsNetMinor: toWire(p.paymentsNetMinor), ledgerNetMinor: toWire(p.ledgerNetMinor) })),
    commerceDrift: commerce.commerceDrift.map((c) => ({ ...c, paymentsNetMinor: toWire(c.paymentsNetMinor), ledgerNetMinor: toWire(c.ledgerNetMinor) })),
    depositHoldsDrift: commerce.depositHoldsDrift.map((d) => ({ ...d, gatewayHeldMinor: toWire(d.gatewayHeldMinor), ledgerHeldMinor: toWire(d.ledgerHeldMinor) })),
  };
}

/**
 * Payouts the ledger does not account for: every payout must have moved exactly its amount into
 * provider_paid (`payout:<id>`), and a failed one — and only a failed one — must have moved it back
 * (`payout:<id>:failed`). Must be empty.
 */
async function payoutDrift(ex: Executor): Promise<Array<{ payoutId: string; status: string; amountMinor: number; ledgerPaidMinor: number }>> {
  const rows = rowsOf<{ id: string; status: string; amount: string; paid: string }>(
    await ex.execute(sql`
      with moved as (
        select t.business_key, sum(e.amount_minor) as paid
        from ledger_transactions t
        join ledger_entries e on e.transaction_id = t.id
        join ledger_accounts a on a.id = e.account_id and a.kind = 'provider_paid'
        where t.business_key like 'payout:%'
        group by t.business_key
      )
      select p.id, p.status::text as status, p.amount_minor::text as amount,
             (coalesce(-c.paid, 0) - coalesce(f.paid, 0))::text as paid
      from payouts p
      left join moved c on c.business_key = 'payout:' || p.id
      left join moved f on f.business_key = 'payout:' || p.id || ':failed'
      where c.paid is distinct from -p.amount_minor
         or (p.status = 'failed') <> (f.paid is not null)
         or (f.paid is not null and f.paid <> p.amount_minor)`),
  );
  return rows.map((r) => ({ payoutId: r.id, status: r.status, amountMinor: toWire(toMinor(r.amount)), ledgerPaidMinor: toWire(toMinor(r.paid)) }));
}
