/**
 * The double-entry ledger (DOMAIN.md "Money", docs/finance.md). Entries are signed minor units:
 * debit positive, credit negative; every transaction sums to zero per currency. The database
 * refuses UPDATE/DELETE (append-only triggers) and checks the balance at COMMIT (deferred
 * constraint trigger); this module checks it first too, so a mistake fails with a clear message
 * before anything is written. Postings are idempotent by business key.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor, type Tx } from '@/db/client';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { assertCurrency, toMinor } from '@/lib/core/money';

export type LedgerAccountKind = (typeof ledgerAccounts.kind.enumValues)[number];

export type AccountRef = { kind: LedgerAccountKind; ownerOrgId?: string | null; ownerUserId?: string | null; currency: string };

export interface PostingLine {
  account: AccountRef;
  amountMinor: bigint;
}

export interface Posting {
  businessKey: string;
  kind: string;
  bookingId?: string | null;
  memo?: string;
  occurredAt: Date;
  lines: PostingLine[];
}

const NIL = '00000000-0000-0000-0000-000000000000';

function accountKey(a: AccountRef): string {
  return `${a.kind}|${a.ownerOrgId ?? ''}|${a.ownerUserId ?? ''}|${a.currency}`;
}

/**
 * The account for (kind, owner, currency), created on first use. Insert-or-nothing on the unique
 * key, then read: two concurrent first uses both end with the same row.
 */
export async function getOrCreateAccount(ex: Executor, ref: AccountRef): Promise<string> {
  const currency = assertCurrency(ref.currency);
  const org = ref.ownerOrgId ?? null;
  const user = ref.ownerUserId ?? null;
  const find = async () => {
    const rows = rowsOf<{ id: string }>(
      await ex.execute(sql`
        select id from ledger_accounts
        where kind = ${ref.kind} and coalesce(owner_org_id, ${NIL}::uuid) = coalesce(${org}::uuid, ${NIL}::uuid)
          and coalesce(owner_user_id, ${NIL}::uuid) = coalesce(${user}::uuid, ${NIL}::uuid) and currency = ${currency}`),
    );
    return rows[0]?.id ?? null;
  };
  const existing = await find();
  if (existing) return existing;
  const inserted = rowsOf<{ id: string }>(
    await ex.execute(sql`
      insert into ledger_accounts (id, kind, owner_org_id, owner_user_id, currency)
      values (${newId()}, ${ref.kind}, ${org}::uuid, ${user}::uuid, ${currency})
      on conflict (kind, coalesce(owner_org_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(owner_user_id, '00000000-0000-0000-0000-000000000000'::uuid), currency)
      do nothing returning id`),
  );
  if (inserted[0]) return inserted[0].id;
  const raced = await find();
  if (!raced) throw new Error(`ledger account ${accountKey(ref)} could not be created`);
  return raced;
}

/** Per-currency sums of a posting's lines; any non-zero sum means it does not balance. */
function imbalances(lines: PostingLine[]): Array<{ currency: string; offBy: bigint }> {
  const sums = new Map<string, bigint>();
  for (const l of lines) sums.set(l.account.currency, (sums.get(l.account.currency) ?? 0n) + l.amountMinor);
  return [...sums].filter(([, v]) => v !== 0n).map(([currency, offBy]) => ({ currency, offBy }));
}

/**
 * Posts one balanced transaction. A repeat with the same business key returns the first
 * transaction (created = false) and writes nothing, so every money step can be retried safely.
 * Zero lines are dropped (an entry is never zero); a posting whose lines are all zero still
 * records the transaction, so the step is marked done.
 */
export async function postTransaction(tx: Tx, t: Posting): Promise<{ transactionId: string; created: boolean }> {
  if (!t.businessKey || t.businessKey.length > 200) throw new Error('ledger posting needs a business key of at most 200 characters');
  for (const l of t.lines) {
    if (typeof l.amountMinor !== 'bigint') throw new Error(`ledger line amounts must be bigint minor units (${accountKey(l.account)})`);
    assertCurrency(l.account.currency);
  }
  const off = imbalances(t.lines);
  if (off.length) {
    throw new AppError('INTERNAL', `Ledger posting ${t.businessKey} does not balance: ${off.map((o) => `${o.currency} off by ${o.offBy}`).join(', ')}.`, {
      businessKey: t.businessKey,
    });
  }
  const lines = t.lines.filter((l) => l.amountMinor !== 0n);

  const id = newId();
  const inserted = await tx
    .insert(ledgerTransactions)
    .values({ id, kind: t.kind, businessKey: t.businessKey, bookingId: t.bookingId ?? null, memo: t.memo ?? '', occurredAt: t.occurredAt })
    .onConflictDoNothing({ target: ledgerTransactions.businessKey })
    .returning({ id: ledgerTransactions.id });
  if (!inserted.length) {
    const [first] = await tx.select({ id: ledgerTransactions.id }).from(ledgerTransactions).where(eq(ledgerTransactions.businessKey, t.businessKey));
    if (!first) throw new Error(`ledger transaction ${t.businessKey} conflicted but cannot be read`);
    return { transactionId: first.id, created: false };
  }

  const accountIds = new Map<string, string>();
  for (const l of lines) {
    const key = accountKey(l.account);
    if (!accountIds.has(key)) accountIds.set(key, await getOrCreateAccount(tx, l.account));
  }
  if (lines.length) {
    await tx.insert(ledgerEntries).values(
      lines.map((l) => ({ transactionId: id, accountId: accountIds.get(accountKey(l.account))!, amountMinor: l.amountMinor, currency: l.account.currency })),
    );
  }
  return { transactionId: id, created: true };
}

/** The transaction already posted under a business key, if any. */
export async function findTransaction(ex: Executor, businessKey: string) {
  const [row] = await ex.select().from(ledgerTransactions).where(eq(ledgerTransactions.businessKey, businessKey));
  return row ?? null;
}

export interface BalanceFilter {
  kind?: LedgerAccountKind | LedgerAccountKind[];
  ownerOrgId?: string | null;
  ownerUserId?: string | null;
  currency?: string;
  /** Only entries of transactions recorded against this booking. */
  bookingId?: string;
}

export interface AccountBalance {
  accountId: string;
  kind: LedgerAccountKind;
  ownerOrgId: string | null;
  ownerUserId: string | null;
  currency: string;
  /** Σ entries (debit positive): assets are positive, liabilities and revenue negative. */
  balanceMinor: bigint;
}

/** Balances are always derived: the sum of the account's entries (optionally of one booking). */
export async function accountBalances(ex: Executor, filter: BalanceFilter = {}): Promise<AccountBalance[]> {
  const a = ledgerAccounts;
  const conds: SQL[] = [];
  if (filter.kind) conds.push(Array.isArray(filter.kind) ? inArray(a.kind, filter.kind) : eq(a.kind, filter.kind));
  if (filter.ownerOrgId !== undefined) conds.push(filter.ownerOrgId === null ? sql`${a.ownerOrgId} is null` : eq(a.ownerOrgId, filter.ownerOrgId));
  if (filter.ownerUserId !== undefined) conds.push(filter.ownerUserId === null ? sql`${a.ownerUserId} is null` : eq(a.ownerUserId, filter.ownerUserId));
  if (filter.currency) conds.push(eq(a.currency, assertCurrency(filter.currency)));
  const joinOn = filter.bookingId
    ? sql`e.account_id = ${a.id} and e.transaction_id in (select t.id from ledger_transactions t where t.booking_id = ${filter.bookingId})`
    : sql`e.account_id = ${a.id}`;
  const rows = await ex
    .select({
      accountId: a.id,
      kind: a.kind,
      ownerOrgId: a.ownerOrgId,
      ownerUserId: a.ownerUserId,
      currency: a.currency,
      balance: sql<string>`coalesce((select sum(e.amount_minor) from ledger_entries e where ${joinOn}), 0)::text`,
    })
    .from(a)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(a.kind, a.currency, a.id);
  return rows.map((r) => ({ ...r, currency: r.currency.trim(), balanceMinor: toMinor(r.balance) }));
}

/** Σ of one account kind's entries for one booking (e.g. what escrow still holds for it). */
export async function bookingBalance(ex: Executor, bookingId: string, kind: LedgerAccountKind): Promise<bigint> {
  const rows = rowsOf<{ total: string }>(
    await ex.execute(sql`
      select coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_entries e
      join ledger_transactions t on t.id = e.transaction_id
      join ledger_accounts a on a.id = e.account_id
      where t.booking_id = ${bookingId} and a.kind = ${kind}`),
  );
  return toMinor(rows[0]?.total ?? '0');
}

export interface Reconciliation {
  /** Transactions whose entries do not sum to zero in some currency — must be 0. */
  transactionsUnbalanced: number;
  /** Accounts holding an entry in another currency than their own — must be empty. */
  accountsDrift: Array<{ accountId: string; kind: string; reason: string }>;
  /** Payments whose captured − refunded differs from the ledger's gateway movements — must be empty. */
  paymentsDrift: Array<{ bookingId: string; currency: string; paymentsNetMinor: bigint; ledgerNetMinor: bigint }>;
}

/**
 * The reconciliation report: every check must come back zero/empty. Balances themselves are
 * derived from entries, so "drift" means an entry the invariants should have made impossible, or
 * a gateway payment the ledger does not account for (captured − refunded ≠ clearing + refunds).
 */
export async function reconcile(ex: Executor): Promise<Reconciliation> {
  const unbalanced = rowsOf<{ n: string | number }>(
    await ex.execute(sql`
      select count(distinct transaction_id) as n from (
        select transaction_id, currency from ledger_entries group by transaction_id, currency having sum(amount_minor) <> 0
      ) u`),
  );
  const drift = rowsOf<{ account_id: string; kind: string }>(
    await ex.execute(sql`
      select distinct a.id as account_id, a.kind::text as kind
      from ledger_entries e join ledger_accounts a on a.id = e.account_id
      where e.currency <> a.currency`),
  );
  const payments = rowsOf<{ booking_id: string; currency: string; payments_net: string; ledger_net: string }>(
    await ex.execute(sql`
      with p as (
        select booking_id, currency, sum(captured_minor - refunded_minor) as net from payments group by booking_id, currency
      ), l as (
        select t.booking_id, e.currency, sum(e.amount_minor) as net
        from ledger_entries e
        join ledger_transactions t on t.id = e.transaction_id
        join ledger_accounts a on a.id = e.account_id
        where a.kind in ('gateway_clearing', 'refunds') and t.booking_id is not null
        group by t.booking_id, e.currency
      )
      select coalesce(p.booking_id, l.booking_id) as booking_id, coalesce(p.currency, l.currency) as currency,
             coalesce(p.net, 0)::text as payments_net, coalesce(l.net, 0)::text as ledger_net
      from p full join l on l.booking_id = p.booking_id and l.currency = p.currency
      where coalesce(p.net, 0) <> coalesce(l.net, 0)`),
  );
  return {
    transactionsUnbalanced: Number(unbalanced[0]?.n ?? 0),
    accountsDrift: drift.map((d) => ({ accountId: d.account_id, kind: d.kind, reason: 'entry currency differs from the account currency' })),
    paymentsDrift: payments.map((p) => ({
      bookingId: p.booking_id,
      currency: p.currency.trim(),
      paymentsNetMinor: toMinor(p.payments_net),
      ledgerNetMinor: toMinor(p.ledger_net),
    })),
  };
}
