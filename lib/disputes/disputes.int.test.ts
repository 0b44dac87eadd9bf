import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { insertQuotedBooking } from '@/test/quoted-booking';
import { auditLog, bids, bookings, customJobs, disputeEvents, disputes, notifications, payments } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseRate, toMinor } from '@/lib/core/money';
import { makeCategory, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { captureBookingPayment, duePayableBookings, holdBookingPayment, releaseBookingFunds } from '@/lib/finance/booking-money';
import { bookingBalance, reconcile } from '@/lib/finance/ledger';
import { quote } from '@/lib/finance/quote';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { addEvidence } from './add-evidence';
import { appealDispute } from './appeal-dispute';
import { runDisputeDeadlines } from './deadlines';
import { markEvidenceInternal } from './mark-evidence-internal';
import { openDispute } from './open-dispute';
import { evidenceFile, getDispute, listDisputes } from './queries';
import { resolveDispute } from './resolve-dispute';
import { respondToDispute } from './respond-to-dispute';
import { startReview } from './start-review';
import { withdrawDispute } from './withdraw-dispute';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const sys = (now: Date): Ctx => ({ actor: { kind: 'system', job: 'test', roles: [] }, requestId: `test-${newId()}`, now });
// A 1×1 PNG: real image bytes, so the upload's content sniffing accepts it.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const REASON = 'The tiles were left cracked and the grout is unfinished.';

let customer: string;
let providerOrgId: string;
let providerAdmin: string;
let otherAdmin: string;
let ops1: string;
let ops2: string;
let financeUser: string;
let serviceId: string;
let zoneId: string;
let categoryId: string;

beforeAll(async () => {
  setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'disputes-'))));
  const platform = await makeOrg('platform');
  customer = (await makeUser(['customer'])).id;
  providerOrgId = (await makeOrg('provider')).id;
  providerAdmin = (await makeUser(['provider_admin'], { orgs: { provider: providerOrgId } })).id;
  otherAdmin = (await makeUser(['provider_admin'])).id;
  ops1 = (await makeUser(['operations'], { orgs: { platform: platform.id } })).id;
  ops2 = (await makeUser(['operations'], { orgs: { platform: platform.id } })).id;
  financeUser = (await makeUser(['finance'], { orgs: { platform: platform.id } })).id;
  const category = await makeCategory();
  categoryId = category.id;
  serviceId = await makeService({ providerOrgId, categoryId: category.id });
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: [-0.2, 51.4, 0, 51.6] })).id;
});

/** A paid booking (hold captured) in progress, or completed `completedDaysAgo` before `now` with its funds released. */
async function makeBooking(opts: { status?: 'in_progress' | 'completed' | 'scheduled'; completedAt?: Date; currency?: string; priceMinor?: bigint } = {}) {
  const currency = opts.currency ?? 'GBP';
  const q = quote({
    providerPriceMinor: opts.priceMinor ?? 10_000n,
    providerCurrency: currency,
    taxInclusive: false,
    bookingCurrency: currency,
    fxRate: parseRate('1'),
    serviceFeeBp: 250,
    serviceFeeMinimumMinor: null,
    taxRateBp: 2000,
    providerCommissionBp: 0,
  });
  const id = newId();
  await insertQuotedBooking(q, { id, customerId: customer, providerOrgId, serviceId, zoneId, startsAt: at(-1) });
  const b = { id, customerId: customer, providerOrgId, currency, totalMinor: q.totalMinor };
  await withTx(sys(at(-2)), (c) => holdBookingPayment(c, b, 'pm_card_visa'));
  await withTx(sys(at(-2)), (c) => captureBookingPayment(c, id));
  const status = opts.status ?? 'completed';
  if (status === 'completed') {
    const done = opts.completedAt ?? at(-1);
    await db().update(bookings).set({ status: 'completed', completedAt: done, startedAt: at(-1) }).where(eq(bookings.id, id));
    await withTx(sys(done), (c) => releaseBookingFunds(c, id));
  } else {
    await db().update(bookings).set({ status, startedAt: status === 'in_progress' ? at(-1) : null }).where(eq(bookings.id, id));
  }
  return { ...b, quote: q };
}

const open = async (bookingId: string, who = customer, now = t0, extra: Record<string, unknown> = {}) =>
  openDispute(await ctxFor(who, now), { subjectKind: 'booking', subjectId: bookingId, reasonCode: 'quality', reason: REASON, ...extra });
const bookingStatus = async (id: string) => (await db().select({ s: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.s;
const refunded = async (id: string) => toMinor((await db().select({ r: payments.refundedMinor }).from(payments).where(eq(payments.bookingId, id)))[0]!.r);
const pending = async (id: string) => -(await bookingBalance(db(), id, 'provider_pending'));
const expectLedgerClean = async () => expect(await reconcile(db())).toEqual({ transactionsUnbalanced: 0, accountsDrift: [], paymentsDrift: [] });
const auditOf = async (entityId: string) => (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, entityId))).map((r) => r.action);

async function toReview(disputeId: string, now = at(0.1)) {
  await respondToDispute(await ctxFor(providerAdmin, now), { disputeId, response: 'The work was finished as agreed on the day.' });
}

describe('opening a dispute', () => {
  it('follows the window: in progress, or within 7 days of completion; never before the work started or after', async () => {
    const late = await makeBooking({ completedAt: at(-7.01) });
    const e1 = await expectAppError(open(late.id), 'CONFLICT');
    expect(e1.message).toMatch(/closed 7 days after completion/);
    const scheduled = await makeBooking({ status: 'scheduled' });
    const e2 = await expectAppError(open(scheduled.id), 'CONFLICT');
    expect(e2.details).toMatchObject({ from: 'scheduled', to: 'disputed' });
    const running = await makeBooking({ status: 'in_progress' });
    await open(running.id);
    expect(await bookingStatus(running.id)).toBe('disputed');
    const inWindow = await makeBooking({ completedAt: at(-6.9) });
    const opened = await open(inWindow.id, providerAdmin);
    expect(opened.responseDueAt).toEqual(at(3));
  });

  it('refuses the wrong role, another provider (NOT_FOUND), invalid input by field, and a second live dispute', async () => {
    const b = await makeBooking();
    await expectAppError(open(b.id, financeUser), 'FORBIDDEN');
    await expectAppError(open(b.id, otherAdmin), 'NOT_FOUND');
    const v = await expectAppError(openDispute(await ctxFor(customer, t0), { subjectId: b.id, reasonCode: 'quality', reason: 'too short' }), 'VALIDATION');
    expect(v.details.fieldErrors).toHaveProperty('reason');
    const bad = await expectAppError(openDispute(await ctxFor(customer, t0), { subjectId: b.id, reasonCode: 'weather', reason: REASON }), 'VALIDATION');
    expect(bad.details.fieldErrors).toHaveProperty('reasonCode');
    const d = await open(b.id, customer, t0, { files: [{ bytes: PNG, name: 'crack.png' }], evidenceNote: 'photo of the crack' });
    await expectAppError(open(b.id, providerAdmin), 'CONFLICT');
    const [row] = await db().select().from(disputes).where(eq(disputes.id, d.disputeId));
    expect(row).toMatchObject({ status: 'awaiting_response', openedByParty: 'customer', bookingId: b.id });
    expect(toMinor(row!.amountMinor)).toBe(b.totalMinor);
    expect(await auditOf(d.disputeId)).toContain('disputes.open');
    const told = await db().select({ userId: notifications.userId }).from(notifications).where(eq(notifications.businessKey, `dispute:${d.disputeId}:opened`));
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining([providerAdmin, ops1, ops2]));
    expect(told.map((n) => n.userId)).not.toContain(customer);
    // A non-image upload is refused with the file's field named.
    const other = await makeBooking();
    const f = await expectAppError(open(other.id, customer, t0, { files: [{ bytes: new TextEncoder().encode('<svg/>'), name: 'x.svg' }] }), 'VALIDATION');
    expect(f.details.fieldErrors).toHaveProperty('files.0');
  });
});

describe('job subjects', () => {
  it('a job dispute points at the awarded job’s booking; a job without an awarded booking is NOT_FOUND', async () => {
    const b = await makeBooking();
    const jobId = newId();
    const bidId = newId();
    const job = { reference: `JB-${jobId.slice(-8)}`, customerId: customer, title: 'Regrout the bathroom', description: 'Whole floor.', categoryId, location: JSON.stringify({ type: 'Point', coordinates: [-0.1, 51.5] }), addressLine: '1 Test Street', zoneId, budgetMinMinor: 5_000n, budgetMaxMinor: 20_000n, currency: 'GBP', bidDeadline: at(-3) };
    await db().insert(customJobs).values({ id: jobId, ...job, status: 'awarded', awardedBidId: bidId });
    await db().insert(bids).values({ id: bidId, jobId, providerOrgId, amountMinor: 10_000n, currency: 'GBP', etaDays: 2, status: 'awarded' });
    await db().update(bookings).set({ bidId }).where(eq(bookings.id, b.id));
    const d = await openDispute(await ctxFor(customer, t0), { subjectKind: 'job', subjectId: jobId, reasonCode: 'quality', reason: REASON });
    const [row] = await db().select().from(disputes).where(eq(disputes.id, d.disputeId));
    expect(row).toMatchObject({ subjectKind: 'job', subjectId: jobId, bookingId: b.id });
    expect(await bookingStatus(b.id)).toBe('disputed');
    const openJob = newId();
    await db().insert(customJobs).values({ id: openJob, ...job, reference: `JB-${openJob.slice(-8)}` });
    await expectAppError(openDispute(await ctxFor(customer, t0), { subjectKind: 'job', subjectId: openJob, reasonCode: 'quality', reason: REASON }), 'NOT_FOUND');
  });
});

describe('transitions', () => {
  it('withdrawal by the opener returns the booking to where it was; illegal moves are 409 naming from and to', async () => {
    const b = await makeBooking();
    const d = await open(b.id);
    await expectAppError(withdrawDispute(await ctxFor(providerAdmin, at(0.1)), { disputeId: d.disputeId }), 'FORBIDDEN');
    const early = await expectAppError(resolveDispute(await ctxFor(ops1, at(0.1)), { disputeId: d.disputeId, outcome: 'release', note: 'no case' }), 'CONFLICT');
    expect(early.details).toMatchObject({ from: 'awaiting_response', to: 'resolved' });
    await withdrawDispute(await ctxFor(customer, at(0.2)), { disputeId: d.disputeId });
    expect(await bookingStatus(b.id)).toBe('completed');
    const again = await expectAppError(withdrawDispute(await ctxFor(customer, at(0.3)), { disputeId: d.disputeId }), 'CONFLICT');
    expect(again.details).toMatchObject({ from: 'withdrawn', to: 'withdrawn' });
    await expectAppError(respondToDispute(await ctxFor(providerAdmin, at(0.3)), { disputeId: d.disputeId, response: 'Too late to answer this one.' }), 'CONFLICT');
    expect(await auditOf(d.disputeId)).toEqual(expect.arrayContaining(['disputes.open', 'disputes.withdraw']));

    const running = await makeBooking({ status: 'in_progress' });
    const d2 = await open(running.id, providerAdmin);
    await withdrawDispute(await ctxFor(providerAdmin, at(0.1)), { disputeId: d2.disputeId });
    expect(await bookingStatus(running.id)).toBe('in_progress');
  });

  it('the opener cannot respond; the other party responds before the deadline, which starts the review', async () => {
    const b = await makeBooking();
    const d = await open(b.id);
    await expectAppError(respondToDispute(await ctxFor(customer, at(0.1)), { disputeId: d.disputeId, response: 'Answering my own dispute.' }), 'FORBIDDEN');
    await expectAppError(respondToDispute(await ctxFor(otherAdmin, at(0.1)), { disputeId: d.disputeId, response: 'Not my booking at all.' }), 'NOT_FOUND');
    await expectAppError(respondToDispute(await ctxFor(providerAdmin, at(3.01)), { disputeId: d.disputeId, response: 'Answer after the deadline.' }), 'CONFLICT');
    await toReview(d.disputeId);
    const [row] = await db().select().from(disputes).where(eq(disputes.id, d.disputeId));
    expect(row).toMatchObject({ status: 'under_review', response: 'The work was finished as agreed on the day.' });
    await expectAppError(startReview(await ctxFor(customer, at(0.2)), { disputeIds: [d.disputeId] }), 'FORBIDDEN');
    const e = await expectAppError(startReview(await ctxFor(ops1, at(0.2)), { disputeIds: [d.disputeId] }), 'CONFLICT');
    expect(e.details).toMatchObject({ from: 'under_review', to: 'under_review' });
  });
});

describe('resolution money (ledger balanced, exact amounts)', () => {
  it('full refund: the customer gets everything back, the provider share is reversed, the booking is cancelled', async () => {
    const b = await makeBooking();
    expect(await pending(b.id)).toBe(10_000n);
    const d = await open(b.id);
    await toReview(d.disputeId);
    await expectAppError(resolveDispute(await ctxFor(providerAdmin, at(0.2)), { disputeId: d.disputeId, outcome: 'full_refund', note: 'refund it all' }), 'FORBIDDEN');
    const r = await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'full_refund', note: 'Work clearly unfinished.' });
    expect(r).toMatchObject({ refundMinor: b.totalMinor, refundedNowMinor: b.totalMinor, bookingStatus: 'cancelled' });
    expect(await refunded(b.id)).toBe(b.totalMinor);
    expect(await pending(b.id)).toBe(0n);
    expect(await bookingStatus(b.id)).toBe('cancelled');
    expect(await auditOf(d.disputeId)).toContain('disputes.resolve');
    await expectLedgerClean();
  });

  it('partial refund after release: that amount back to the customer, the rest stays with the provider', async () => {
    const b = await makeBooking();
    const d = await open(b.id);
    await toReview(d.disputeId);
    const invalid = await expectAppError(resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: b.totalMinor, note: 'half of it' }), 'VALIDATION');
    expect(invalid.details.fieldErrors).toHaveProperty('refundMinor');
    await expectAppError(resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', note: 'half of it' }), 'VALIDATION');
    const r = await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: 3_075, note: 'A quarter back.' });
    expect(r).toMatchObject({ refundMinor: 3_075n, bookingStatus: 'completed' });
    expect(await refunded(b.id)).toBe(3_075n);
    // 12,300 total: 10,000 net / 250 fee / 2,050 tax; a quarter comes back from each.
    expect(await pending(b.id)).toBe(7_500n);
    expect(await bookingStatus(b.id)).toBe('completed');
    await expectLedgerClean();
  });

  it('partial refund while in progress: refund out of escrow, the rest released to pending', async () => {
    const b = await makeBooking({ status: 'in_progress' });
    const d = await open(b.id);
    await toReview(d.disputeId);
    await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: '6150', note: 'Half the job was done.' });
    expect(await refunded(b.id)).toBe(6_150n);
    expect(await pending(b.id)).toBe(5_000n);
    expect(-(await bookingBalance(db(), b.id, 'escrow'))).toBe(0n);
    expect(await bookingStatus(b.id)).toBe('completed');
    await expectLedgerClean();
  });

  it.each(['no_refund', 'release'] as const)('%s: nothing refunded, the provider share released', async (outcome) => {
    const b = await makeBooking({ status: 'in_progress' });
    const d = await open(b.id);
    await toReview(d.disputeId);
    await expectAppError(resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome, refundMinor: 10, note: 'no money back' }), 'VALIDATION');
    const r = await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome, note: 'The work meets the brief.' });
    expect(r).toMatchObject({ refundMinor: 0n, refundedNowMinor: 0n, bookingStatus: 'completed' });
    expect(await refunded(b.id)).toBe(0n);
    expect(await pending(b.id)).toBe(10_000n);
    await expectLedgerClean();
  });

  it('works in a currency without minor units (JPY)', async () => {
    const b = await makeBooking({ currency: 'JPY', priceMinor: 9_999n });
    const d = await open(b.id);
    await toReview(d.disputeId);
    await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: 1_001, note: 'Small refund.' });
    expect(await refunded(b.id)).toBe(1_001n);
    await expectLedgerClean();
  });
});

describe('appeal', () => {
  it('once, within 7 days, decided by another operations user, money adjusted by the difference only', async () => {
    const b = await makeBooking();
    const d = await open(b.id);
    await toReview(d.disputeId);
    await resolveDispute(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: 2_000, note: 'Some of it.' });
    await expectAppError(appealDispute(await ctxFor(otherAdmin, at(1)), { disputeId: d.disputeId, reason: REASON }), 'NOT_FOUND');
    await appealDispute(await ctxFor(customer, at(1)), { disputeId: d.disputeId, reason: 'The refund does not cover the cost of regrouting the floor.' });
    expect(await bookingStatus(b.id)).toBe('disputed');
    const same = await expectAppError(resolveDispute(await ctxFor(ops1, at(2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: 5_000, note: 'More.' }), 'FORBIDDEN');
    expect(same.message).toMatch(/another operations user/);
    const lower = await expectAppError(resolveDispute(await ctxFor(ops2, at(2)), { disputeId: d.disputeId, outcome: 'no_refund', note: 'Nothing.' }), 'CONFLICT');
    expect(lower.message).toMatch(/cannot be taken back/);
    const r = await resolveDispute(await ctxFor(ops2, at(2)), { disputeId: d.disputeId, outcome: 'partial_refund', refundMinor: 5_000, note: 'Regrouting is covered.' });
    expect(r).toMatchObject({ refundMinor: 5_000n, refundedNowMinor: 3_000n, bookingStatus: 'completed' });
    expect(await refunded(b.id)).toBe(5_000n);
    await expectLedgerClean();
    const twice = await expectAppError(appealDispute(await ctxFor(providerAdmin, at(3)), { disputeId: d.disputeId, reason: REASON }), 'CONFLICT');
    expect(twice.message).toMatch(/already been appealed/);
    expect(await auditOf(d.disputeId)).toEqual(expect.arrayContaining(['disputes.appeal', 'disputes.resolve']));
  });

  it('closes 7 days after the resolution; money stays pending through the appeal window', async () => {
    const b = await makeBooking({ completedAt: at(-6) });
    const d = await open(b.id);
    await toReview(d.disputeId);
    expect(await db().transaction((tx) => duePayableBookings(tx, at(1)))).not.toContain(b.id);
    await resolveDispute(await ctxFor(ops1, at(0.5)), { disputeId: d.disputeId, outcome: 'release', note: 'The work is fine.' });
    // The release is 7+ days old on day 2, but the appeal window of the resolution is open.
    expect(await db().transaction((tx) => duePayableBookings(tx, at(2), 10_000))).not.toContain(b.id);
    expect(await db().transaction((tx) => duePayableBookings(tx, at(7.6), 10_000))).toContain(b.id);
    const e = await expectAppError(appealDispute(await ctxFor(providerAdmin, at(7.6)), { disputeId: d.disputeId, reason: REASON }), 'CONFLICT');
    expect(e.message).toMatch(/7 days after the resolution/);
  });
});

describe('evidence visibility and the file route check', () => {
  it('parties see each other’s evidence except internal items and internal events; operations see all', async () => {
    const b = await makeBooking();
    const d = await open(b.id, customer, t0, { files: [{ bytes: PNG, name: 'crack.png' }] });
    const added = await addEvidence(await ctxFor(providerAdmin, at(0.1)), { disputeId: d.disputeId, note: 'Photo taken on completion', files: [{ bytes: PNG, name: 'done.png' }] });
    await expectAppError(addEvidence(await ctxFor(otherAdmin, at(0.1)), { disputeId: d.disputeId, note: 'sneaky' }), 'NOT_FOUND');
    const empty = await expectAppError(addEvidence(await ctxFor(customer, at(0.1)), { disputeId: d.disputeId }), 'VALIDATION');
    expect(empty.details.fieldErrors).toHaveProperty('files');
    await expectAppError(markEvidenceInternal(await ctxFor(customer, at(0.2)), { disputeId: d.disputeId, evidenceId: added.evidenceIds[0], internal: true }), 'FORBIDDEN');
    await markEvidenceInternal(await ctxFor(ops1, at(0.2)), { disputeId: d.disputeId, evidenceId: added.evidenceIds[0], internal: true });

    const asCustomer = await getDispute(await ctxFor(customer, at(0.3)), d.disputeId);
    expect(asCustomer.evidence).toHaveLength(1);
    expect(asCustomer.events.some((e) => e.internal)).toBe(false);
    await expectAppError(evidenceFile(await ctxFor(customer, at(0.3)), d.disputeId, added.evidenceIds[0]), 'NOT_FOUND');
    const own = await evidenceFile(await ctxFor(providerAdmin, at(0.3)), d.disputeId, asCustomer.evidence[0]!.id);
    expect(own.contentType).toBe('image/png');
    const asOps = await getDispute(await ctxFor(ops2, at(0.3)), d.disputeId);
    expect(asOps.evidence).toHaveLength(2);
    expect(asOps.events.some((e) => e.internal && e.kind === 'evidence_internal')).toBe(true);
    await expectAppError(getDispute(await ctxFor(otherAdmin, at(0.3)), d.disputeId), 'NOT_FOUND');
    expect(await auditOf(d.disputeId)).toEqual(expect.arrayContaining(['disputes.add_evidence', 'disputes.mark_internal']));

    // Lists are scoped: the other provider sees none of it; operations filter by status.
    expect((await listDisputes(await ctxFor(otherAdmin, at(0.3)), 'provider')).map((x) => x.id)).not.toContain(d.disputeId);
    expect((await listDisputes(await ctxFor(customer, at(0.3)), 'customer')).map((x) => x.id)).toContain(d.disputeId);
    expect((await listDisputes(await ctxFor(ops1, at(0.3)), 'operations', { status: 'awaiting_response' })).map((x) => x.id)).toContain(d.disputeId);
    await expectAppError(listDisputes(await ctxFor(customer, at(0.3)), 'operations'), 'FORBIDDEN');
  });
});

describe('response deadline job', () => {
  it('reminds the responder once 24 h before, then escalates once and starts the review', async () => {
    const b = await makeBooking({ completedAt: at(19) });
    const d = await open(b.id, customer, at(20));
    const due = at(23);
    expect((await runDisputeDeadlines(at(21.9))).reminded).toBe(0);
    const first = await runDisputeDeadlines(new Date(due.getTime() - 23 * 3_600_000));
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    await runDisputeDeadlines(new Date(due.getTime() - 22 * 3_600_000));
    const reminders = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, d.disputeId), eq(disputeEvents.kind, 'reminder_sent')));
    expect(reminders).toHaveLength(1);
    const told = await db().select().from(notifications).where(eq(notifications.businessKey, `dispute:${d.disputeId}:reminder`));
    expect(told.map((n) => n.userId)).toEqual([providerAdmin]);
    await runDisputeDeadlines(new Date(due.getTime() + 60_000));
    await runDisputeDeadlines(new Date(due.getTime() + 120_000));
    const missed = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, d.disputeId), eq(disputeEvents.kind, 'deadline_missed')));
    expect(missed).toHaveLength(1);
    expect((await db().select({ s: disputes.status }).from(disputes).where(eq(disputes.id, d.disputeId)))[0]!.s).toBe('under_review');
    expect(await auditOf(d.disputeId)).toContain('disputes.escalate');
  });
});
