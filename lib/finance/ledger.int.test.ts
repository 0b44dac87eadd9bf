import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, pgErrorInfo } from '@/db/client';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { accountBalances, getOrCreateAccount, postTransaction, reconcile, type AccountRef } from './ledger';
import { ledgerOverview, reconciliationReport } from './queries';

const at = new Date('2026-03-01T12:00:00Z');
let provider: string;
let clearing: AccountRef;
let escrow: AccountRef;

beforeAll(async () => {
  provider = (await makeOrg('provider')).id;
  clearing = { kind: 'gateway_clearing', currency: 'GBP' };
  escrow = { kind: 'escrow', ownerOrgId: provider, currency: 'GBP' };
});

const rejectsWith = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('postTransaction', () => {
  it('posts a balanced transaction and derives balances from entries', async () => {
    const r = await db().transaction((tx) =>
      postTransaction(tx, {
        businessKey: `test:${newId()}`,
        kind: 'capture',
        occurredAt: at,
        lines: [
          { account: clearing, amountMinor: 12_300n },
          { account: escrow, amountMinor: -12_300n },
        ],
      }),
    );
    expect(r.created).toBe(true);
    const balances = await accountBalances(db(), { ownerOrgId: provider });
    expect(balances).toEqual([expect.objectContaining({ kind: 'escrow', currency: 'GBP', balanceMinor: -12_300n })]);
    const rec = await reconcile(db());
    expect(rec.transactionsUnbalanced).toBe(0);
    expect(rec.accountsDrift).toEqual([]);
  });

  it('is idempotent by business key: a repeat returns the first transaction and writes nothing', async () => {
    const key = `test:${newId()}`;
    const post = () =>
      db().transaction((tx) =>
        postTransaction(tx, { businessKey: key, kind: 'capture', occurredAt: at, lines: [{ account: clearing, amountMinor: 500n }, { account: escrow, amountMinor: -500n }] }),
      );
    const before = await accountBalances(db(), { kind: 'escrow', ownerOrgId: provider });
    const first = await post();
    const second = await post();
    expect(second).toEqual({ transactionId: first.transactionId, created: false });
    const after = await accountBalances(db(), { kind: 'escrow', ownerOrgId: provider });
    expect(after[0].balanceMinor - before[0].balanceMinor).toBe(-500n);
  });

  it('refuses an unbalanced posting before writing anything', async () => {
    const key = `test:${newId()}`;
    const err = (await rejectsWith(
      db().transaction((tx) =>
        postTransaction(tx, { businessKey: key, kind: 'capture', occurredAt: at, lines: [{ account: clearing, amountMinor: 100n }, { account: escrow, amountMinor: -99n }] }),
      ),
    )) as Error;
    expect(err?.message).toMatch(/does not balance: GBP off by 1/);
    const rows = await db().select().from(ledgerTransactions).where(sql`business_key = ${key}`);
    expect(rows).toHaveLength(0);
  });

  it('balances per currency: two currencies that each balance are fine, a cross-currency pair is not', async () => {
    const eurClearing: AccountRef = { kind: 'gateway_clearing', currency: 'EUR' };
    const eurEscrow: AccountRef = { kind: 'escrow', ownerOrgId: provider, currency: 'EUR' };
    await db().transaction((tx) =>
      postTransaction(tx, {
        businessKey: `test:${newId()}`,
        kind: 'capture',
        occurredAt: at,
        lines: [
          { account: clearing, amountMinor: 10n },
          { account: escrow, amountMinor: -10n },
          { account: eurClearing, amountMinor: 12n },
          { account: eurEscrow, amountMinor: -12n },
        ],
      }),
    );
    const err = (await rejectsWith(
      db().transaction((tx) =>
        postTransaction(tx, { businessKey: `test:${newId()}`, kind: 'x', occurredAt: at, lines: [{ account: clearing, amountMinor: 10n }, { account: eurEscrow, amountMinor: -10n }] }),
      ),
    )) as Error;
    expect(err?.message).toMatch(/GBP off by 10.*EUR off by -10/);
  });

  it('the database refuses an unbalanced transaction at commit (the safety net)', async () => {
    const accountId = await getOrCreateAccount(db(), clearing);
    const txId = newId();
    const err = await rejectsWith(
      db().transaction(async (tx) => {
        await tx.insert(ledgerTransactions).values({ id: txId, kind: 'raw', businessKey: `raw:${txId}`, occurredAt: at });
        await tx.insert(ledgerEntries).values({ transactionId: txId, accountId, amountMinor: 7n, currency: 'GBP' });
      }),
    );
    expect(pgErrorInfo(err).code).toBe('23514');
  });

  it('the database refuses an entry in another currency than its account', async () => {
    const gbp = await getOrCreateAccount(db(), clearing);
    const eur = await getOrCreateAccount(db(), { kind: 'escrow', ownerOrgId: provider, currency: 'EUR' });
    const txId = newId();
    const err = await rejectsWith(
      db().transaction(async (tx) => {
        await tx.insert(ledgerTransactions).values({ id: txId, kind: 'raw', businessKey: `raw:${txId}`, occurredAt: at });
        // Balanced in "GBP" by the entries' own currency, but the second account is EUR.
        await tx.insert(ledgerEntries).values([
          { transactionId: txId, accountId: gbp, amountMinor: 5n, currency: 'GBP' },
          { transactionId: txId, accountId: eur, amountMinor: -5n, currency: 'GBP' },
        ]);
      }),
    );
    expect(pgErrorInfo(err).code).toBe('23514');
    expect(String((err as Error).message) + String((err as { cause?: Error }).cause?.message)).toMatch(/currency/);
  });

  it('entries and transactions are append-only: UPDATE and DELETE are refused', async () => {
    const [entry] = await db().select().from(ledgerEntries).limit(1);
    expect(pgErrorInfo(await rejectsWith(db().execute(sql`update ledger_entries set amount_minor = amount_minor + 1 where seq = ${entry.seq}`))).code).toBe('55000');
    expect(pgErrorInfo(await rejectsWith(db().execute(sql`delete from ledger_entries where seq = ${entry.seq}`))).code).toBe('55000');
    expect(pgErrorInfo(await rejectsWith(db().execute(sql`update ledger_transactions set memo = 'x' where id = ${entry.transactionId}`))).code).toBe('55000');
    expect(pgErrorInfo(await rejectsWith(db().execute(sql`delete from ledger_transactions where id = ${entry.transactionId}`))).code).toBe('55000');
  });

  it('drops zero lines and still records an all-zero posting as done', async () => {
    const key = `test:${newId()}`;
    const r = await db().transaction((tx) =>
      postTransaction(tx, { businessKey: key, kind: 'release', occurredAt: at, lines: [{ account: clearing, amountMinor: 0n }, { account: escrow, amountMinor: 0n }] }),
    );
    expect(r.created).toBe(true);
    expect(await db().select().from(ledgerEntries).where(sql`transaction_id = ${r.transactionId}`)).toHaveLength(0);
  });

  it('creates each account once, also when first used concurrently', async () => {
    const ref: AccountRef = { kind: 'provider_pending', ownerOrgId: provider, currency: 'USD' };
    const ids = await Promise.all([getOrCreateAccount(db(), ref), getOrCreateAccount(db(), ref), getOrCreateAccount(db(), ref)]);
    expect(new Set(ids).size).toBe(1);
    const rows = await db().select().from(ledgerAccounts).where(sql`kind = 'provider_pending' and owner_org_id = ${provider} and currency = 'USD'`);
    expect(rows).toHaveLength(1);
  });

  it('reconciliation reports zero drift over everything posted here', async () => {
    const rec = await reconcile(db());
    expect(rec).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
  });
});

describe('finance view (finance.read)', () => {
  it('finance and admin see balances and the report; others are FORBIDDEN', async () => {
    const finance = await ctxFor((await makeUser(['finance'])).id);
    const overview = await ledgerOverview(finance, { ownerOrgId: provider, currency: 'GBP' });
    expect(overview.accounts.find((a) => a.kind === 'escrow')?.balanceMinor).toEqual(expect.any(Number));
    expect(await reconciliationReport(finance)).toMatchObject({ ok: true, transactionsUnbalanced: 0 });
    for (const role of ['customer', 'provider_admin', 'operations'] as const) {
      const ctx = await ctxFor((await makeUser([role])).id);
      await expectAppError(ledgerOverview(ctx), 'FORBIDDEN');
      await expectAppError(reconciliationReport(ctx), 'FORBIDDEN');
    }
  });
});
