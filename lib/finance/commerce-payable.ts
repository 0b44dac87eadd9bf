/**
 * Rentals and orders become payable like bookings (DOMAIN.md "Money": the provider's share waits in
 * `provider_pending` for the 7-day dispute window, then becomes payable and is paid out on the
 * schedule). The clock starts at settlement (rentals) or at handover (orders: fulfilled or
 * collected); a rental with a live dispute, or a resolved one still inside its appeal window, waits.
 * Each subject moves in its own transaction under an idempotent business key, so reruns are
 * harmless and one failure never blocks the rest.
 */
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { toMinor, toWire } from '@/lib/core/money';
import { DISPUTE_WINDOW_DAYS } from './booking-money';
import { findTransaction, postTransaction } from './ledger';

const DAY_MS = 86_400_000;

interface Due {
  kind: 'rental' | 'order';
  id: string;
  provider_org_id: string;
  currency: string;
}

/** Subjects whose window has closed and that are not payable yet. */
async function dueSubjects(tx: Tx, at: Date, limit: number): Promise<Due[]> {
  const cutoff = new Date(at.getTime() - DISPUTE_WINDOW_DAYS * DAY_MS).toISOString();
  return rowsOf<Due>(
    await tx.execute(sql`
      (select 'rental' as kind, r.id, r.provider_org_id, trim(r.currency) as currency from rentals r
        where r.status = 'settled' and r.settled_at <= ${cutoff}::timestamptz
          and not exists (select 1 from disputes d where d.subject_kind = 'rental' and d.subject_id = r.id
            and (d.status in ('awaiting_response', 'under_review', 'appealed') or (d.status = 'resolved' and d.appeal_count = 0 and d.resolved_at > ${cutoff}::timestamptz)))
          and not exists (select 1 from ledger_transactions p where p.business_key = 'rental:' || r.id || ':payable')
        order by r.settled_at limit ${limit})
      union all
      (select 'order' as kind, o.id, o.provider_org_id, trim(o.currency) as currency from orders o
        where o.status in ('fulfilled', 'collected') and coalesce(o.fulfilled_at, o.collected_at) <= ${cutoff}::timestamptz
          and not exists (select 1 from ledger_transactions p where p.business_key = 'order:' || o.id || ':payable')
        order by coalesce(o.fulfilled_at, o.collected_at) limit ${limit})`),
  );
}

/** Moves what one rental or order left in provider_pending to provider_payable. */
export async function makeCommercePayable(c: Ctx & { tx: Tx }, s: Due): Promise<{ amountMinor: bigint; created: boolean }> {
  const key = `${s.kind}:${s.id}:payable`;
  await c.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  if (await findTransaction(c.tx, key)) return { amountMinor: 0n, created: false };
  const [row] = rowsOf<{ total: string }>(
    await c.tx.execute(sql`
      select coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_entries e join ledger_transactions t on t.id = e.transaction_id join ledger_accounts a on a.id = e.account_id
      where t.business_key like ${`${s.kind}:${s.id}:%`} and a.kind = 'provider_pending'`),
  );
  const pending = -toMinor(row?.total ?? '0');
  const posted = await postTransaction(c.tx, {
    businessKey: key,
    kind: 'payable',
    memo: `Dispute window closed: ${s.kind} proceeds payable`,
    occurredAt: c.now,
    lines: [
      { account: { kind: 'provider_pending', ownerOrgId: s.provider_org_id, currency: s.currency }, amountMinor: pending },
      { account: { kind: 'provider_payable', ownerOrgId: s.provider_org_id, currency: s.currency }, amountMinor: -pending },
    ],
  });
  await recordAudit(c, { action: 'payments.payable', entityType: s.kind, entityId: s.id, tenantId: s.provider_org_id, data: { amountMinor: toWire(pending), transactionId: posted.transactionId } });
  return { amountMinor: pending, created: posted.created };
}

export async function runCommercePayableSweep(at: Date, limit = 200): Promise<{ made: number }> {
  const due = await db().transaction((tx) => dueSubjects(tx, at, limit));
  let made = 0;
  for (const s of due) {
    const ctx: Ctx = { actor: { kind: 'system', job: 'finance.payable_sweep', roles: [] }, requestId: newId(), now: at };
    const r = await db().transaction((tx) => makeCommercePayable({ ...ctx, tx }, s));
    if (r.created) made += 1;
  }
  return { made };
}
