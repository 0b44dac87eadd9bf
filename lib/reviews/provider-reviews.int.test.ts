import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { commissionRules, organisations, servicemanHours, servicemen, services, taxRates, users } from '@/db/schema';
import { createBooking } from '@/lib/bookings/create-booking';
import { checkIn, completeBooking } from '@/lib/bookings/work';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { createReview } from './create-review';
import { moderateReview } from './moderate-review';
import { listProviderReviews, publicProviderReviews } from './queries';
import { replyToReview } from './reply-review';
import { reportReview } from './report-review';

// Monday 1 June 2026, 08:00 UTC. The serviceman works 06:00–22:00 London every day.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOME: [number, number] = [-0.1, 51.5];

let provider: { id: string; serviceId: string; adminId: string; smUser: string };
let otherAdmin: string;
let otherOrg: string;
let slug: string;
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
  otherOrg = org2.id;
  otherAdmin = (await makeUser(['provider_admin'], { orgs: { provider: org2.id } })).id;
  slug = (await db().select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, org.id)))[0].slug!;
  customer = (await makeUser(['customer'])).id;
  await db().update(users).set({ name: 'Chloe Jane Customer' }).where(eq(users.id, customer));
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


describe('provider reviews page query', () => {
  let r5: string;
  let r4: string;
  let r2: string;
  let hiddenId: string;

  it('lists only the caller provider\'s visible reviews with the summary, and filters them', async () => {
    const later = at(60 * H);
    const done = [await booking(customer, true), await booking(customer, true), await booking(customer2, true), await booking(customer2, true)];
    r5 = (await createReview(await ctxFor(customer, later), { bookingId: done[0], rating: 5, body: 'Spotless work' })).id;
    r4 = (await createReview(await ctxFor(customer, at(61 * H)), { bookingId: done[1], rating: 4 })).id;
    r2 = (await createReview(await ctxFor(customer2, at(62 * H)), { bookingId: done[2], rating: 2, body: 'Late' })).id;
    hiddenId = (await createReview(await ctxFor(customer2, at(63 * H)), { bookingId: done[3], rating: 1, body: 'spam spam' })).id;
    await reportReview(await ctxFor(customer, later), { reviewId: hiddenId, reason: 'Abusive words' });
    await moderateReview(await ctxFor(opsUser, later), { reviewId: hiddenId, decision: 'hide' });
    await replyToReview(await ctxFor(provider.adminId, later), { reviewId: r5, reply: 'Thank you, Chloe!' });
    await reportReview(await ctxFor(provider.adminId, later), { reviewId: r2, reason: 'Arrived on time, see the check-in' });

    const page = await listProviderReviews(await ctxFor(provider.adminId, later));
    expect(page.rows.map((r) => r.id)).toEqual([r2, r4, r5]);
    expect(page.summary).toEqual({ count: 3, averageX100: 367, distribution: [0, 1, 0, 1, 1] });
    expect(page.counts).toEqual({ all: 3, needs_reply: 2, reported: 1 });
    const first = page.rows.find((r) => r.id === r5)!;
    expect(first).toMatchObject({ customerFirstName: 'Chloe', serviceTitle: 'Boiler service', reply: 'Thank you, Chloe!', status: 'published' });
    expect(first.bookingReference).toMatch(/\S/);
    expect(first.jobAt).not.toBeNull();
    expect(page.rows.find((r) => r.id === r2)).toMatchObject({ status: 'reported', reportReason: 'Arrived on time, see the check-in' });

    const needsReply = await listProviderReviews(await ctxFor(provider.adminId, later), { filter: 'needs_reply' });
    expect(needsReply.rows.map((r) => r.id)).toEqual([r2, r4]);
    // The summary always covers every visible review, whatever the filter.
    expect(needsReply.summary.count).toBe(3);
    const reported = await listProviderReviews(await ctxFor(provider.adminId, later), { filter: 'reported' });
    expect(reported.rows.map((r) => r.id)).toEqual([r2]);
    // An unknown filter falls back to all rather than failing.
    expect((await listProviderReviews(await ctxFor(provider.adminId, later), { filter: 'bogus' as never })).rows).toHaveLength(3);
  });

  it('is tenant-scoped and only for provider admins', async () => {
    const other = await listProviderReviews(await ctxFor(otherAdmin, T0));
    expect(other.rows).toEqual([]);
    expect(other.summary).toEqual({ count: 0, averageX100: null, distribution: [0, 0, 0, 0, 0] });
    expect(otherOrg).not.toBe(provider.id);
    await expectAppError(listProviderReviews(await ctxFor(customer, T0)), 'FORBIDDEN');
    await expectAppError(listProviderReviews(await ctxFor(provider.smUser, T0)), 'FORBIDDEN');
    await expectAppError(listProviderReviews(await ctxFor(opsUser, T0)), 'FORBIDDEN');
  });

  it('the public page shows the latest visible reviews with replies, never hidden ones', async () => {
    const pub = await publicProviderReviews(anonCtx(T0), slug, 5);
    expect(pub.reviews.map((r) => r.id)).toEqual([r2, r4, r5]);
    expect(pub.reviews.map((r) => r.id)).not.toContain(hiddenId);
    expect(pub.summary).toEqual({ count: 3, averageX100: 367 });
    expect(pub.reviews.find((r) => r.id === r5)).toMatchObject({ customerFirstName: 'Chloe', reply: 'Thank you, Chloe!', body: 'Spotless work' });
    // No e-mail, surname or customer id leaks to the public page.
    expect(JSON.stringify(pub)).not.toMatch(/Jane|Customer|@|customerId/);
    expect((await publicProviderReviews(anonCtx(T0), slug, 2)).reviews.map((r) => r.id)).toEqual([r2, r4]);
    expect(await publicProviderReviews(anonCtx(T0), 'no-such-provider')).toEqual({ summary: { count: 0, averageX100: null }, reviews: [] });
  });
});
