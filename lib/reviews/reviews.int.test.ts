import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, commissionRules, domainEvents, providerProfiles, reviews, servicemanHours, servicemen, services, taxRates } from '@/db/schema';
import { createBooking } from '@/lib/bookings/create-booking';
import { checkIn, completeBooking } from '@/lib/bookings/work';
import { newId } from '@/lib/core/ids';
import { providerStatement } from '@/lib/finance/provider-statement';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { createReview } from './create-review';
import { moderateReview } from './moderate-review';
import { listMyReviews, listReviewsForModeration, reviewableBooking } from './queries';
import { replyToReview } from './reply-review';
import { reportReview } from './report-review';

// Monday 1 June 2026, 08:00 UTC. The serviceman works 06:00–22:00 London every day.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOME: [number, number] = [-0.1, 51.5];

let provider: { id: string; serviceId: string; adminId: string; smUser: string };
let otherAdmin: string;
let customer: string;
let customer2: string;
let opsUser: string;
let categoryId: string;

beforeAll(async () => {
  const platform = await makeOrg('platform');
  await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.05) });
  const zoneId = (await db().query.zones.findFirst({ columns: { id: true } }))!.id;
  const cat = await makeCategory();
  categoryId = cat.id;
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  const org = await makeProvider({ base: HOME });
  const serviceId = newId();
  await db().insert(services).values({
    id: serviceId, providerOrgId: org.id, categoryId, title: 'Boiler service', priceMinor: 10000n, currency: 'GBP', taxInclusive: false,
    durationMinutes: 60, crewSize: 1, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 60, status: 'active',
  });
  await cover({ providerOrgId: org.id, zoneId, serviceId });
  const admin = await makeUser(['provider_admin'], { orgs: { provider: org.id } });
  const sm = await makeUser(['serviceman'], { orgs: { provider: org.id } });
  const smId = newId();
  await db().insert(servicemen).values({ id: smId, providerOrgId: org.id, userId: sm.id, displayName: 'Alex', skills: [cat.slug], timeZone: 'Europe/London', basePoint: JSON.stringify({ type: 'Point', coordinates: HOME }) });
  for (let weekday = 1; weekday <= 7; weekday++) await db().insert(servicemanHours).values({ id: newId(), servicemanId: smId, weekday, startsAt: '06:00', endsAt: '22:00' });
  provider = { id: org.id, serviceId, adminId: admin.id, smUser: sm.id };
  const org2 = await makeProvider({ base: HOME });
  otherAdmin = (await makeUser(['provider_admin'], { orgs: { provider: org2.id } })).id;
  customer = (await makeUser(['customer'])).id;
  customer2 = (await makeUser(['customer'])).id;
  opsUser = (await makeUser(['operations'], { orgs: { platform: platform.id } })).id;
});

let slot = 0;
async function booking(who: string, complete: boolean) {
  const start = at((2 + 2 * slot++) * H);
  const res = await createBooking(await ctxFor(who, T0), {
    serviceId: provider.serviceId, type: 'scheduled', startsAt: start.toISOString(),
    location: { lon: HOME[0], lat: HOME[1] }, addressLine: '1 Test Street, London', paymentMethod: 'pm_card_visa',
  });
  if (complete) {
    await checkIn(await ctxFor(provider.smUser, start), { bookingId: res.booking.id });
    await completeBooking(await ctxFor(provider.smUser, new Date(start.getTime() + H)), { bookingId: res.booking.id });
  }
  return res.booking.id;
}

const profile = async () => (await db().select().from(providerProfiles).where(eq(providerProfiles.orgId, provider.id)))[0];
const audits = async (action: string, id: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, id)));

describe('reviews', () => {
  let done1: string;
  let done2: string;
  let reviewId: string;

  it('only the customer of a completed booking reviews it, once; the rating recomputes', async () => {
    done1 = await booking(customer, true);
    done2 = await booking(customer, true);
    const open = await booking(customer, false);
    const later = at(30 * H);

    // wrong role, someone else's booking, not completed, invalid input
    await expectAppError(createReview(await ctxFor(provider.adminId, later), { bookingId: done1, rating: 5 }), 'FORBIDDEN');
    await expectAppError(createReview(await ctxFor(customer2, later), { bookingId: done1, rating: 5 }), 'NOT_FOUND');
    await expectAppError(createReview(await ctxFor(customer, later), { bookingId: open, rating: 5 }), 'CONFLICT');
    await expectAppError(createReview(await ctxFor(customer, later), { bookingId: done1, rating: 6 }), 'VALIDATION');
    await expectAppError(createReview(await ctxFor(customer, later), { bookingId: done1, rating: 4, body: 'x'.repeat(2001) }), 'VALIDATION');
    expect((await profile()).ratingCount).toBe(0);

    const r = await createReview(await ctxFor(customer, later), { bookingId: done1, rating: 5, body: '<b>Great</b> job' });
    reviewId = r.id;
    expect(r).toMatchObject({ rating: 5, body: '<b>Great</b> job', status: 'published', reply: null });
    await expectAppError(createReview(await ctxFor(customer, later), { bookingId: done1, rating: 1 }), 'CONFLICT');
    await createReview(await ctxFor(customer, later), { bookingId: done2, rating: 4, body: '' });
    expect(await profile()).toMatchObject({ ratingX100: 450, ratingCount: 2 });
    expect(await audits('reviews.create', r.id)).toHaveLength(1);
    const ev = await db().select().from(domainEvents).where(eq(domainEvents.name, 'review.created'));
    expect(ev.map((e) => (e.payload as { reviewId: string }).reviewId)).toContain(r.id);

    const mine = await listMyReviews(await ctxFor(customer, later));
    expect(mine.map((m) => m.bookingId).sort()).toEqual([done1, done2].sort());
    expect((await reviewableBooking(await ctxFor(customer, later), open)).review).toBeNull();
    await expectAppError(reviewableBooking(await ctxFor(customer2, later), done1), 'NOT_FOUND');
  });

  it('the provider admin replies once; another provider cannot', async () => {
    await expectAppError(replyToReview(await ctxFor(customer, T0), { reviewId, reply: 'Thanks' }), 'FORBIDDEN');
    await expectAppError(replyToReview(await ctxFor(otherAdmin, T0), { reviewId, reply: 'Thanks' }), 'NOT_FOUND');
    const r = await replyToReview(await ctxFor(provider.adminId, at(31 * H)), { reviewId, reply: 'Thank you!' });
    expect(r.reply).toBe('Thank you!');
    await expectAppError(replyToReview(await ctxFor(provider.adminId, at(31 * H)), { reviewId, reply: 'Again' }), 'CONFLICT');
    expect(await audits('reviews.reply', reviewId)).toHaveLength(1);
  });

  it('a report queues it for operations; hiding removes it from the rating, restoring brings it back', async () => {
    await expectAppError(reportReview(await ctxFor(opsUser, T0), { reviewId, reason: 'spam' }), 'FORBIDDEN');
    await expectAppError(reportReview(await ctxFor(customer2, T0), { reviewId, reason: '' }), 'VALIDATION');
    expect(await reportReview(await ctxFor(customer2, T0), { reviewId, reason: 'Not a real customer' })).toEqual({ reviewId, status: 'reported' });
    const queue = await listReviewsForModeration(await ctxFor(opsUser, T0));
    expect(queue.find((q) => q.id === reviewId)).toMatchObject({ status: 'reported', reportReason: 'Not a real customer' });
    await expectAppError(listReviewsForModeration(await ctxFor(customer, T0)), 'FORBIDDEN');

    await expectAppError(moderateReview(await ctxFor(customer2, T0), { reviewId, decision: 'hide' }), 'FORBIDDEN');
    expect((await moderateReview(await ctxFor(opsUser, T0), { reviewId, decision: 'hide' })).status).toBe('hidden');
    expect(await profile()).toMatchObject({ ratingX100: 400, ratingCount: 1 });
    await expectAppError(moderateReview(await ctxFor(opsUser, T0), { reviewId, decision: 'hide' }), 'CONFLICT');
    await expectAppError(reportReview(await ctxFor(customer2, T0), { reviewId, reason: 'again please' }), 'NOT_FOUND');
    expect((await moderateReview(await ctxFor(opsUser, T0), { reviewId, decision: 'restore' })).status).toBe('published');
    expect(await profile()).toMatchObject({ ratingX100: 450, ratingCount: 2 });
    expect(await audits('reviews.moderate', reviewId)).toHaveLength(2);
    expect(await audits('reviews.report', reviewId)).toHaveLength(1);
    const [row] = await db().select().from(reviews).where(eq(reviews.id, reviewId));
    expect(row.status).toBe('published');
  });
});

describe('providerStatement', () => {
  it('shows the provider its own pending share per booking, and nobody else', async () => {
    const s = await providerStatement(await ctxFor(provider.adminId, at(40 * H)));
    expect(s.providerOrgId).toBe(provider.id);
    // two completed bookings released: provider net 10000 each (0 % commission, tax-exclusive)
    expect(s.balances).toEqual([{ currency: 'GBP', pendingMinor: 20000, payableMinor: 0, paidMinor: 0 }]);
    expect(s.lines.length).toBe(2);
    expect(s.lines.every((l) => l.account === 'provider_pending' && l.amountMinor === 10000 && l.bookingReference)).toBe(true);
    const empty = await providerStatement(await ctxFor(otherAdmin, at(40 * H)));
    expect(empty.balances).toEqual([]);
    expect(empty.lines).toEqual([]);
    const none = await providerStatement(await ctxFor(provider.adminId, at(40 * H)), { from: at(100 * H) });
    expect(none.lines).toEqual([]);
    await expectAppError(providerStatement(await ctxFor(provider.adminId, T0), { from: at(5 * H), to: at(H) }), 'VALIDATION');
    await expectAppError(providerStatement(await ctxFor(customer, T0)), 'FORBIDDEN');
    await expectAppError(providerStatement(await ctxFor(provider.smUser, T0)), 'FORBIDDEN');
  });
});
