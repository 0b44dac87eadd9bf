import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { bookings, servicemanExceptions, servicemanHours, servicemanTimeOff, servicemen, services } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { makeCategory, makeZone } from '@/lib/geo/test-geo-fixtures';
import { expectAppError, makeUser } from '@/test/factories';
import { alternativeSlots, availableSlots, pickCrew } from './queries';
import { localTime } from '@/lib/core/zoned-time';

// Thursday 2026-01-15 in London (GMT): the crew works 09:00–17:00 Monday to Friday.
const DAY = '2026-01-15';
const NOW = new Date('2026-01-14T12:00:00Z');
let orgA: string;
let customerId: string;
let zoneId: string;
let serviceId: string;
let crew3ServiceId: string;
let draftServiceId: string;
let lead1: string;
let lead2: string;
let support: string;
let unskilled: string;

async function addServiceman(opts: { name: string; skills: string[]; canLead?: boolean; timeZone?: string; hours?: Array<[number, string, string]>; status?: 'active' | 'inactive' }) {
  const id = newId();
  await db().insert(servicemen).values({ id, providerOrgId: orgA, displayName: opts.name, skills: opts.skills, canLead: opts.canLead ?? true, timeZone: opts.timeZone ?? 'Europe/London', status: opts.status ?? 'active' });
  const hours = opts.hours ?? [1, 2, 3, 4, 5].map((d) => [d, '09:00', '17:00'] as [number, string, string]);
  for (const [weekday, startsAt, endsAt] of hours) await db().insert(servicemanHours).values({ id: newId(), servicemanId: id, weekday, startsAt, endsAt });
  return id;
}

async function addService(categoryId: string, p: Partial<typeof services.$inferInsert> = {}) {
  const id = newId();
  await db().insert(services).values({ id, providerOrgId: orgA, categoryId, title: `Service ${id.slice(-4)}`, priceMinor: 5000n, currency: 'GBP', durationMinutes: 60, status: 'active', ...p });
  return id;
}

async function assign(servicemanId: string, start: string, end: string, active = true) {
  const bookingId = newId();
  await db().insert(bookings).values({
    id: bookingId,
    reference: `T-${bookingId.slice(-8)}`,
    customerId,
    providerOrgId: orgA,
    serviceId,
    zoneId,
    type: 'scheduled',
    status: 'scheduled',
    startsAt: new Date(start),
    endsAt: new Date(end),
    durationMinutes: 60,
    location: JSON.stringify({ type: 'Point', coordinates: [-0.1, 51.5] }),
    addressLine: '1 Test Street',
    timeZone: 'Europe/London',
    currency: 'GBP',
    providerCurrency: 'GBP',
    providerPriceMinor: 5000n,
    priceMinor: 5000n,
    serviceFeeMinor: 0n,
    taxMinor: 0n,
    taxRateBp: 0,
    taxInclusive: true,
    totalMinor: 5000n,
  });
  await db().execute(sql`insert into booking_assignments (id, booking_id, serviceman_id, role, "window", active) values (${newId()}, ${bookingId}, ${servicemanId}, 'lead', tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)'), ${active})`);
  return bookingId;
}

const labels = (slots: { startsAt: string }[]) => slots.map((s) => localTime(new Date(s.startsAt), 'Europe/London'));

beforeAll(async () => {
  const admin = await makeUser(['provider_admin']);
  orgA = admin.orgs.provider!;
  customerId = (await makeUser(['customer'])).id;
  const platform = (await makeUser(['operations'])).orgs.platform!;
  zoneId = (await makeZone({ ownerOrgId: platform, box: [-0.2, 51.4, 0.0, 51.6] })).id;
  const cat = await makeCategory();
  const other = await makeCategory();
  serviceId = await addService(cat.id, { bufferBeforeMinutes: 0, bufferAfterMinutes: 30 });
  crew3ServiceId = await addService(cat.id, { crewSize: 3 });
  draftServiceId = await addService(cat.id, { status: 'draft' });
  lead1 = await addServiceman({ name: 'Lead One', skills: [cat.slug] });
  lead2 = await addServiceman({ name: 'Lead Two', skills: [cat.slug, other.slug] });
  support = await addServiceman({ name: 'Support', skills: [cat.slug], canLead: false });
  unskilled = await addServiceman({ name: 'Other trade', skills: [other.slug] });
  await addServiceman({ name: 'Inactive', skills: [cat.slug], status: 'inactive' });
});

describe('availableSlots on a real crew', () => {
  it('offers the crew’s hours with buffers, per date, in the display zone', async () => {
    const r = await availableSlots(db(), { serviceId, from: DAY, days: 3, at: NOW });
    expect(r.timeZone).toBe('Europe/London');
    expect(r.days.map((d) => d.date)).toEqual(['2026-01-15', '2026-01-16', '2026-01-17']);
    const thu = labels(r.days[0].slots);
    // 60 min + 30 min buffer after must end by 17:00 → last start 15:30.
    expect(thu[0]).toBe('09:00');
    expect(thu[thu.length - 1]).toBe('15:30');
    expect(r.days[2].slots).toEqual([]); // Saturday: nobody works
    expect([lead1, lead2]).toContain(r.days[0].slots[0].servicemanIds[0]);
    const ny = await availableSlots(db(), { serviceId, from: DAY, days: 1, timeZone: 'America/New_York', at: NOW });
    expect(ny.timeZone).toBe('America/New_York');
    expect(localTime(new Date(ny.days[0].slots[0].startsAt), 'America/New_York')).toBe('04:00');
  });

  it('a busy assignment removes slots only when every eligible person is taken', async () => {
    await assign(lead1, '2026-01-15T10:00:00Z', '2026-01-15T11:30:00Z');
    let thu = (await availableSlots(db(), { serviceId, from: DAY, days: 1, at: NOW })).days[0].slots;
    const at10 = thu.find((s) => s.startsAt === '2026-01-15T10:00:00.000Z')!;
    expect(at10.servicemanIds).toEqual([lead2]);
    await assign(lead2, '2026-01-15T10:00:00Z', '2026-01-15T11:30:00Z');
    // The support member cannot lead, so nothing at 10:00 now.
    thu = (await availableSlots(db(), { serviceId, from: DAY, days: 1, at: NOW })).days[0].slots;
    expect(labels(thu)).not.toContain('10:00');
    expect(labels(thu)).not.toContain('09:00'); // would run into the 10:00 jobs with its buffer
    expect(labels(thu)).toContain('11:30');
    // A released (inactive) assignment does not block.
    await assign(lead1, '2026-01-16T09:00:00Z', '2026-01-16T17:00:00Z', false);
    const fri = (await availableSlots(db(), { serviceId, from: '2026-01-16', days: 1, at: NOW })).days[0].slots;
    expect(labels(fri)[0]).toBe('09:00');
  });

  it('crew of 3 needs three eligible people including a lead', async () => {
    const fri = (await availableSlots(db(), { serviceId: crew3ServiceId, from: '2026-01-16', days: 1, at: NOW })).days[0].slots;
    expect(fri.length).toBeGreaterThan(0);
    expect(fri[0].servicemanIds[0]).toBe([lead1, lead2].sort()[0]);
    expect(new Set(fri[0].servicemanIds)).toEqual(new Set([lead1, lead2, support]));
    expect(fri[0].servicemanIds).not.toContain(unskilled);
  });

  it('min notice, draft services and bad input', async () => {
    const r = await availableSlots(db(), { serviceId, from: DAY, days: 1, at: new Date('2026-01-15T13:10:00Z') });
    expect(labels(r.days[0].slots)[0]).toBe('13:30');
    await expectAppError(availableSlots(db(), { serviceId: draftServiceId, from: DAY, days: 1, at: NOW }), 'NOT_FOUND');
    await expectAppError(availableSlots(db(), { serviceId: newId(), from: DAY, days: 1, at: NOW }), 'NOT_FOUND');
    await expectAppError(availableSlots(db(), { serviceId: 'not-a-uuid', from: DAY, days: 1, at: NOW }), 'NOT_FOUND');
    let err = await expectAppError(availableSlots(db(), { serviceId, from: DAY, days: 15, at: NOW }), 'VALIDATION');
    expect(err.details.fieldErrors?.days).toBeTruthy();
    err = await expectAppError(availableSlots(db(), { serviceId, from: '2026-13-01', days: 1, at: NOW }), 'VALIDATION');
    expect(err.details.fieldErrors?.from).toBeTruthy();
    err = await expectAppError(availableSlots(db(), { serviceId, from: DAY, days: 1, timeZone: 'Nowhere/City', at: NOW }), 'VALIDATION');
    expect(err.details.fieldErrors?.timeZone).toBeTruthy();
  });
});

describe('pickCrew', () => {
  it('respects skills, time off, exceptions and busy windows', async () => {
    // Monday 2026-01-19, 09:00–10:00 (+30 min buffer).
    const startsAt = new Date('2026-01-19T09:00:00Z');
    const endsAt = new Date('2026-01-19T10:00:00Z');
    const first = await pickCrew(db(), { serviceId, startsAt, endsAt, at: NOW });
    const [a, b] = [lead1, lead2].sort();
    expect(first).toEqual({ leadId: a, supportIds: [] });
    await db().insert(servicemanTimeOff).values({ id: newId(), servicemanId: a, startsAt: new Date('2026-01-19T00:00:00Z'), endsAt: new Date('2026-01-20T00:00:00Z') });
    expect(await pickCrew(db(), { serviceId, startsAt, endsAt, at: NOW })).toEqual({ leadId: b, supportIds: [] });
    await db().insert(servicemanExceptions).values({ id: newId(), servicemanId: b, onDate: '2026-01-19', kind: 'unavailable', startsAt: '09:30', endsAt: '12:00' });
    expect(await pickCrew(db(), { serviceId, startsAt, endsAt, at: NOW })).toBeNull();
    // Extra hours on a Saturday make b bookable then.
    await db().insert(servicemanExceptions).values({ id: newId(), servicemanId: b, onDate: '2026-01-24', kind: 'extra_hours', startsAt: '08:00', endsAt: '12:00' });
    expect(await pickCrew(db(), { serviceId, startsAt: new Date('2026-01-24T09:00:00Z'), endsAt: new Date('2026-01-24T10:00:00Z'), at: NOW })).toEqual({ leadId: b, supportIds: [] });
    // exclude: people found taken after locking are skipped.
    expect(await pickCrew(db(), { serviceId, startsAt: new Date('2026-01-20T09:00:00Z'), endsAt: new Date('2026-01-20T10:00:00Z'), at: NOW, exclude: [a] })).toEqual({ leadId: b, supportIds: [] });
    // The buffer after the job must also be free: b is busy from 10:15 on Tuesday.
    await assign(b, '2026-01-20T10:15:00Z', '2026-01-20T11:00:00Z');
    expect(await pickCrew(db(), { serviceId, startsAt: new Date('2026-01-20T09:00:00Z'), endsAt: new Date('2026-01-20T10:00:00Z'), at: NOW, exclude: [a] })).toBeNull();
  });

  it('a crew of 3 with support', async () => {
    const r = await pickCrew(db(), { serviceId: crew3ServiceId, startsAt: new Date('2026-01-21T13:00:00Z'), endsAt: new Date('2026-01-21T14:00:00Z'), at: NOW });
    expect(r?.supportIds).toHaveLength(2);
    expect(new Set([r!.leadId, ...r!.supportIds])).toEqual(new Set([lead1, lead2, support]));
  });
});

describe('alternativeSlots', () => {
  it('lists the next free slots after a taken one', async () => {
    const near = new Date('2026-01-15T10:00:00Z');
    const alt = await alternativeSlots(db(), { serviceId, near, at: NOW });
    expect(alt).toHaveLength(5);
    expect(alt.every((s) => Date.parse(s.startsAt) > near.getTime())).toBe(true);
    expect(labels(alt)[0]).toBe('11:30');
    const late = await alternativeSlots(db(), { serviceId, near: new Date('2026-01-16T16:00:00Z'), at: NOW, limit: 2 });
    // Friday is over; on Monday one lead is on time off all day and the other away 09:30–12:00.
    expect(late.map((s) => s.startsAt)).toEqual(['2026-01-19T12:00:00.000Z', '2026-01-19T12:30:00.000Z']);
  });
});
