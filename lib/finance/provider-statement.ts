/**
 * The provider's payouts view (read-only): its pending (inside the dispute window), payable and
 * paid balances per currency, and a statement of its ledger lines per booking. Tenant scope is the
 * caller's own provider organisation (from its memberships, never from the client).
 * Balances are shown as positive amounts owed to the provider (the accounts carry credit balances).
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { validation } from '@/lib/core/errors';
import { toMinor, toWire } from '@/lib/core/money';

export type ProviderBucket = 'provider_pending' | 'provider_payable' | 'provider_paid';
const BUCKETS: ProviderBucket[] = ['provider_pending', 'provider_payable', 'provider_paid'];

export interface ProviderBalance {
  currency: string;
  pendingMinor: number;
  payableMinor: number;
  paidMinor: number;
}

export interface StatementLine {
  seq: number;
  occurredAt: string;
  transactionKind: string;
  memo: string;
  bookingId: string | null;
  bookingReference: string | null;
  account: ProviderBucket;
  currency: string;
  /** Positive = credited to the provider in that bucket; negative = moved out of it. */
  amountMinor: number;
}

export interface ProviderStatement {
  providerOrgId: string;
  balances: ProviderBalance[];
  lines: StatementLine[];
  /** True when more lines matched than were returned (the newest are shown). */
  truncated: boolean;
}

const LIMIT = 500;

/** providerStatement(ctx, { from?, to? }) — `from` inclusive, `to` exclusive, on the posting instant. */
export async function providerStatement(ctx: Ctx, range: { from?: Date; to?: Date } = {}): Promise<ProviderStatement> {
  authorize(ctx.actor, 'payouts.read');
  for (const [k, v] of Object.entries(range)) if (v !== undefined && (!(v instanceof Date) || Number.isNaN(v.getTime()))) throw validation({ [k]: ['must be a valid date'] });
  if (range.from && range.to && range.from.getTime() >= range.to.getTime()) throw validation({ to: ['must be after from'] });
  const orgId = managedProviderOrgId(ctx.actor);
  const ex = exec(ctx);
  const bal = rowsOf<{ kind: ProviderBucket; currency: string; total: string }>(
    await ex.execute(sql`
      select a.kind::text as kind, a.currency, coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_accounts a left join ledger_entries e on e.account_id = a.id
      where a.owner_org_id = ${orgId} and a.kind in ('provider_pending', 'provider_payable', 'provider_paid')
      group by a.kind, a.currency`),
  );
  const byCur = new Map<string, ProviderBalance>();
  for (const r of bal) {
    const cur = r.currency.trim();
    const b = byCur.get(cur) ?? { currency: cur, pendingMinor: 0, payableMinor: 0, paidMinor: 0 };
    const v = toWire(-toMinor(r.total));
    if (r.kind === 'provider_pending') b.pendingMinor = v;
    else if (r.kind === 'provider_payable') b.payableMinor = v;
    else b.paidMinor = v;
    byCur.set(cur, b);
  }
  const from = range.from ? range.from.toISOString() : null;
  const to = range.to ? range.to.toISOString() : null;
  const lines = rowsOf<{ seq: number | string; occurred_at: Date | string; tkind: string; memo: string; booking_id: string | null; reference: string | null; kind: ProviderBucket; currency: string; amount: string }>(
    await ex.execute(sql`
      select e.seq, t.occurred_at, t.kind as tkind, t.memo, t.booking_id, b.reference, a.kind::text as kind, e.currency, e.amount_minor::text as amount
      from ledger_entries e
      join ledger_accounts a on a.id = e.account_id
      join ledger_transactions t on t.id = e.transaction_id
      left join bookings b on b.id = t.booking_id
      where a.owner_org_id = ${orgId} and a.kind in ('provider_pending', 'provider_payable', 'provider_paid')
        and (${from}::timestamptz is null or t.occurred_at >= ${from}::timestamptz)
        and (${to}::timestamptz is null or t.occurred_at < ${to}::timestamptz)
      order by t.occurred_at desc, e.seq desc
      limit ${LIMIT + 1}`),
  );
  return {
    providerOrgId: orgId,
    balances: [...byCur.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    lines: lines.slice(0, LIMIT).map((l) => ({
      seq: Number(l.seq),
      occurredAt: new Date(l.occurred_at).toISOString(),
      transactionKind: l.tkind,
      memo: l.memo,
      bookingId: l.booking_id,
      bookingReference: l.reference,
      account: l.kind,
      currency: l.currency.trim(),
      amountMinor: toWire(-toMinor(l.amount)),
    })),
    truncated: lines.length > LIMIT,
  };
}

export { BUCKETS as PROVIDER_BUCKETS };
