/**
 * Shared steps of provider payouts (docs/finance.md "Payouts"). A payout is made in three steps:
 *  1. create — in one transaction, under the provider's payout-account row lock: read the payable
 *     balance, insert the pending payout and move exactly that amount provider_payable →
 *     provider_paid (business key `payout:<id>`);
 *  2. transfer — outside any transaction, the gateway call with idempotency key `payout:<id>`, so a
 *     retry after a crash reaches the gateway as the same transfer;
 *  3. settle — paid, or failed with the reverse posting `payout:<id>:failed` (never an edit), so
 *     the money is payable again.
 * A payout whose transfer never got an answer stays pending; the scheduled job sends it again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db/client';
import { organisations, payoutAccounts, payouts, users } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { notify, providerAdminUserIds } from '@/lib/bookings/internal';
import type { Ctx } from '@/lib/core/context';
import { AppError, conflict, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { formatMajor, toMinor, toWire } from '@/lib/core/money';
import { queueMail } from '@/lib/notifications/queue-mail';
import { GatewayError, paymentGateway, type TransferResult } from '@/lib/payments/gateway';
import { postTransaction, type AccountRef } from './ledger';

export type PayoutCtx = Ctx & { tx: Tx };
export type PayoutAccountRow = typeof payoutAccounts.$inferSelect;
export type PayoutRow = typeof payouts.$inferSelect;

export const payoutKeys = {
  create: (payoutId: string) => `payout:${payoutId}`,
  failed: (payoutId: string) => `payout:${payoutId}:failed`,
  transfer: (payoutId: string) => `payout:${payoutId}`,
};

const acct = {
  payable: (orgId: string, currency: string): AccountRef => ({ kind: 'provider_payable', ownerOrgId: orgId, currency }),
  paid: (orgId: string, currency: string): AccountRef => ({ kind: 'provider_paid', ownerOrgId: orgId, currency }),
};

export function normaliseAccount(a: PayoutAccountRow): PayoutAccountRow {
  return { ...a, currency: a.currency.trim(), country: a.country.trim(), accountLast4: a.accountLast4.trim(), minimumPayoutMinor: toMinor(a.minimumPayoutMinor) };
}

export function normalisePayout(p: PayoutRow): PayoutRow {
  return { ...p, currency: p.currency.trim(), destinationLast4: p.destinationLast4.trim(), amountMinor: toMinor(p.amountMinor) };
}

/** The provider's payout account, locked FOR UPDATE: every payout of a provider runs after this. */
export async function lockPayoutAccount(tx: Tx, providerOrgId: string): Promise<PayoutAccountRow | null> {
  const [row] = await tx.select().from(payoutAccounts).where(eq(payoutAccounts.providerOrgId, providerOrgId)).for('update');
  return row ? normaliseAccount(row) : null;
}

/** What the platform owes the provider right now in one currency (positive; payable is a credit balance). */
export async function payableBalance(tx: Tx, providerOrgId: string, currency: string): Promise<bigint> {
  const rows = rowsOf<{ total: string }>(
    await tx.execute(sql`
      select coalesce(sum(e.amount_minor), 0)::text as total
      from ledger_entries e join ledger_accounts a on a.id = e.account_id
      where a.kind = 'provider_payable' and a.owner_org_id = ${providerOrgId} and a.currency = ${currency}`),
  );
  return -toMinor(rows[0]?.total ?? '0');
}

export async function pendingPayout(tx: Tx, providerOrgId: string, currency: string): Promise<PayoutRow | null> {
  const [row] = await tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.providerOrgId, providerOrgId), eq(payouts.currency, currency), eq(payouts.status, 'pending')));
  return row ? normalisePayout(row) : null;
}

export type CreateOutcome = { created: true; payout: PayoutRow } | { created: false; reason: 'period_done' | 'below_minimum' | 'in_flight' | 'other_gateway' };

/**
 * Step 1. The caller holds the account lock (`account` came from lockPayoutAccount in this tx).
 * Manual requests (`strict`) fail with a CONFLICT where the schedule just skips.
 */
export async function createPayoutLocked(
  c: PayoutCtx,
  account: PayoutAccountRow,
  opts: { periodKey: string; via: 'request' | 'schedule'; strict: boolean },
): Promise<CreateOutcome> {
  const org = account.providerOrgId;
  const currency = account.currency;
  // Details registered with another gateway cannot be paid through this one: nothing is moved.
  if (account.gateway !== paymentGateway().name) {
    if (opts.strict) throw new AppError('PRECONDITION_FAILED', 'The payout details were registered with another payment gateway; save them again before paying out.');
    return { created: false, reason: 'other_gateway' };
  }
  const inFlight = await pendingPayout(c.tx, org, currency);
  if (inFlight) {
    if (opts.strict) throw conflict('A payout is already on its way to your bank; wait for it to be paid or fail.', { payoutId: inFlight.id });
    return { created: false, reason: 'in_flight' };
  }
  if (!opts.strict) {
    const [done] = await c.tx
      .select({ id: payouts.id })
      .from(payouts)
      .where(and(eq(payouts.providerOrgId, org), eq(payouts.currency, currency), eq(payouts.periodKey, opts.periodKey)));
    if (done) return { created: false, reason: 'period_done' };
  }
  // Read after the lock: nothing else can move this provider's payable money until we commit.
  const amount = await payableBalance(c.tx, org, currency);
  if (amount <= 0n) {
    if (opts.strict) throw conflict(`There is no payable ${currency} balance to pay out.`, { payableMinor: toWire(amount < 0n ? amount : 0n), currency });
    return { created: false, reason: 'below_minimum' };
  }
  if (!opts.strict && amount < account.minimumPayoutMinor) return { created: false, reason: 'below_minimum' };

  const id = newId();
  const [row] = await c.tx
    .insert(payouts)
    .values({
      id,
      providerOrgId: org,
      currency,
      amountMinor: amount,
      status: 'pending',
      periodKey: opts.periodKey,
      gateway: account.gateway,
      destinationLast4: account.accountLast4,
      requestedBy: c.actor.kind === 'user' ? c.actor.userId : null,
      createdAt: c.now,
      updatedAt: c.now,
    })
    .returning();
  const posted = await postTransaction(c.tx, {
    businessKey: payoutKeys.create(id),
    kind: 'payout',
    memo: `Payout to bank account ending ${account.accountLast4}`,
    occurredAt: c.now,
    lines: [
      { account: acct.payable(org, currency), amountMinor: amount },
      { account: acct.paid(org, currency), amountMinor: -amount },
    ],
  });
  await recordAudit(c, {
    action: 'payouts.create',
    entityType: 'payout',
    entityId: id,
    tenantId: org,
    data: { amountMinor: toWire(amount), currency, periodKey: opts.periodKey, via: opts.via, transactionId: posted.transactionId, destinationLast4: account.accountLast4 },
  });
  await emitEvent(c, 'payout.created', { payoutId: id, providerOrgId: org, currency, amountMinor: toWire(amount), periodKey: opts.periodKey, via: opts.via }, org);
  return { created: true, payout: normalisePayout(row!) };
}

/**
 * Step 3 inside the caller's transaction. Idempotent: a payout that is no longer pending is left
 * as it is (a late or repeated answer never flips a settled payout).
 */
export async function settleLocked(c: PayoutCtx, payoutId: string, result: TransferResult): Promise<{ payout: PayoutRow; changed: boolean }> {
  const [raw] = await c.tx.select().from(payouts).where(eq(payouts.id, payoutId)).for('update');
  if (!raw) throw notFound('That payout');
  const p = normalisePayout(raw);
  if (p.status !== 'pending') return { payout: p, changed: false };
  if (result.status === 'pending') {
    if (p.gatewayRef === result.ref) return { payout: p, changed: false };
    const [u] = await c.tx.update(payouts).set({ gatewayRef: result.ref, updatedAt: c.now }).where(eq(payouts.id, p.id)).returning();
    return { payout: normalisePayout(u!), changed: true };
  }
  const org = p.providerOrgId;
  const wire = { payoutId: p.id, providerOrgId: org, currency: p.currency, amountMinor: toWire(p.amountMinor) };
  if (result.status === 'paid') {
    const [u] = await c.tx.update(payouts).set({ status: 'paid', paidAt: c.now, gatewayRef: result.ref, updatedAt: c.now }).where(eq(payouts.id, p.id)).returning();
    await recordAudit(c, { action: 'payouts.paid', entityType: 'payout', entityId: p.id, tenantId: org, data: { ...wire, gatewayRef: result.ref } });
    await emitEvent(c, 'payout.paid', wire, org);
    await tellProviderAdmins(c, p, 'paid');
    return { payout: normalisePayout(u!), changed: true };
  }
  const reason = (result.status === 'failed' ? result.failureReason : '').slice(0, 200) || 'failed';
  const [u] = await c.tx.update(payouts).set({ status: 'failed', failureReason: reason, gatewayRef: result.ref, updatedAt: c.now }).where(eq(payouts.id, p.id)).returning();
  // The reverse of the creation posting: the money is payable again, and the history shows both.
  const posted = await postTransaction(c.tx, {
    businessKey: payoutKeys.failed(p.id),
    kind: 'payout_failed',
    memo: `Payout failed (${reason}): returned to payable`,
    occurredAt: c.now,
    lines: [
      { account: acct.paid(org, p.currency), amountMinor: p.amountMinor },
      { account: acct.payable(org, p.currency), amountMinor: -p.amountMinor },
    ],
  });
  await recordAudit(c, { action: 'payouts.failed', entityType: 'payout', entityId: p.id, tenantId: org, data: { ...wire, reason, transactionId: posted.transactionId } });
  await emitEvent(c, 'payout.failed', { ...wire, reason }, org);
  await tellProviderAdmins(c, { ...p, failureReason: reason }, 'failed');
  return { payout: normalisePayout(u!), changed: true };
}

/** In-app notification and email to every provider admin; keyed per payout and outcome. */
async function tellProviderAdmins(c: PayoutCtx, p: PayoutRow, outcome: 'paid' | 'failed'): Promise<void> {
  const admins = await providerAdminUserIds(c.tx, p.providerOrgId, c.now);
  if (!admins.length) return;
  const amount = `${formatMajor(p.amountMinor, p.currency)} ${p.currency}`;
  const title = outcome === 'paid' ? `Payout of ${amount} sent` : `Payout of ${amount} failed`;
  const body =
    outcome === 'paid'
      ? `${amount} was paid to your bank account ending ${p.destinationLast4}.`
      : `We could not pay ${amount} to your bank account ending ${p.destinationLast4} (${p.failureReason ?? 'failed'}). The money is payable again; check your payout details.`;
  await notify(c.tx, admins, { kind: `payout.${outcome}`, title, body, href: '/provider/payouts', businessKey: `payout:${p.id}:${outcome}` });
  const emails = await c.tx.select({ email: users.email }).from(users).where(inArray(users.id, admins));
  for (const e of emails) {
    await queueMail(c.tx, { to: e.email, subject: title, text: `${body}\n\nSee your payouts: /provider/payouts\n`, template: `payout.${outcome}` });
  }
}

const systemCtx = (job: string, at: Date): Ctx => ({ actor: { kind: 'system', job, roles: [] }, requestId: newId(), now: at });

/**
 * Step 2 (+3): sends a pending payout to the gateway and settles the answer. An outage leaves the
 * payout pending (the next scheduled run sends it again, same idempotency key); the error is
 * logged, not thrown, so a batch goes on with the next provider.
 */
export async function sendPayout(payoutId: string, at: Date, job = 'finance.payouts'): Promise<PayoutRow> {
  const [raw] = await db()
    .select({ p: payouts, destinationRef: payoutAccounts.destinationRef })
    .from(payouts)
    .innerJoin(payoutAccounts, eq(payoutAccounts.providerOrgId, payouts.providerOrgId))
    .where(eq(payouts.id, payoutId));
  if (!raw) throw notFound('That payout');
  const p = normalisePayout(raw.p);
  if (p.status !== 'pending') return p;
  const gateway = paymentGateway();
  if (gateway.name !== p.gateway) throw new AppError('PRECONDITION_FAILED', `This payout was made through the ${p.gateway} gateway, which is not configured now.`);
  let result: TransferResult;
  try {
    result = await gateway.transfer({
      destinationRef: raw.destinationRef,
      amountMinor: p.amountMinor,
      currency: p.currency,
      idempotencyKey: payoutKeys.transfer(p.id),
      description: `Fixnado payout ${p.periodKey}`,
    });
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    logger.warn({ err, payoutId }, 'payout transfer did not get an answer; it stays pending');
    return p;
  }
  return db().transaction(async (tx) => (await settleLocked({ ...systemCtx(job, at), tx }, p.id, result)).payout);
}

/** The provider's home time zone (schedules and the next payout date are read in it). */
export async function providerTimeZone(tx: Tx | ReturnType<typeof db>, providerOrgId: string): Promise<string> {
  const [o] = await tx.select({ timeZone: organisations.timeZone }).from(organisations).where(eq(organisations.id, providerOrgId));
  return o?.timeZone ?? 'Europe/London';
}

/** Wire shape of a payout for screens and actions. */
export interface PayoutView {
  id: string;
  providerOrgId: string;
  currency: string;
  amountMinor: number;
  status: 'pending' | 'paid' | 'failed';
  periodKey: string;
  destinationLast4: string;
  failureReason: string | null;
  createdAt: string;
  paidAt: string | null;
}

export function payoutView(p: PayoutRow): PayoutView {
  return {
    id: p.id,
    providerOrgId: p.providerOrgId,
    currency: p.currency,
    amountMinor: toWire(toMinor(p.amountMinor)),
    status: p.status,
    periodKey: p.periodKey,
    destinationLast4: p.destinationLast4,
    failureReason: p.failureReason,
    createdAt: new Date(p.createdAt).toISOString(),
    paidAt: p.paidAt ? new Date(p.paidAt).toISOString() : null,
  };
}
