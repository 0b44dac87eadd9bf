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
  /** Booking payments whose captured − refunded differs from the ledger's gateway movements — must be empty. */
  paymentsDrift: Array<{ bookingId: string; currency: string; paymentsNetMinor: bigint; ledgerNetMinor: bigint }>;
}

/**
 * The reconciliation report: every check must come back zero/empty. Balances themselves are
 * derived from entries, so "drift" means an entry the invariants should have made impossible, or
 * a gateway payment the ledger does not account for (captured − refunded ≠ clearing + refunds).
 * This covers bookings (`payments`); rentals and orders are `reconcileCommerce()` below, kept
 * separate so this report keeps its shape for the many tests that compare it whole.
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

/** Rental/order whose gateway net (commerce_payments) differs from its ledger gateway movements. */
export interface CommerceDrift {
  kind: 'rental' | 'order';
  /** The rental or order id (as written in the ledger's business key when no such row exists). */
  id: string;
  /** The rental/order reference, or null when the ledger names an id that does not exist. */
  reference: string | null;
  currency: string;
  paymentsNetMinor: bigint;
  ledgerNetMinor: bigint;
  reason: string;
}

/** A rental deposit whose open hold in the ledger disagrees with the card, or outlives the rental. */
export interface DepositHoldDrift {
  rentalId: string;
  reference: string | null;
  /** The rental's status, or null when the ledger names a rental that does not exist. */
  status: string | null;
  currency: string;
  /** Deposit still authorised on the card (neither captured nor released). */
  gatewayHeldMinor: bigint;
  /** Balance of `deposit_holds` over the rental's transactions. */
  ledgerHeldMinor: bigint;
  reason: string;
}

export interface CommerceReconciliation {
  /** Rentals and orders whose captured − refunded differs from the ledger's gateway net — must be empty. */
  commerceDrift: CommerceDrift[];
  /** Deposit holds open in one book but not the other, or still open once the rental ended — must be empty. */
  depositHoldsDrift: DepositHoldDrift[];
}

/** Rentals in these states have given their deposit back or taken it: no hold may stay open. */
const RENTAL_DONE = ['settled', 'cancelled', 'rejected'] as const;

/**
 * The reconciliation of rentals and marketplace orders, the counterpart of the booking check in
 * `reconcile()`: their money goes through `commerce_payments`, not `payments`, and their ledger
 * transactions carry no `booking_id` (nor any rental/order column). The ONLY link from a ledger
 * transaction to its rental or order is the business key, `rental:<id>:<step>` /
 * `order:<id>:<step>` (lib/finance/rental-money.ts, order-money.ts), so the subject id is its second
 * `:`-separated part.
 *
 * On indexes: the unique btree on `business_key` cannot serve `like 'rental:%'` here (PostgreSQL
 * only uses a plain btree for LIKE under the C collation, and `C.UTF-8` on PostgreSQL 15 does not
 * count), so nothing relies on it. Each query enters through `ledger_accounts` by kind (a few rows:
 * one per currency, or per renter for deposit holds), reaches the entries through
 * `ledger_entries_account_idx` and the transactions by primary key; the prefix test then filters rows
 * already read. A report has to read every gateway movement anyway, as the booking check does. Only
 * the few drifting rows are joined back to `rentals`/`orders` (by id text, which is fine at that size).
 *
 * Deposit holds: the checkout memo (Dr deposit_holds / Cr customer) is reversed when the hold ends,
 * so the rental's `deposit_holds` balance is what the ledger believes is still held. It must equal
 * the deposit still `authorized` at the gateway, and both must be zero once the rental is settled,
 * cancelled or rejected (a hold neither captured nor released after the rental ended).
 */
export async function reconcileCommerce(ex: Executor): Promise<CommerceReconciliation> {
  const money = rowsOf<{
    kind: 'rental' | 'order';
    subject: string;
    currency: string;
    payments_net: string;
    ledger_net: string;
    has_payments: boolean;
    has_ledger: boolean;
    reference: string | null;
  }>(
    await ex.execute(sql`
      with l as (
        select split_part(t.business_key, ':', 1) as kind, split_part(t.business_key, ':', 2) as subject, e.currency, sum(e.amount_minor) as net
        from ledger_accounts a
        join ledger_entries e on e.account_id = a.id
        join ledger_transactions t on t.id = e.transaction_id
        where a.kind in ('gateway_clearing', 'refunds')
          and (t.business_key like 'rental:%' or t.business_key like 'order:%')
        group by 1, 2, 3
      ), p as (
        select case when rental_id is not null then 'rental' else 'order' end as kind, coalesce(rental_id, order_id)::text as subject, currency,
               sum(captured_minor - refunded_minor) as net
        from commerce_payments
        group by 1, 2, 3
      ), d as (
        select coalesce(p.kind, l.kind) as kind, coalesce(p.subject, l.subject) as subject, coalesce(p.currency, l.currency) as currency,
               coalesce(p.net, 0) as payments_net, coalesce(l.net, 0) as ledger_net, p.net is not null as has_payments, l.net is not null as has_ledger
        from p full join l on l.kind = p.kind and l.subject = p.subject and l.currency = p.currency
        where coalesce(p.net, 0) <> coalesce(l.net, 0)
      )
      select d.kind, d.subject, d.currency, d.payments_net::text as payments_net, d.ledger_net::text as ledger_net, d.has_payments, d.has_ledger,
             coalesce(r.reference, o.reference) as reference
      from d
      left join rentals r on d.kind = 'rental' and r.id::text = d.subject
      left join orders o on d.kind = 'order' and o.id::text = d.subject
      order by d.kind, d.subject, d.currency`),
  );
  const holds = rowsOf<{ subject: string; currency: string; gateway_held: string; ledger_held: string; reference: string | null; status: string | null }>(
    await ex.execute(sql`
      with l as (
        select split_part(t.business_key, ':', 2) as subject, e.currency, sum(e.amount_minor) as held
        from ledger_accounts a
        join ledger_entries e on e.account_id = a.id
        join ledger_transactions t on t.id = e.transaction_id
        where a.kind = 'deposit_holds' and t.business_key like 'rental:%'
        group by 1, 2
      ), g as (
        select rental_id::text as subject, currency, sum(case when status = 'authorized' then amount_minor else 0 end) as held
        from commerce_payments
        where purpose = 'deposit' and rental_id is not null
        group by 1, 2
      ), d as (
        select coalesce(g.subject, l.subject) as subject, coalesce(g.currency, l.currency) as currency,
               coalesce(g.held, 0) as gateway_held, coalesce(l.held, 0) as ledger_held
        from g full join l on l.subject = g.subject and l.currency = g.currency
        where coalesce(g.held, 0) <> 0 or coalesce(l.held, 0) <> 0
      )
      select d.subject, d.currency, d.gateway_held::text as gateway_held, d.ledger_held::text as ledger_held, r.reference, r.status::text as status
      from d left join rentals r on r.id::text = d.subject
      where d.gateway_held <> d.ledger_held or r.id is null or r.status::text in (${sql.join(
        RENTAL_DONE.map((s) => sql`${s}`),
        sql`, `,
      )})
      order by d.subject, d.currency`),
  );
  return {
    commerceDrift: money.map((m) => {
      const paymentsNet = toMinor(m.payments_net);
      const ledgerNet = toMinor(m.ledger_net);
      const reason =
        m.reference === null
          ? `The ledger posted gateway money under a ${m.kind} that does not exist.`
          : !m.has_ledger
            ? 'Money taken at the gateway that the ledger never recorded.'
            : !m.has_payments
              ? 'Gateway movements in the ledger with no payment at the gateway.'
              : paymentsNet > ledgerNet
                ? 'The gateway net is higher than the ledger’s: a capture not posted, or a refund posted that the gateway did not make.'
                : 'The gateway net is lower than the ledger’s: a refund not posted, or a capture posted that the gateway did not make.';
      return { kind: m.kind, id: m.subject, reference: m.reference, currency: m.currency.trim(), paymentsNetMinor: paymentsNet, ledgerNetMinor: ledgerNet, reason };
    }),
    depositHoldsDrift: holds.map((h) => {
      const gatewayHeld = toMinor(h.gateway_held);
      const ledgerHeld = toMinor(h.ledger_held);
      const reason =
        h.status === null
          ? 'The ledger holds a deposit for a rental that does not exist.'
          : gatewayHeld !== ledgerHeld
            ? gatewayHeld > ledgerHeld
              ? 'The card holds more deposit than the ledger’s open deposit hold.'
              : 'The ledger still holds a deposit the gateway has already captured or released.'
            : `The rental is ${h.status} but its deposit is still held (neither captured nor released).`;
      return { rentalId: h.subject, reference: h.reference, status: h.status, currency: h.currency.trim(), gatewayHeldMinor: gatewayHeld, ledgerHeldMinor: ledgerHeld, reason };
    }),
  };
}
