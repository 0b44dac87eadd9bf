import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, domainEvents, mailMessages, notifications, organisations, payoutAccounts, payouts } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { toMinor } from '@/lib/core/money';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { accountBalances, postTransaction } from './ledger';
import { savePayoutAccount } from './payout-account';
import { myPayouts, listRecentPayouts } from './payout-queries';
import { requestPayout } from './payout-request';
import { runScheduledPayouts, runScheduledPayoutsNow } from './payout-run';
import { settlePayout } from './payout-settle';
import { reconciliationReport } from './queries';
import { GatewayError, setPaymentGatewayForTests } from '@/lib/payments/gateway';
import { testGateway } from '@/lib/payments/test-gateway';

const sys = (at = new Date()): Ctx => ({ actor: { kind: 'system', job: 'test', roles: [] }, requestId: `test-${newId()}`, now: at });

/** Money the provider may be paid: a balanced posting escrow → payable (no booking needed here). */
async function credit(orgId: string, amount: bigint, currency = 'GBP') {
  await withTx(sys(), (c) =>
    postTransaction(c.tx, {
      businessKey: `test:payable:${newId()}`,
      kind: 'payable',
      memo: 'test credit',
      occurredAt: c.now,
      lines: [
        { account: { kind: 'escrow', ownerOrgId: orgId, currency }, amountMinor: amount },
        { account: { kind: 'provider_payable', ownerOrgId: orgId, currency }, amountMinor: -amount },
      ],
    }),
  );
}

async function bucket(orgId: string, kind: 'provider_payable' | 'provider_paid', currency = 'GBP'): Promise<bigint> {
  const rows = await accountBalances(db(), { kind, ownerOrgId: orgId, currency });
  return -(rows[0]?.balanceMinor ?? 0n);
}

async function providerAdmin(timeZone?: string) {
  const u = await makeUser(['provider_admin']);
  const orgId = u.orgs.provider!;
  if (timeZone) await db().update(organisations).set({ timeZone }).where(eq(organisations.id, orgId));
  return { userId: u.id, orgId, ctx: await ctxFor(u.id) };
}

const gbDetails = (accountNumber = '31926819') => ({
  accountHolder: 'Sparkle Cleaning Ltd',
  country: 'GB',
  currency: 'GBP',
  sortCode: '60-16-13',
  accountNumber,
  schedule: 'weekly',
  weeklyDay: 1,
  monthlyDay: 1,
  minimumPayoutMinor: 0,
});

let finance: Ctx;
beforeAll(async () => {
  finance = await ctxFor((await makeUser(['finance'])).id);
});

async function expectReconciled() {
  const r = await reconciliationReport(finance);
  expect(r.ok).toBe(true);
  expect(r.transactionsUnbalanced).toBe(0);
}

describe('savePayoutAccount', () => {
  it('stores only the last four digits and a gateway reference, and audits without the number', async () => {
    const p = await providerAdmin();
    const saved = await savePayoutAccount(p.ctx, gbDetails());
    expect(saved).toMatchObject({ accountLast4: '6819', bankIdentifier: '60-16-13', gateway: 'test', schedule: 'weekly', version: 1 });
    const [row] = await db().select().from(payoutAccounts).where(eq(payoutAccounts.providerOrgId, p.orgId));
    expect(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('31926819');
    expect(row!.destinationRef).toMatch(/^test_ba_[0-9a-f]{20}_6819$/);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.tenantId, p.orgId), eq(auditLog.action, 'payouts.account_saved')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.data)).not.toContain('31926819');
    expect(audits[0]!.data).toMatchObject({ accountLast4: '6819', bankChanged: true });
  });

  it('names the wrong field: sort code, account number, IBAN check digits, country', async () => {
    const p = await providerAdmin();
    let e = await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '12-34' }), 'VALIDATION');
    expect(e.details.fieldErrors?.sortCode?.[0]).toMatch(/6 digits/);
    e = await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), accountNumber: '1234' }), 'VALIDATION');
    expect(e.details.fieldErrors?.accountNumber).toBeTruthy();
    e = await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '', accountNumber: '', country: 'DE', currency: 'EUR', iban: 'DE89 3704 0044 0532 0130 01' }), 'VALIDATION');
    expect(e.details.fieldErrors?.iban?.[0]).toMatch(/IBAN/);
    e = await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '', accountNumber: '', iban: 'DE89370400440532013000' }), 'VALIDATION');
    expect(e.details.fieldErrors?.country).toBeTruthy();
    // A valid IBAN (mod-97) is accepted.
    const ok = await savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '', accountNumber: '', country: 'DE', currency: 'EUR', iban: 'DE89 3704 0044 0532 0130 00' });
    expect(ok).toMatchObject({ accountLast4: '3000', country: 'DE', currency: 'EUR' });
  });

  it('keeps the bank account on schedule-only edits and refuses a stale version', async () => {
    const p = await providerAdmin();
    const first = await savePayoutAccount(p.ctx, gbDetails());
    const second = await savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '', accountNumber: '', schedule: 'monthly', monthlyDay: 15, expectedVersion: first.version });
    expect(second).toMatchObject({ accountLast4: '6819', schedule: 'monthly', monthlyDay: 15, version: 2 });
    await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), expectedVersion: first.version }), 'CONFLICT');
    const e = await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), sortCode: '', accountNumber: '', monthlyDay: 31 }), 'VALIDATION');
    expect(e.details.fieldErrors?.monthlyDay).toBeTruthy();
  });

  it('is refused to other roles and for another provider', async () => {
    const p = await providerAdmin();
    const other = await makeOrg('provider');
    await expectAppError(savePayoutAccount(p.ctx, { ...gbDetails(), providerOrgId: other.id }), 'FORBIDDEN');
    await expectAppError(savePayoutAccount(finance, gbDetails()), 'FORBIDDEN');
    const customer = await ctxFor((await makeUser(['customer'])).id);
    await expectAppError(savePayoutAccount(customer, gbDetails()), 'FORBIDDEN');
    const serviceman = await ctxFor((await makeUser(['serviceman'])).id);
    await expectAppError(savePayoutAccount(serviceman, gbDetails()), 'FORBIDDEN');
  });
});

describe('requestPayout', () => {
  it('pays out exactly the payable balance; the ledger moves it to paid and reconciles', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails());
    await credit(p.orgId, 12_345n);
    await credit(p.orgId, 5_000n, 'EUR'); // another currency stays payable
    const out = await requestPayout(p.ctx, {});
    expect(out).toMatchObject({ status: 'paid', amountMinor: 12_345, currency: 'GBP', destinationLast4: '6819' });
    expect(await bucket(p.orgId, 'provider_payable')).toBe(0n);
    expect(await bucket(p.orgId, 'provider_paid')).toBe(12_345n);
    expect(await bucket(p.orgId, 'provider_payable', 'EUR')).toBe(5_000n);
    await expectReconciled();
    const [row] = await db().select().from(payouts).where(eq(payouts.id, out.id));
    expect(row!.gatewayRef).toMatch(/^test_tr_/);
    expect(row!.requestedBy).toBe(p.userId);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, out.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['payouts.create', 'payouts.paid']);
    const events = (await db().select().from(domainEvents).where(eq(domainEvents.tenantId, p.orgId))).map((e) => e.name).sort();
    expect(events).toEqual(expect.arrayContaining(['payout.created', 'payout.paid']));
    const notes = await db().select().from(notifications).where(eq(notifications.userId, p.userId));
    expect(notes.map((n) => n.kind)).toContain('payout.paid');
    const mails = await db().select().from(mailMessages).where(eq(mailMessages.template, 'payout.paid'));
    expect(mails.some((m) => m.subject.includes('123.45'))).toBe(true);
    const mine = await myPayouts(p.ctx);
    expect(mine.history[0]).toMatchObject({ id: out.id, status: 'paid' });
    expect(mine.balances.find((b) => b.currency === 'GBP')?.payableMinor).toBe(0);
  });

  it('refuses a zero balance with a clear CONFLICT, and asks for details first', async () => {
    const p = await providerAdmin();
    const e = await expectAppError(requestPayout(p.ctx, {}), 'PRECONDITION_FAILED');
    expect(e.message).toMatch(/payout details/);
    await savePayoutAccount(p.ctx, gbDetails());
    const z = await expectAppError(requestPayout(p.ctx, {}), 'CONFLICT');
    expect(z.message).toMatch(/no payable GBP balance/);
    expect(await db().select().from(payouts).where(eq(payouts.providerOrgId, p.orgId))).toHaveLength(0);
  });

  it('two simultaneous requests make exactly one payout', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails());
    await credit(p.orgId, 9_999n);
    const results = await Promise.allSettled([requestPayout(p.ctx, {}), requestPayout(p.ctx, {})]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
    const rows = await db().select().from(payouts).where(eq(payouts.providerOrgId, p.orgId));
    expect(rows).toHaveLength(1);
    expect(toMinor(rows[0]!.amountMinor)).toBe(9_999n);
    expect(await bucket(p.orgId, 'provider_paid')).toBe(9_999n);
    await expectReconciled();
  });

  it('a failed transfer returns the money to payable by a reverse posting and tells the provider', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails('12340002'));
    await credit(p.orgId, 4_200n);
    const out = await requestPayout(p.ctx, {});
    expect(out).toMatchObject({ status: 'failed', failureReason: 'account closed', amountMinor: 4_200 });
    expect(await bucket(p.orgId, 'provider_payable')).toBe(4_200n);
    expect(await bucket(p.orgId, 'provider_paid')).toBe(0n);
    await expectReconciled();
    const notes = await db().select().from(notifications).where(eq(notifications.userId, p.userId));
    expect(notes.map((n) => n.kind)).toContain('payout.failed');
    // Settling again is a no-op: the payout keeps its first outcome.
    const again = await settlePayout(sys(), { payoutId: out.id, status: 'paid', gatewayRef: 'x' });
    expect(again).toMatchObject({ status: 'failed', changed: false });
    // After fixing the details the same money can be paid out.
    await savePayoutAccount(p.ctx, gbDetails());
    expect(await requestPayout(p.ctx, {})).toMatchObject({ status: 'paid', amountMinor: 4_200 });
    expect(await bucket(p.orgId, 'provider_payable')).toBe(0n);
  });

  it('finance pays out any provider; a provider admin cannot pay out another provider', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails());
    await credit(p.orgId, 700n);
    const other = await providerAdmin();
    await expectAppError(requestPayout(other.ctx, { providerOrgId: p.orgId }), 'FORBIDDEN');
    await expectAppError(requestPayout(finance, {}), 'FORBIDDEN');
    await expectAppError(requestPayout(finance, { providerOrgId: newId() }), 'NOT_FOUND');
    expect(await requestPayout(finance, { providerOrgId: p.orgId })).toMatchObject({ status: 'paid', amountMinor: 700 });
    const customer = await ctxFor((await makeUser(['customer'])).id);
    await expectAppError(requestPayout(customer, {}), 'FORBIDDEN');
    const recent = await listRecentPayouts(finance);
    expect(recent.some((r) => r.providerOrgId === p.orgId && r.providerName)).toBe(true);
    await expectAppError(listRecentPayouts(p.ctx), 'FORBIDDEN');
  });
});

describe('runScheduledPayouts', () => {
  // Monday 30 Nov 2026, 23:30 UTC: still Monday in London, already Tuesday in Auckland.
  const mondayLate = new Date('2026-11-30T23:30:00Z');

  it('pays providers whose weekly day has come in their own time zone, once per period', async () => {
    const london = await providerAdmin('Europe/London');
    const auckland = await providerAdmin('Pacific/Auckland');
    const small = await providerAdmin('Europe/London');
    await savePayoutAccount(london.ctx, gbDetails());
    await savePayoutAccount(auckland.ctx, gbDetails());
    await savePayoutAccount(small.ctx, { ...gbDetails(), minimumPayoutMinor: 5_000 });
    await credit(london.orgId, 1_000n);
    await credit(auckland.orgId, 2_000n);
    await credit(small.orgId, 4_999n);

    const first = await runScheduledPayouts(mondayLate);
    expect(first.created).toBeGreaterThanOrEqual(1);
    const of = async (orgId: string) => db().select().from(payouts).where(eq(payouts.providerOrgId, orgId));
    expect((await of(london.orgId)).map((r) => [r.periodKey, r.status])).toEqual([['weekly:2026-W49', 'paid']]);
    expect(await of(auckland.orgId)).toHaveLength(0); // Tuesday there
    expect(await of(small.orgId)).toHaveLength(0); // below its minimum

    // New money in the same period: a rerun pays nobody twice.
    await credit(london.orgId, 500n);
    await runScheduledPayouts(new Date('2026-11-30T23:45:00Z'));
    expect(await of(london.orgId)).toHaveLength(1);
    expect(await bucket(london.orgId, 'provider_payable')).toBe(500n);

    // Auckland's Monday (Sunday 11:00 UTC) is its payout day.
    await runScheduledPayouts(new Date('2026-12-06T11:00:00Z'));
    expect((await of(auckland.orgId)).map((r) => r.periodKey)).toEqual(['weekly:2026-W50']);
    await expectReconciled();
  });

  it('daily and monthly schedules use their period keys; manual is never paid by the job', async () => {
    const daily = await providerAdmin('Europe/London');
    const monthly = await providerAdmin('Europe/London');
    const manual = await providerAdmin('Europe/London');
    await savePayoutAccount(daily.ctx, { ...gbDetails(), schedule: 'daily' });
    await savePayoutAccount(monthly.ctx, { ...gbDetails(), schedule: 'monthly', monthlyDay: 2 });
    await savePayoutAccount(manual.ctx, { ...gbDetails(), schedule: 'manual' });
    for (const p of [daily, monthly, manual]) await credit(p.orgId, 300n);
    await runScheduledPayouts(new Date('2026-12-02T10:00:00Z'));
    const keys = async (orgId: string) => (await db().select().from(payouts).where(eq(payouts.providerOrgId, orgId))).map((r) => r.periodKey);
    expect(await keys(daily.orgId)).toEqual(['daily:2026-12-02']);
    expect(await keys(monthly.orgId)).toEqual(['monthly:2026-12']);
    expect(await keys(manual.orgId)).toEqual([]);
  });

  it('finance can run the schedule by hand; others cannot', async () => {
    expect(await runScheduledPayoutsNow({ ...finance, now: new Date('2026-11-29T10:00:00Z') })).toMatchObject({ failed: 0 });
    const p = await providerAdmin();
    await expectAppError(runScheduledPayoutsNow(p.ctx), 'FORBIDDEN');
  });
});

describe('gateway answers', () => {
  it('an outage leaves the payout pending (money spoken for); the next scheduled run sends it again', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails());
    await credit(p.orgId, 1_500n);
    const real = testGateway({ appUrl: 'http://localhost' });
    setPaymentGatewayForTests({ ...real, transfer: async () => { throw new GatewayError('timeout', 'test'); } });
    try {
      const out = await requestPayout(p.ctx, {});
      expect(out.status).toBe('pending');
      await expectAppError(requestPayout(p.ctx, {}), 'CONFLICT');
    } finally {
      setPaymentGatewayForTests();
    }
    expect(await bucket(p.orgId, 'provider_paid')).toBe(1_500n);
    await expectReconciled();
    // 20 minutes later the hourly run retries it with the same idempotency key.
    const run = await runScheduledPayouts(new Date(Date.now() + 20 * 60_000));
    expect(run.retried).toBeGreaterThanOrEqual(1);
    const rows = await db().select().from(payouts).where(eq(payouts.providerOrgId, p.orgId));
    expect(rows.map((r) => r.status)).toEqual(['paid']);
  });

  it('details registered with another gateway are refused before any money moves', async () => {
    const p = await providerAdmin();
    await savePayoutAccount(p.ctx, gbDetails());
    await credit(p.orgId, 800n);
    setPaymentGatewayForTests({ ...testGateway({ appUrl: 'http://localhost' }), name: 'stripe' });
    try {
      await expectAppError(requestPayout(p.ctx, {}), 'PRECONDITION_FAILED');
    } finally {
      setPaymentGatewayForTests();
    }
    expect(await db().select().from(payouts).where(eq(payouts.providerOrgId, p.orgId))).toHaveLength(0);
    expect(await bucket(p.orgId, 'provider_payable')).toBe(800n);
  });
});
