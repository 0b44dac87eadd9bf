import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bookingAssignments, commissionRules, servicemanHours, servicemen, services, taxRates } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { cancelBooking } from './cancel-booking';
import { createBooking } from './create-booking';
import { slotCertainlyTaken } from './slot-gate';

// Monday 1 June 2026, 08:00 UTC. Servicemen work 06:00–22:00 London every day.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const HOME: [number, number] = [-0.1, 51.5];
let serviceId: string;
let pairServiceId: string;
let customer: string;

beforeAll(async () => {
  const platform = await makeOrg('platform');
  const zoneId = (await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.05) })).id;
  const cat = await makeCategory();
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  const org = await makeProvider({ base: HOME });
  const mk = async (crewSize: number) => {
    const id = newId();
    await db().insert(services).values({
      id, providerOrgId: org.id, categoryId: cat.id, title: `Gate ${crewSize}`, priceMinor: 10000n, currency: 'GBP', taxInclusive: false,
      durationMinutes: 60, crewSize, bufferBeforeMinutes: 30, bufferAfterMinutes: 30, minNoticeMinutes: 60, status: 'active',
    });
    await cover({ providerOrgId: org.id, zoneId, serviceId: id });
    return id;
  };
  serviceId = await mk(1);
  pairServiceId = await mk(2);
  for (const name of ['Ann', 'Ben']) {
    const id = newId();
    await db().insert(servicemen).values({ id, providerOrgId: org.id, displayName: name, skills: [cat.slug], timeZone: 'Europe/London', basePoint: JSON.stringify({ type: 'Point', coordinates: HOME }) });
    for (let weekday = 1; weekday <= 7; weekday++) await db().insert(servicemanHours).values({ id: newId(), servicemanId: id, weekday, startsAt: '06:00', endsAt: '22:00' });
  }
  customer = (await makeUser(['customer'])).id;
});

const book = (sid: string, startsAt: Date) => ({
  serviceId: sid, type: 'scheduled', startsAt: startsAt.toISOString(), location: { lon: HOME[0], lat: HOME[1] }, addressLine: '1 Gate Street, London', paymentMethod: 'pm_card_visa',
});

describe('slot gate (hot-slot traffic control)', () => {
  it('says "taken" only when too few qualified servicemen are unbooked for the window, buffers included', async () => {
    const start = new Date(T0.getTime() + 2 * 24 * H); // Wed 08:00Z
    expect(await slotCertainlyTaken(db(), serviceId, start)).toBe(false);
    const ctx = await ctxFor(customer, T0);
    const first = await createBooking(ctx, book(serviceId, start));
    // One of two servicemen booked: a one-person slot is still possible, a pair is not.
    expect(await slotCertainlyTaken(db(), serviceId, start)).toBe(false);
    expect(await slotCertainlyTaken(db(), pairServiceId, start)).toBe(true);
    await createBooking(ctx, book(serviceId, start));
    expect(await slotCertainlyTaken(db(), serviceId, start)).toBe(true);
    // Buffers: 08:00–09:00 occupies 07:30–09:30; a 10:00 start (09:30 with its buffer) is adjacent, not overlapping.
    expect(await slotCertainlyTaken(db(), serviceId, new Date(start.getTime() + 90 * 60_000))).toBe(true);
    expect(await slotCertainlyTaken(db(), serviceId, new Date(start.getTime() + 2 * H))).toBe(false);
    // A third request is refused before any work, with the alternatives link; nothing is saved.
    const err = await expectAppError(createBooking(ctx, book(serviceId, start)), 'CONFLICT');
    expect(err.details.alternativesUrl).toContain(`/api/v1/services/${serviceId}/alternatives`);
    // Cancelling frees the window again: the gate reads live assignments, nothing is cached.
    await cancelBooking(ctx, { bookingId: first.booking.id });
    expect(await slotCertainlyTaken(db(), serviceId, start)).toBe(false);
    const active = await db().select().from(bookingAssignments).where(eq(bookingAssignments.active, true));
    expect(active).toHaveLength(1);
  });

  it('an unknown service is left to the full path (which names the field)', async () => {
    expect(await slotCertainlyTaken(db(), newId(), new Date(T0.getTime() + 3 * 24 * H))).toBe(false);
    await expectAppError(createBooking(await ctxFor(customer, T0), book(newId(), new Date(T0.getTime() + 3 * 24 * H))), 'VALIDATION');
  });
});
