import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { commissionRules, servicemanHours, servicemen, services, taxRates } from '@/db/schema';
import { createBooking } from './create-booking';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { anonCtx, ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { quotePreview } from './quote-preview';
import { bookingSeries } from './series-queries';

// Monday 1 June 2026, 08:00 UTC. The serviceman works 06:00–22:00 London every day.
// The weekly / fortnightly series preview and the customer's "visit k of N" read.
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


const quoteAt = (extra: Record<string, unknown>) =>
  quotePreview(anonCtx(T0), { serviceId: provider.serviceId, type: 'scheduled', lon: String(HOME[0]), lat: String(HOME[1]), ...extra });

describe('quotePreview with a series', () => {
  it('keeps every existing field and adds each visit and the series total (integer minor units)', async () => {
    const single = await quoteAt({ startsAt: at(26 * H).toISOString() });
    expect(single.occurrences).toBeUndefined();
    // Query-string form, as the GET endpoint receives it.
    const q = await quoteAt({ startsAt: at(26 * H).toISOString(), repeat: 'fortnight', count: '3' });
    const { occurrences, ...rest } = q;
    expect(rest).toEqual(single);
    expect(occurrences).toEqual({
      every: 'fortnight',
      count: 3,
      starts: [
        { index: 1, startsAt: '2026-06-02T10:00:00.000Z', localDate: '2026-06-02' },
        { index: 2, startsAt: '2026-06-16T10:00:00.000Z', localDate: '2026-06-16' },
        { index: 3, startsAt: '2026-06-30T10:00:00.000Z', localDate: '2026-06-30' },
      ],
      seriesTotalMinor: single.totalMinor * 3,
    });
    expect(Number.isInteger(occurrences!.seriesTotalMinor)).toBe(true);
  });

  it('refuses a half-given or impossible series, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ startsAt: at(26 * H).toISOString(), repeat: 'week' }, 'count'],
      [{ startsAt: at(26 * H).toISOString(), count: 3 }, 'repeat'],
      [{ startsAt: at(26 * H).toISOString(), repeat: 'daily', count: 3 }, 'repeat'],
      [{ startsAt: at(26 * H).toISOString(), repeat: 'week', count: 13 }, 'count'],
      [{ startsAt: at(26 * H).toISOString(), repeat: 'week', count: '1' }, 'count'],
      [{ startsAt: at(26 * H).toISOString(), repeat: 'week', count: 2.5 }, 'count'],
      [{ repeat: 'week', count: 3 }, 'startsAt'],
      [{ type: 'on_demand', repeat: 'week', count: 3 }, 'repeat'],
    ];
    for (const [extra, field] of cases) {
      const err = await expectAppError(quoteAt(extra), 'VALIDATION');
      expect(Object.keys(err.details.fieldErrors ?? {})).toContain(field);
    }
  });
});

describe('bookingSeries', () => {
  it('lists the visits of the customer\'s own series in order; nobody else sees them', async () => {
    const first = at(26 * H);
    const res = await createBooking(await ctxFor(customer, T0), {
      serviceId: provider.serviceId, type: 'scheduled', startsAt: first.toISOString(), recurrence: { every: 'week', count: 3 },
      location: { lon: HOME[0], lat: HOME[1] }, addressLine: '1 Test Street, London', paymentMethod: 'pm_card_visa',
    });
    expect(res.seriesBookingIds).toHaveLength(3);
    const preview = await quoteAt({ startsAt: first.toISOString(), repeat: 'week', count: 3 });
    const s = await bookingSeries(await ctxFor(customer, T0), res.seriesBookingIds[1]);
    expect(s).toMatchObject({ index: 2, count: 3 });
    expect(s!.visits.map((v) => v.startsAt)).toEqual(preview.occurrences!.starts.map((x) => x.startsAt));
    expect(s!.visits.map((v) => v.index)).toEqual([1, 2, 3]);
    expect(s!.visits.every((v) => v.reference.length > 0)).toBe(true);

    expect(await bookingSeries(await ctxFor(customer2, T0), res.seriesBookingIds[1])).toBeNull();
    expect(await bookingSeries(await ctxFor(customer, T0), 'not-a-uuid')).toBeNull();
    await expectAppError(bookingSeries(anonCtx(T0), res.seriesBookingIds[0]), 'FORBIDDEN');
    void opsUser;
    void otherAdmin;
    void categoryId;
  });

  it('is null for a single booking', async () => {
    const res = await createBooking(await ctxFor(customer, T0), {
      serviceId: provider.serviceId, type: 'scheduled', startsAt: at(30 * H).toISOString(),
      location: { lon: HOME[0], lat: HOME[1] }, addressLine: '1 Test Street, London', paymentMethod: 'pm_card_visa',
    });
    expect(await bookingSeries(await ctxFor(customer, T0), res.booking.id)).toBeNull();
  });
});
