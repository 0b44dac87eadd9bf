import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bookingDeadlines, commissionRules, servicemanHours, servicemen, services, taxRates } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { createBooking } from './create-booking';
import { myJobs } from './my-jobs';
import { slaBoard } from './sla-board';

// Monday 1 June 2026 (far from other suites' bookings); fixtures in their own zone.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const HOME: [number, number] = [-2.6, 51.45];
let ops: Ctx;
let admin: Ctx;
let zoneId: string;
let bookingId: string;
let sm: Ctx;
let cust: Ctx;

beforeAll(async () => {
  const platform = await makeOrg('platform');
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.05) })).id;
  const cat = await makeCategory();
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') }).onConflictDoNothing();
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });
  const org = await makeProvider({ base: HOME });
  const serviceId = newId();
  await db().insert(services).values({ id: serviceId, providerOrgId: org.id, categoryId: cat.id, title: 'SLA test', priceMinor: 5000n, currency: 'GBP', taxInclusive: false, durationMinutes: 60, crewSize: 1, minNoticeMinutes: 60, status: 'active' });
  await cover({ providerOrgId: org.id, zoneId, serviceId });
  const smUser = await makeUser(['serviceman'], { orgs: { provider: org.id } });
  const smId = newId();
  await db().insert(servicemen).values({ id: smId, providerOrgId: org.id, userId: smUser.id, displayName: 'Sue', skills: [cat.slug], timeZone: 'Europe/London', basePoint: JSON.stringify({ type: 'Point', coordinates: HOME }) });
  for (let weekday = 1; weekday <= 7; weekday++) await db().insert(servicemanHours).values({ id: newId(), servicemanId: smId, weekday, startsAt: '06:00', endsAt: '22:00' });
  admin = await ctxFor((await makeUser(['provider_admin'], { orgs: { provider: org.id } })).id, T0);
  ops = await ctxFor((await makeUser(['operations'], { orgs: { platform: platform.id } })).id, T0);
  sm = await ctxFor(smUser.id, T0);
  const customer = await ctxFor((await makeUser(['customer'])).id, T0);
  cust = customer;
  const res = await createBooking(customer, { serviceId, type: 'scheduled', startsAt: new Date(T0.getTime() + 26 * H).toISOString(), location: { lon: HOME[0], lat: HOME[1] }, addressLine: '1 SLA Street, Bristol', paymentMethod: 'pm_card_visa' });
  bookingId = res.booking.id;
});

describe('slaBoard', () => {
  it('shows SLA deadlines due within the hour as at risk and open breached ones, filtered by zone and kind; operations only', async () => {
    await db().delete(bookingDeadlines).where(eq(bookingDeadlines.bookingId, bookingId));
    await db().insert(bookingDeadlines).values([
      { id: newId(), bookingId, kind: 'arrival_sla', dueAt: new Date(T0.getTime() + 30 * 60_000), status: 'pending' },
      { id: newId(), bookingId, kind: 'completion_sla', dueAt: new Date(T0.getTime() + 5 * H), status: 'pending' },
      { id: newId(), bookingId, kind: 'acceptance_sla', dueAt: new Date(T0.getTime() - 20 * 60_000), status: 'breached', resolvedAt: T0, escalatedAt: T0 },
      { id: newId(), bookingId, kind: 'reminder', dueAt: new Date(T0.getTime() + 10 * 60_000), status: 'pending' },
    ]);
    const board = await slaBoard(ops, { zoneId });
    expect(board.atRisk.map((r) => [r.kind, r.dueInMinutes])).toEqual([['arrival_sla', 30]]);
    expect(board.breached.map((r) => [r.kind, r.dueInMinutes, r.bookingId])).toEqual([['acceptance_sla', -20, bookingId]]);
    expect(board.atRisk[0]).toMatchObject({ zoneId, timeZone: 'Europe/London', serviceTitle: 'SLA test', bookingStatus: 'scheduled', crew: 'Sue', reassignable: true });
    expect((await slaBoard(ops, { zoneId, kind: 'arrival_sla' })).breached).toEqual([]);
    expect((await slaBoard(ops, { zoneId: newId() })).atRisk).toEqual([]);
    await expectAppError(slaBoard(ops, { kind: 'reminder' }), 'VALIDATION');
    await expectAppError(slaBoard(admin, {}), 'FORBIDDEN');
  });
});

describe('myJobs', () => {
  it("shows the serviceman his assigned job with its zone; nobody else's; customers are refused", async () => {
    const mine = await myJobs(sm);
    expect(mine.offers).toEqual([]);
    expect(mine.jobs.map((j) => [j.bookingId, j.role, j.status, j.timeZone, j.currency])).toEqual([[bookingId, 'lead', 'scheduled', 'Europe/London', 'GBP']]);
    expect(mine.jobs[0].providerPriceMinor).toBe(5000);
    await expectAppError(myJobs(cust), 'FORBIDDEN');
    await expectAppError(myJobs(admin), 'FORBIDDEN');
  });
});
