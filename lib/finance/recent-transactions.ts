/**
 * The platform finance view's journal: the newest ledger transactions with their entries, and the
 * names of the organisations that own accounts. Finance and admin only.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { toMinor, toWire } from '@/lib/core/money';

export interface JournalEntry {
  accountKind: string;
  ownerOrgId: string | null;
  ownerName: string | null;
  currency: string;
  amountMinor: number;
}

export interface JournalTransaction {
  id: string;
  kind: string;
  businessKey: string;
  bookingId: string | null;
  bookingReference: string | null;
  memo: string;
  occurredAt: string;
  entries: JournalEntry[];
}

/** recentLedgerTransactions(ctx, { limit ≤ 200 }) — newest first by posting instant. */
export async function recentLedgerTransactions(ctx: Ctx, opts: { limit?: number } = {}): Promise<JournalTransaction[]> {
  authorize(ctx.actor, 'finance.read');
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = rowsOf<{
    id: string; kind: string; business_key: string; booking_id: string | null; reference: string | null; memo: string; occurred_at: Date | string;
    account_kind: string; owner_org_id: string | null; owner_name: string | null; currency: string; amount: string; seq: number | string;
  }>(
    await exec(ctx).execute(sql`
      with t as (select * from ledger_transactions order by occurred_at desc, id desc limit ${limit})
      select t.id, t.kind, t.business_key, t.booking_id, b.reference, t.memo, t.occurred_at,
             a.kind::text as account_kind, a.owner_org_id, o.name as owner_name, e.currency, e.amount_minor::text as amount, e.seq
      from t
      join ledger_entries e on e.transaction_id = t.id
      join ledger_accounts a on a.id = e.account_id
      left join organisations o on o.id = a.owner_org_id
      left join bookings b on b.id = t.booking_id
      order by t.occurred_at desc, t.id desc, e.seq`),
  );
  const out = new Map<string, JournalTransaction>();
  for (const r of rows) {
    let tx = out.get(r.id);
    if (!tx) {
      tx = { id: r.id, kind: r.kind, businessKey: r.business_key, bookingId: r.booking_id, bookingReference: r.reference, memo: r.memo, occurredAt: new Date(r.occurred_at).toISOString(), entries: [] };
      out.set(r.id, tx);
    }
    tx.entries.push({ accountKind: r.account_kind, ownerOrgId: r.owner_org_id, ownerName: r.owner_name, currency: r.currency.trim(), amountMinor: toWire(toMinor(r.amount)) });
  }
  return [...out.values()];
}

/** Names of the organisations owning ledger accounts (for the balances table). */
export async function ledgerOwnerNames(ctx: Ctx): Promise<Record<string, string>> {
  authorize(ctx.actor, 'finance.read');
  const rows = rowsOf<{ id: string; name: string }>(
    await exec(ctx).execute(sql`select distinct o.id, o.name from ledger_accounts a join organisations o on o.id = a.owner_org_id`),
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
