import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { auditLog, bidAttachments, bidRevisions, bids, bookings, commissionRules, customJobs, domainEvents, notifications, servicemanHours, servicemen, taxRates } from '@/db/schema';
import { createBooking } from '@/lib/bookings/create-booking';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeService, makeZone } from '@/lib/geo/test-geo-fixtures';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { awardBid } from './award-bid';
import { placeBid } from './place-bid';
import { postBidMessage } from './post-bid-message';
import { awardPreview, bidThread, listJobBids, listMyBids, myBidOnJob, providerJob } from './queries';
import { reviseBid } from './revise-bid';
import { withdrawBid } from './withdraw-bid';

// Monday 1 June 2026, 08:00 UTC. Servicemen work 06:00–22:00 London every day.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOME: [number, number] = [-0.1, 51.5];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let categoryId: string;
let categorySlug: string;
let zoneId: string;
let customer: string;
let customer2: string;
type Bidder = { id: string; adminId: string; serviceId: string };
let p1: Bidder;
let p2: Bidder;
let p3: Bidder;
let dualUser: string; // a customer who is also p1's admin

async function makeServiceman(providerOrgId: string, name: string) {
  const user = await makeUser(['serviceman'], { orgs: { provider: providerOrgId } });
  const id = newId();
  await db()
    .insert(servicemen)
    .values({ id, providerOrgId, userId: user.id, displayName: name, skills: [categorySlug], timeZone: 'Europe/London', basePoint: JSON.stringify({ type: 'Point', coordinates: HOME }) });
  for (let weekday = 1; weekday <= 7; weekday++) await db().insert(servicemanHours).values({ id: newId(), servicemanId: id, weekday, startsAt: '06:00', endsAt: '22:00' });
  return id;
}

async function makeBidder(name: string) {
  const org = await makeProvider({ base: HOME, name, rating: { x100: 460, count: 12 } });
  const serviceId = await makeService({ providerOrgId: org.id, categoryId, priceMinor: 9000 });
  await cover({ providerOrgId: org.id, zoneId, serviceId });
  await makeServiceman(org.id, `${name} crew`);
  const admin = await makeUser(['provider_admin'], { orgs: { provider: org.id } });
  return { id: org.id, adminId: admin.id, serviceId };
}

async function makeJob(customerId: string, opts: { deadline?: Date; currency?: string; status?: 'open' | 'closed'; outOfZoneAt?: [number, number] } = {}) {
  const id = newId();
  await db()
    .insert(customJobs)
    .values({
      id,
      reference: `JOB-${id.slice(-8).toUpperCase()}`,
      customerId,
      title: 'Fit a new kitchen tap',
      description: 'The old mixer tap drips; replace with the one I bought.',
      categoryId,
      location: JSON.stringify({ type: 'Point', coordinates: opts.outOfZoneAt ?? HOME }),
      addressLine: '1 Test Street, London SW1A 1AA',
      zoneId: opts.outOfZoneAt ? null : zoneId,
      outOfZoneAllowed: !!opts.outOfZoneAt,
      budgetMinMinor: 5000n,
      budgetMaxMinor: 30000n,
      currency: opts.currency ?? 'GBP',
      bidDeadline: opts.deadline ?? at(48 * H),
      status: opts.status ?? 'open',
      createdAt: T0,
      updatedAt: T0,
    });
  return id;
}

const bid = (jobId: string, extra: Record<string, unknown> = {}) => ({ jobId, amountMinor: 20000, message: 'Can do Tuesday.', etaDays: 2, ...extra });

async function ledgerUnbalanced(): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(
    await db().execute(sql`select count(*) as n from (select transaction_id, currency from ledger_entries group by 1, 2 having sum(amount_minor) <> 0) x`),
  );
  return Number(rows[0].n);
}

beforeAll(async () => {
  setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'fixnado-bids-'))));
  const platform = await makeOrg('platform');
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.05) })).id;
  const cat = await makeCategory();
  categoryId = cat.id;
  categorySlug = cat.slug;
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  p1 = await makeBidder('Alpha Plumbing');
  p2 = await makeBidder('Beta Repairs');
  p3 = await makeBidder('Gamma Fixers');
  customer = (await makeUser(['customer'])).id;
  customer2 = (await makeUser(['customer'])).id;
  dualUser = (await makeUser(['customer', 'provider_admin'], { orgs: { provider: p1.id } })).id;
});

describe('placeBid', () => {
  it('places a bid: row, revision 1, attachments, audit, event, customer notified', async () => {
    const jobId = await makeJob(customer);
    const res = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId), [{ name: 'quote.png', bytes: PNG }]);
    expect(res.revision).toBe(1);
    const [row] = await db().select().from(bids).where(eq(bids.id, res.bidId));
    expect([row.status, row.amountMinor, row.currency.trim(), row.etaDays]).toEqual(['active', 20000n, 'GBP', 2]);
    expect(await db().select().from(bidRevisions).where(eq(bidRevisions.bidId, res.bidId))).toHaveLength(1);
    expect(await db().select().from(bidAttachments).where(eq(bidAttachments.bidId, res.bidId))).toHaveLength(1);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, res.bidId), eq(auditLog.action, 'bids.place')))).toHaveLength(1);
    const ev = await db().select().from(domainEvents).where(and(eq(domainEvents.name, 'bid.placed'), sql`${domainEvents.payload}->>'bidId' = ${res.bidId}`));
    expect(ev).toHaveLength(1);
    const notes = await db().select().from(notifications).where(and(eq(notifications.userId, customer), eq(notifications.kind, 'bid.placed')));
    expect(notes.some((n) => n.href === `/account/jobs/${jobId}`)).toBe(true);
    // The customer sees it with the provider's name and rating.
    const list = await listJobBids(await ctxFor(customer, T0), jobId);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ providerName: 'Alpha Plumbing', rating: 4.6, amountMinor: 20000, attachments: [{ contentType: 'image/png' }] });
  });

  it('one bid per provider per job: a second placement is a 409 telling to revise', async () => {
    const jobId = await makeJob(customer);
    const ctx = await ctxFor(p1.adminId, T0);
    await placeBid(ctx, bid(jobId));
    const err = await expectAppError(placeBid(ctx, bid(jobId, { amountMinor: 15000 })), 'CONFLICT');
    expect(err.message).toMatch(/already bid on this job — revise it instead/);
    expect(await db().select().from(bids).where(eq(bids.jobId, jobId))).toHaveLength(1);
  });

  it('refuses the wrong role, its own job, a closed job, after the deadline, invalid input and the wrong currency', async () => {
    const jobId = await makeJob(customer);
    await expectAppError(placeBid(await ctxFor(customer, T0), bid(jobId)), 'FORBIDDEN');
    // A provider admin who posted as a customer cannot bid on it (eligibility excludes it).
    const own = await makeJob(dualUser);
    await expectAppError(placeBid(await ctxFor(p1.adminId, T0), bid(own)), 'FORBIDDEN');
    const closed = await makeJob(customer, { status: 'closed' });
    const err = await expectAppError(placeBid(await ctxFor(p1.adminId, T0), bid(closed)), 'CONFLICT');
    expect(err.message).toMatch(/closed/);
    const late = await makeJob(customer, { deadline: at(H) });
    await expectAppError(placeBid(await ctxFor(p1.adminId, at(2 * H)), bid(late)), 'CONFLICT');
    for (const [input, field] of [
      [bid(jobId, { amountMinor: 0 }), 'amountMinor'],
      [bid(jobId, { etaDays: 400 }), 'etaDays'],
      [bid(jobId, { message: 'x'.repeat(2001) }), 'message'],
    ] as const) {
      const e = await expectAppError(placeBid(await ctxFor(p1.adminId, T0), input), 'VALIDATION');
      expect(Object.keys(e.details.fieldErrors ?? {})).toContain(field);
    }
    const e = await expectAppError(placeBid(await ctxFor(p1.adminId, T0), bid(jobId, { currency: 'EUR' })), 'VALIDATION');
    expect(e.details.fieldErrors?.currency).toBeDefined();
    expect(await db().select().from(bids).where(eq(bids.jobId, jobId))).toHaveLength(0);
  });

  it('checks attachment types and count, saving nothing on refusal', async () => {
    const jobId = await makeJob(customer);
    const ctx = await ctxFor(p2.adminId, T0);
    const e = await expectAppError(placeBid(ctx, bid(jobId), [{ name: 'notes.txt', bytes: new TextEncoder().encode('just text, not an image') }]), 'VALIDATION');
    expect(e.details.fieldErrors?.['attachments.0']).toBeDefined();
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectAppError(placeBid(ctx, bid(jobId), [{ name: 'x.png', bytes: svg }]), 'VALIDATION');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.png`, bytes: PNG }));
    const e4 = await expectAppError(placeBid(ctx, bid(jobId), four), 'VALIDATION');
    expect(e4.details.fieldErrors?.attachments).toBeDefined();
    expect(await db().select().from(bids).where(eq(bids.jobId, jobId))).toHaveLength(0);
  });
});

describe('reviseBid / withdrawBid', () => {
  it('revises (history kept), withdraws, places again on the same row; other providers cannot touch it', async () => {
    const jobId = await makeJob(customer);
    const ctx = await ctxFor(p1.adminId, T0);
    const { bidId } = await placeBid(ctx, bid(jobId));
    await expectAppError(reviseBid(await ctxFor(p2.adminId, T0), { bidId, amountMinor: 100, etaDays: 1 }), 'NOT_FOUND');
    await expectAppError(withdrawBid(await ctxFor(p2.adminId, T0), { bidId }), 'NOT_FOUND');
    const r = await reviseBid(ctx, { bidId, amountMinor: 18000, etaDays: 1, message: 'Cheaper now' });
    expect(r.revision).toBe(2);
    const [listed] = await listJobBids(await ctxFor(customer, T0), jobId);
    expect(listed.amountMinor).toBe(18000);
    expect(listed.revisions.map((v) => v.amountMinor)).toEqual([20000]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, bidId), eq(auditLog.action, 'bids.revise')))).toHaveLength(1);

    await withdrawBid(ctx, { bidId });
    await expectAppError(reviseBid(ctx, { bidId, amountMinor: 17000, etaDays: 1 }), 'CONFLICT');
    await expectAppError(withdrawBid(ctx, { bidId }), 'CONFLICT');
    const again = await placeBid(ctx, bid(jobId, { amountMinor: 19000 }));
    expect(again).toEqual({ bidId, revision: 3 });
    expect(await db().select().from(bidRevisions).where(eq(bidRevisions.bidId, bidId))).toHaveLength(3);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, bidId), eq(auditLog.action, 'bids.withdraw')))).toHaveLength(1);
  });

  it('refuses revising and withdrawing after the deadline', async () => {
    const jobId = await makeJob(customer, { deadline: at(2 * H) });
    const { bidId } = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId));
    const later = await ctxFor(p1.adminId, at(3 * H));
    await expectAppError(reviseBid(later, { bidId, amountMinor: 100, etaDays: 1 }), 'CONFLICT');
    await expectAppError(withdrawBid(later, { bidId }), 'CONFLICT');
  });
});

describe('Q&A and tenant scope', () => {
  it('customer and bidder talk; each side is notified; other providers and customers see nothing', async () => {
    const jobId = await makeJob(customer);
    const { bidId } = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId));
    await placeBid(await ctxFor(p2.adminId, T0), bid(jobId, { amountMinor: 25000 }));
    await postBidMessage(await ctxFor(customer, T0), { bidId, body: 'Does that include parts?' });
    await postBidMessage(await ctxFor(p1.adminId, at(H)), { bidId, body: 'Labour only; the tap is yours.' });
    const thread = await bidThread(await ctxFor(customer, at(H)), bidId);
    expect(thread.map((m) => [m.authorParty, m.mine])).toEqual([
      ['customer', true],
      ['provider', false],
    ]);
    expect(await db().select().from(notifications).where(and(eq(notifications.userId, p1.adminId), eq(notifications.kind, 'bid.message')))).not.toHaveLength(0);
    expect(await db().select().from(notifications).where(and(eq(notifications.userId, customer), eq(notifications.kind, 'bid.message')))).not.toHaveLength(0);
    // Another provider: neither the thread nor a post, and only its own bid.
    await expectAppError(bidThread(await ctxFor(p2.adminId, T0), bidId), 'NOT_FOUND');
    await expectAppError(postBidMessage(await ctxFor(p2.adminId, T0), { bidId, body: 'hello' }), 'NOT_FOUND');
    expect((await myBidOnJob(await ctxFor(p2.adminId, T0), jobId))?.amountMinor).toBe(25000);
    expect((await providerJob(await ctxFor(p2.adminId, T0), jobId)).myBid?.providerOrgId).toBe(p2.id);
    // Another customer sees no bids of this job.
    await expectAppError(listJobBids(await ctxFor(customer2, T0), jobId), 'NOT_FOUND');
    await expectAppError(bidThread(await ctxFor(customer2, T0), bidId), 'NOT_FOUND');
    const e = await expectAppError(postBidMessage(await ctxFor(customer, T0), { bidId, body: 'x'.repeat(2001) }), 'VALIDATION');
    expect(e.details.fieldErrors?.body).toBeDefined();
    await expectAppError(postBidMessage(await ctxFor(customer, T0), { bidId, body: '   ' }), 'VALIDATION');
  });
});

describe('awardBid', () => {
  const award = (jobId: string, bidId: string, startsAt = at(26 * H)) => ({ jobId, bidId, startsAt: startsAt.toISOString(), paymentMethod: 'pm_card_visa' });

  it('books the winner at the bid price in the same transaction; others declined; everyone notified; quote adds up', async () => {
    const jobId = await makeJob(customer);
    const win = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId, { amountMinor: 20000 }));
    const lose = await placeBid(await ctxFor(p2.adminId, T0), bid(jobId, { amountMinor: 15000 }));
    const preview = await awardPreview(await ctxFor(customer, T0), { jobId, bidId: win.bidId });
    expect(preview.serviceId).toBe(p1.serviceId);
    // 20000 + 2.5 % fee (500) + 20 % VAT on 20500 (4100) = 24600
    expect(preview.lines.map((l) => l.amountMinor)).toEqual([20000, 500, 4100, 24600]);

    await expectAppError(awardBid(await ctxFor(customer2, T0), award(jobId, win.bidId)), 'NOT_FOUND');
    await expectAppError(awardBid(await ctxFor(p1.adminId, T0), award(jobId, win.bidId)), 'FORBIDDEN');
    const e = await expectAppError(awardBid(await ctxFor(customer, T0), { ...award(jobId, win.bidId), paymentMethod: '' }), 'VALIDATION');
    expect(e.details.fieldErrors?.paymentMethod).toBeDefined();

    const res = await awardBid(await ctxFor(customer, T0), award(jobId, win.bidId));
    expect(res.declinedBidIds).toEqual([lose.bidId]);
    const [b] = await db().select().from(bookings).where(eq(bookings.id, res.bookingId));
    expect([b.bidId, b.providerOrgId, b.serviceId, b.customerId]).toEqual([win.bidId, p1.id, p1.serviceId, customer]);
    expect([b.priceMinor, b.serviceFeeMinor, b.taxMinor, b.totalMinor]).toEqual([20000n, 500n, 4100n, 24600n]);
    expect(b.priceMinor + b.serviceFeeMinor + b.taxMinor).toBe(b.totalMinor);
    const [job] = await db().select().from(customJobs).where(eq(customJobs.id, jobId));
    expect([job.status, job.awardedBidId]).toEqual(['awarded', win.bidId]);
    const statuses = await db().select({ id: bids.id, status: bids.status }).from(bids).where(eq(bids.jobId, jobId));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [win.bidId]: 'awarded', [lose.bidId]: 'declined' });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, jobId), eq(auditLog.action, 'bids.award')))).toHaveLength(1);
    const names = (await db().select().from(domainEvents).where(sql`${domainEvents.payload}->>'jobId' = ${jobId}`)).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['bid.awarded', 'bid.declined']));
    expect(await db().select().from(notifications).where(and(eq(notifications.userId, p1.adminId), eq(notifications.kind, 'bid.awarded')))).toHaveLength(1);
    expect(await db().select().from(notifications).where(and(eq(notifications.userId, p2.adminId), eq(notifications.kind, 'bid.declined')))).not.toHaveLength(0);
    expect(await db().select().from(notifications).where(and(eq(notifications.userId, customer), eq(notifications.kind, 'job.awarded')))).not.toHaveLength(0);
    expect(await ledgerUnbalanced()).toBe(0);

    // After the award: no new bids, no second award, the winner sees its booking, the loser "declined".
    await expectAppError(placeBid(await ctxFor(p3.adminId, T0), bid(jobId)), 'CONFLICT');
    await expectAppError(awardBid(await ctxFor(customer, T0), award(jobId, lose.bidId, at(28 * H))), 'CONFLICT');
    expect((await listMyBids(await ctxFor(p1.adminId, T0))).find((r) => r.jobId === jobId)).toMatchObject({ status: 'awarded', bookingId: res.bookingId });
    expect((await listMyBids(await ctxFor(p2.adminId, T0))).find((r) => r.jobId === jobId)).toMatchObject({ status: 'declined', bookingId: null });
  });

  it('an out-of-zone job is awarded too: money rules and clock from the nearest platform zone, no coverage check', async () => {
    const jobId = await makeJob(customer, { outOfZoneAt: [HOME[0] - 0.3, HOME[1]] });
    const won = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId, { amountMinor: 30000 }));
    const res = await awardBid(await ctxFor(customer, T0), award(jobId, won.bidId, at(30 * H)));
    const [b] = await db().select().from(bookings).where(eq(bookings.id, res.bookingId));
    expect([b.zoneId, b.bidId, b.currency.trim()]).toEqual([zoneId, won.bidId, 'GBP']);
    // 30000 + 2.5 % (750) + 20 % VAT on 30750 (6150) = 36900
    expect([b.priceMinor, b.serviceFeeMinor, b.taxMinor, b.totalMinor]).toEqual([30000n, 750n, 6150n, 36900n]);
    expect(await ledgerUnbalanced()).toBe(0);
  });

  it('two awards at once: exactly one wins, one booking, the other bid declined', async () => {
    const jobId = await makeJob(customer);
    const a = await placeBid(await ctxFor(p1.adminId, T0), bid(jobId));
    const b = await placeBid(await ctxFor(p2.adminId, T0), bid(jobId, { amountMinor: 21000 }));
    const ctx = await ctxFor(customer, T0);
    const results = await Promise.allSettled([awardBid(ctx, award(jobId, a.bidId, at(50 * H))), awardBid(ctx, award(jobId, b.bidId, at(50 * H)))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT');
    const made = rowsOf<{ n: number | string }>(
      await db().execute(sql`select count(*) as n from bookings where bid_id in (${a.bidId}::uuid, ${b.bidId}::uuid)`),
    );
    expect(Number(made[0].n)).toBe(1);
    const statuses = (await db().select({ status: bids.status }).from(bids).where(eq(bids.jobId, jobId))).map((s) => s.status).sort();
    expect(statuses).toEqual(['awarded', 'declined']);
  });

  it('a taken slot is a 409 with alternatives and NOTHING is awarded', async () => {
    const jobId = await makeJob(customer);
    const win = await placeBid(await ctxFor(p3.adminId, T0), bid(jobId));
    const other = await placeBid(await ctxFor(p2.adminId, T0), bid(jobId));
    const slot = at(74 * H);
    // Someone else books the winner's only serviceman at that time first.
    await createBooking(await ctxFor(customer2, T0), {
      serviceId: p3.serviceId,
      type: 'scheduled',
      startsAt: slot.toISOString(),
      location: { lon: HOME[0], lat: HOME[1] },
      addressLine: '2 Other Street, London',
      paymentMethod: 'pm_card_visa',
    });
    const before = Number(rowsOf<{ n: string }>(await db().execute(sql`select count(*) as n from bookings`))[0].n);
    const e = await expectAppError(awardBid(await ctxFor(customer, T0), award(jobId, win.bidId, slot)), 'CONFLICT');
    expect(String(e.details.alternativesUrl)).toContain('/alternatives');
    const [job] = await db().select().from(customJobs).where(eq(customJobs.id, jobId));
    expect([job.status, job.awardedBidId]).toEqual(['open', null]);
    const statuses = (await db().select({ status: bids.status }).from(bids).where(eq(bids.jobId, jobId))).map((s) => s.status);
    expect(statuses).toEqual(['active', 'active']);
    expect(Number(rowsOf<{ n: string }>(await db().execute(sql`select count(*) as n from bookings`))[0].n)).toBe(before);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.entityId, jobId), eq(auditLog.action, 'bids.award')))).toHaveLength(0);
    void other;
  });
});
