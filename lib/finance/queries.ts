/**
 * Reads for the platform finance view: account balances (derived from entries) and the
 * reconciliation report. Finance and admin only; amounts leave as safe integers with currency.
 */
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { toWire } from '@/lib/core/money';
import { accountBalances, reconcile, type BalanceFilter } from './ledger';

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
  return {
    ok: r.transactionsUnbalanced === 0 && r.accountsDrift.length === 0 && r.paymentsDrift.length === 0,
    transactionsUnbalanced: r.transactionsUnbalanced,
    accountsDrift: r.accountsDrift,
    paymentsDrift: r.paymentsDrift.map((p) => ({ ...p, paymentsNetMinor: toWire(p.paymentsNetMinor), ledgerNetMinor: toWire(p.ledgerNetMinor) })),
  };
}
