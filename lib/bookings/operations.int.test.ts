import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, bookingDeadlines, bookingStatusChanges, commissionRules, domainEvents, mailMessages, notifications, servicemanHours, servicemen, services, taxRates } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { around, cover, makeCategory, makeProvider, makeZone } from '@/lib/geo/test-geo-fixtures';
import { ctxFor, expectAppError, makeOrg, makeUser } from '@/test/factories';
import { cancelBooking } from './cancel-booking';
import { createBooking } from './create-booking';
import { confirmRequest } from './provider-verbs';
import { reassignCandidates, reassignCrew } from './reassign-crew';
import { rescheduleBooking } from './reschedule-booking';
import { sweepDeadlines } from './sweeper';
import { checkIn, completeBooking, markOnTheWay } from './work';

// Monday 1 June 2026, 08:00 UTC (09:00 BST). Servicemen work 06:00–22:00 London every day.
const T0 = new Date('2026-06-01T08:00:00Z');
const H = 3_600_000;
const MIN = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOME: [number, number] = [-1.9, 52.48];

let categorySlug: string;
let categoryId: string;
let zoneId: string;
let org1: { id: string; serviceId: string; confirmServiceId: string; adminId: string; sm: Array<{ id: string; userId: string }> };
let org2: { id: string; adminId: string; sm: { id: string; userId: string } };
let customer: string;
let opsUser: string;

async function makeService(providerOrgId: string, title: string, requiresConfirmation = false) {
  const id = newId();
  await db().insert(services).values({
    id,
    providerOrgId,
    categoryId,
    title,
    priceMinor: 10000n,
    currency: 'GBP',
    taxInclusive: false,
    durationMinutes: 60,
    crewSize: 1,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 60,
    requiresConfirmation,
    confirmationWindowMinutes: 60,
    status: 'active',
  });
  await cover({ providerOrgId, zoneId, serviceId: id });
  return id;
}

async function makeServiceman(providerOrgId: string, name: string) {
  const user = await makeUser(['serviceman'], { orgs: { provider: providerOrgId } });
  const id = newId();
  await db()
    .insert(servicemen)
    .values({ id, providerOrgId, userId: user.id, displayName: name, skills: [categorySlug], timeZone: 'Europe/London', basePoint: JSON.stringify({ type: 'Point', coordinates: HOME }) });
  for (let weekday = 1; weekday <= 7; weekday++) await db().insert(servicemanHours).values({ id: newId(), servicemanId: id, weekday, startsAt: '06:00', endsAt: '22:00' });
  return { id, userId: user.id };
}

beforeAll(async () => {
  const platform = await makeOrg('platform');
  zoneId = (await makeZone({ ownerOrgId: platform.id, box: around(HOME[0], HOME[1], 0.05) })).id;
  const cat = await makeCategory();
  categorySlug = cat.slug;
  categoryId = cat.id;
  await db().insert(taxRates).values({ id: newId(), region: 'GB', name: 'VAT', rateBp: 2000, effectiveFrom: new Date('2020-01-01T00:00:00Z') }).onConflictDoNothing();
  await db().insert(commissionRules).values({ id: newId(), kind: 'service_fee', name: 'Default', rateBp: 250, effectiveFrom: new Date('2020-01-01T00:00:00Z') });

  const o1 = await makeProvider({ base: HOME });
  const serviceId = await makeService(o1.id, 'Boiler service');
  const confirmServiceId = await makeService(o1.id, 'Gas safety check', true);
  const admin1 = await makeUser(['provider_admin'], { orgs: { provider: o1.id } });
  org1 = { id: o1.id, serviceId, confirmServiceId, adminId: admin1.id, sm: [await makeServiceman(o1.id, 'Alex'), await makeServiceman(o1.id, 'Cam')] };

  const o2 = await makeProvider({ base: HOME });
  await makeService(o2.id, 'Other provider');
  const admin2 = await makeUser(['provider_admin'], { orgs: { provider: o2.id } });
  org2 = { id: o2.id, adminId: admin2.id, sm: await makeServiceman(o2.id, 'Bea') };

  customer = (await makeUser(['customer'])).id;
  opsUser = (await makeUser(['operations'], { orgs: { platform: platform.id } })).id;
});

const scheduled = (startsAt: Date, serviceId = org1.serviceId) => ({
  serviceId,
  type: 'scheduled',
  startsAt: startsAt.toISOString(),
  location: { lon: HOME[0], lat: HOME[1] },
  addressLine: '2 Ops Street, Birmingham',
  paymentMethod: 'pm_card_visa',
});

async function book(startsAt: Date, now = T0, serviceId?: string) {
  return (await createBooking(await ctxFor(customer, now), scheduled(startsAt, serviceId))).booking;
}

const other = (id: string) => org1.sm.find((s) => s.id !== id)!;
const byId = (id: string) => org1.sm.find((s) => s.id === id)!;

async function pendingReminders(bookingId: string) {
  return db().select().from(bookingDeadlines).where(and(eq(bookingDeadlines.bookingId, bookingId), eq(bookingDeadlines.kind, 'reminder'), eq(bookingDeadlines.status, 'pending')));
}

describe('reassignCrew (operations)', () => {
  it('moves the crew within the provider, with the reason in the audit row and on the timeline; everyone is told', async () => {
    const b = await book(at(50 * H));
    const oldLead = b.crew[0].servicemanId;
    const newLead = other(oldLead);
    const ops = await ctxFor(opsUser, T0);

    const list = await reassignCandidates(ops, { bookingId: b.id });
    expect(list.candidates.map((c) => c.name).sort()).toEqual(['Alex', 'Cam']); // never the other provider's Bea
    expect(list.candidates.every((c) => c.free)).toBe(true); // the current crew is free for its own window
    expect(list.candidates.find((c) => c.id === oldLead)?.current).toBe('lead');

    const out = await reassignCrew(ops, { bookingId: b.id, leadId: newLead.id, reason: 'Arrival SLA at risk: lead stuck on a job' });
    expect(out).toMatchObject({ status: 'scheduled', servicemanIds: [newLead.id] });

    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.entityId, b.id), eq(auditLog.action, 'bookings.reassign_crew')));
    expect(audit.data).toMatchObject({ reason: 'Arrival SLA at risk: lead stuck on a job', servicemanIds: [newLead.id], previous: [oldLead] });
    const history = await db().select().from(bookingStatusChanges).where(eq(bookingStatusChanges.bookingId, b.id));
    // The customer reads the timeline: the reason (internal) stays in the audit row only.
    expect(history.map((h) => h.note)).toContain('crew reassigned by operations');
    expect(history.map((h) => h.note).join(' ')).not.toContain('lead stuck');

    const notes = await db().select().from(notifications).where(sql`${notifications.businessKey} like ${`booking:${b.id}:%`}`);
    expect(notes.find((n) => n.userId === byId(oldLead).userId && n.kind === 'booking.unassigned')).toBeDefined();
    expect(notes.find((n) => n.userId === newLead.userId && n.kind === 'booking.assigned')).toBeDefined();
    expect(notes.find((n) => n.userId === customer && n.title === 'Your crew has changed')).toBeDefined();
    const [ev] = await db().select().from(domainEvents).where(and(eq(domainEvents.name, 'booking.crew_assigned'), sql`${domainEvents.payload}->>'via' = 'operations'`, sql`${domainEvents.payload}->>'bookingId' = ${b.id}`));
    expect(ev).toBeDefined();

    const after = await reassignCandidates(ops, { bookingId: b.id });
    expect(after.candidates.find((c) => c.id === newLead.id)?.current).toBe('lead');
  });

  it("refuses another provider's serviceman (naming the field), a busy one (409), and a missing reason", async () => {
    const ops = await ctxFor(opsUser, T0);
    const b1 = await book(at(74 * H));
    const b2 = await book(at(74 * H)); // takes the other serviceman
    const foreign = await expectAppError(reassignCrew(ops, { bookingId: b1.id, leadId: org2.sm.id, reason: 'try another provider' }), 'VALIDATION');
    expect(Object.keys(foreign.details.fieldErrors ?? {})).toContain('leadId');
    const foreignSupport = await expectAppError(reassignCrew(ops, { bookingId: b1.id, leadId: b1.crew[0].servicemanId, supportIds: [org2.sm.id], reason: 'x'.repeat(5) }), 'VALIDATION');
    expect(Object.keys(foreignSupport.details.fieldErrors ?? {}).join(' ')).toMatch(/supportIds/);

    const busy = await expectAppError(reassignCrew(ops, { bookingId: b1.id, leadId: b2.crew[0].servicemanId, reason: 'swap them' }), 'CONFLICT');
    expect(busy.details.busyServicemanIds).toEqual([b2.crew[0].servicemanId]);
    const list = await reassignCandidates(ops, { bookingId: b1.id });
    expect(list.candidates.find((c) => c.id === b2.crew[0].servicemanId)?.free).toBe(false);

    const noReason = await expectAppError(reassignCrew(ops, { bookingId: b1.id, leadId: b1.crew[0].servicemanId }), 'VALIDATION');
    expect(Object.keys(noReason.details.fieldErrors ?? {})).toContain('reason');
    // The failed attempts changed nothing.
    const still = await reassignCandidates(ops, { bookingId: b1.id });
    expect(still.candidates.find((c) => c.current === 'lead')?.id).toBe(b1.crew[0].servicemanId);
  });

  it('is for operations only: customer, provider admins and servicemen (any tenant) are refused', async () => {
    const b = await book(at(98 * H));
    const input = { bookingId: b.id, leadId: other(b.crew[0].servicemanId).id, reason: 'not yours to do' };
    for (const user of [customer, org1.adminId, org2.adminId, org2.sm.userId, org1.sm[0].userId]) {
      await expectAppError(reassignCrew(await ctxFor(user, T0), input), 'FORBIDDEN');
      await expectAppError(reassignCandidates(await ctxFor(user, T0), { bookingId: b.id }), 'FORBIDDEN');
    }
    await expectAppError(reassignCrew(await ctxFor(opsUser, T0), { ...input, bookingId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND');
  });

  it('a cancelled or completed booking cannot get a new crew (409 naming from and to)', async () => {
    const ops = await ctxFor(opsUser, T0);
    const c = await book(at(122 * H));
    await cancelBooking(await ctxFor(customer, at(MIN)), { bookingId: c.id });
    const cancelled = await expectAppError(reassignCrew(ops, { bookingId: c.id, leadId: org1.sm[0].id, reason: 'too late' }), 'CONFLICT');
    expect(cancelled.details).toMatchObject({ from: 'cancelled', to: 'scheduled' });

    const d = await book(at(146 * H));
    const lead = byId(d.crew[0].servicemanId);
    await checkIn(await ctxFor(lead.userId, at(146 * H)), { bookingId: d.id });
    await completeBooking(await ctxFor(lead.userId, at(147 * H)), { bookingId: d.id });
    const done = await expectAppError(reassignCrew(await ctxFor(opsUser, at(148 * H)), { bookingId: d.id, leadId: other(lead.id).id, reason: 'too late' }), 'CONFLICT');
    expect(done.details).toMatchObject({ from: 'completed', to: 'scheduled' });

    // The receipt reads like a product's: formatted money, the booking's local time.
    const [receipt] = await db().select().from(mailMessages).where(and(eq(mailMessages.template, 'booking.receipt'), sql`${mailMessages.textBody} like ${`%${d.reference}%`}`));
    expect(receipt.textBody).toContain('Total: £123'); // whole amounts without decimals, as on the booking pages
    expect(receipt.textBody).toContain('Service fee: £2.50');
    expect(receipt.textBody).not.toContain('minor units');
    expect(receipt.textBody).toMatch(/BST/);
    const [cancelMail] = await db().select().from(mailMessages).where(and(eq(mailMessages.template, 'booking.cancelled'), sql`${mailMessages.textBody} like ${`%${c.reference}%`}`));
    expect(cancelMail.textBody).toContain('11:00 BST'); // 10:00Z on 6 June, in London
    expect(cancelMail.textBody).not.toContain('minor units');
  });
});

describe('reminders', () => {
  it('a confirmed request gets a reminder at start − 24 h; a reschedule moves it; none when less than 24 h away', async () => {
    const start = at(7 * 24 * H + 2 * H); // Mon 8 June 10:00Z
    const b = await book(start, T0, org1.confirmServiceId);
    expect(b.status).toBe('pending');
    await confirmRequest(await ctxFor(org1.adminId, at(10 * MIN)), { bookingId: b.id });
    let rem = await pendingReminders(b.id);
    expect(rem.map((r) => r.dueAt.toISOString())).toEqual([new Date(start.getTime() - 24 * H).toISOString()]);

    const moved = new Date(start.getTime() + 24 * H);
    await rescheduleBooking(await ctxFor(customer, at(20 * MIN)), { bookingId: b.id, startsAt: moved.toISOString() });
    rem = await pendingReminders(b.id);
    expect(rem.map((r) => r.dueAt.toISOString())).toEqual([new Date(moved.getTime() - 24 * H).toISOString()]);
    const cancelledRows = await db().select().from(bookingDeadlines).where(and(eq(bookingDeadlines.bookingId, b.id), eq(bookingDeadlines.kind, 'reminder'), eq(bookingDeadlines.status, 'cancelled')));
    expect(cancelledRows).toHaveLength(1);

    // Moved to 22 hours from now (07:00 BST tomorrow): no reminder (the confirmation is the reminder).
    await rescheduleBooking(await ctxFor(customer, at(30 * MIN)), { bookingId: b.id, startsAt: at(22 * H).toISOString() });
    expect(await pendingReminders(b.id)).toHaveLength(0);
  });

  it('the sweeper sends it once: customer mail + notice, crew notice, in the booking zone’s time; a cancelled booking gets nothing', async () => {
    const start = at(9 * 24 * H + 2 * H); // Wed 10 June 10:00Z = 11:00 BST
    const b = await book(start);
    const lead = byId(b.crew[0].servicemanId);
    // Crew assigned by operations → the reminder appears (and re-assigning keeps ONE reminder).
    await reassignCrew(await ctxFor(opsUser, T0), { bookingId: b.id, leadId: other(lead.id).id, reason: 'rebalancing the week' });
    await reassignCrew(await ctxFor(opsUser, at(MIN)), { bookingId: b.id, leadId: lead.id, reason: 'back to the usual crew' });
    const [rem] = await pendingReminders(b.id);
    expect(rem.dueAt.toISOString()).toBe(new Date(start.getTime() - 24 * H).toISOString());
    expect(await pendingReminders(b.id)).toHaveLength(1);

    const gone = await book(at(9 * 24 * H + 5 * H));
    await reassignCrew(await ctxFor(opsUser, T0), { bookingId: gone.id, leadId: other(gone.crew[0].servicemanId).id, reason: 'rebalancing the week' });
    await cancelBooking(await ctxFor(customer, at(2 * MIN)), { bookingId: gone.id });
    expect(await pendingReminders(gone.id)).toHaveLength(0);

    const mails = () => db().select().from(mailMessages).where(eq(mailMessages.template, 'booking.reminder'));
    await sweepDeadlines(new Date(rem.dueAt.getTime() - MIN)); // earlier tests' reminders go out here
    expect(await pendingReminders(b.id)).toHaveLength(1);
    expect((await mails()).some((m) => m.textBody.includes(b.reference))).toBe(false);
    const runs = await Promise.all([sweepDeadlines(new Date(rem.dueAt.getTime() + MIN)), sweepDeadlines(new Date(rem.dueAt.getTime() + MIN))]);
    expect(runs.reduce((n, r) => n + r.remindersSent, 0)).toBe(1);
    await sweepDeadlines(new Date(rem.dueAt.getTime() + 5 * H)); // covers the cancelled one's due time too
    const sent = (await mails()).filter((m) => m.textBody.includes(b.reference));
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Reminder: Boiler service tomorrow at 11:00 BST');
    expect((await mails()).some((m) => m.textBody.includes(gone.reference))).toBe(false);
    const notes = await db().select().from(notifications).where(and(eq(notifications.kind, 'booking.reminder'), sql`${notifications.businessKey} like ${`booking:${b.id}:%`}`));
    expect(notes.filter((n) => n.userId === customer)).toHaveLength(1);
    expect(notes.filter((n) => n.userId === customer)[0].title).toBe('Reminder: Boiler service tomorrow at 11:00 BST');
    expect(notes.filter((n) => n.userId === lead.userId)).toHaveLength(1);
    const [row] = await db().select().from(bookingDeadlines).where(eq(bookingDeadlines.id, rem.id));
    expect(row.status).toBe('met');
  });
});

describe('markOnTheWay', () => {
  it('only the active crew; the customer is told once; a second tap is the same answer', async () => {
    const b = await book(at(11 * 24 * H + 2 * H));
    const lead = byId(b.crew[0].servicemanId);
    const notCrew = other(lead.id);
    await expectAppError(markOnTheWay(await ctxFor(notCrew.userId, T0), { bookingId: b.id }), 'NOT_FOUND'); // cannot even see it
    await expectAppError(markOnTheWay(await ctxFor(org2.sm.userId, T0), { bookingId: b.id }), 'NOT_FOUND');
    await expectAppError(markOnTheWay(await ctxFor(customer, T0), { bookingId: b.id }), 'FORBIDDEN');
    await expectAppError(markOnTheWay(await ctxFor(org1.adminId, T0), { bookingId: b.id }), 'FORBIDDEN');
    await expectAppError(markOnTheWay(await ctxFor(lead.userId, T0), { bookingId: 'nope' }), 'VALIDATION');

    const first = await markOnTheWay(await ctxFor(lead.userId, at(11 * 24 * H + H)), { bookingId: b.id });
    const second = await markOnTheWay(await ctxFor(lead.userId, at(11 * 24 * H + H + 2 * MIN)), { bookingId: b.id });
    expect(first.repeated).toBe(false);
    expect(second).toMatchObject({ repeated: true, onTheWayAt: first.onTheWayAt });
    const mails = await db().select().from(mailMessages).where(and(eq(mailMessages.template, 'booking.on_the_way'), sql`${mailMessages.subject} like ${`%${b.reference}%`}`));
    expect(mails).toHaveLength(1);
    expect(mails[0].textBody).toContain('11:00 BST');
    const events = await db().select().from(domainEvents).where(and(eq(domainEvents.name, 'booking.crew_on_the_way'), sql`${domainEvents.payload}->>'bookingId' = ${b.id}`));
    expect(events).toHaveLength(1);
    const notes = await db().select().from(notifications).where(and(eq(notifications.userId, customer), eq(notifications.kind, 'booking.on_the_way')));
    expect(notes.filter((n) => n.body.includes(b.reference))).toHaveLength(1);
    const history = await db().select().from(bookingStatusChanges).where(eq(bookingStatusChanges.bookingId, b.id));
    expect(history.filter((h) => h.note === 'crew on the way')).toHaveLength(1);

    // Someone taken off the job is no longer its crew.
    await reassignCrew(await ctxFor(opsUser, at(11 * 24 * H + H + 5 * MIN)), { bookingId: b.id, leadId: notCrew.id, reason: 'lead fell ill' });
    await expectAppError(markOnTheWay(await ctxFor(lead.userId, at(11 * 24 * H + H + 6 * MIN)), { bookingId: b.id }), 'FORBIDDEN');
    // The new crew's "on the way" is news again.
    expect((await markOnTheWay(await ctxFor(notCrew.userId, at(11 * 24 * H + H + 7 * MIN)), { bookingId: b.id })).repeated).toBe(false);

    await checkIn(await ctxFor(notCrew.userId, at(11 * 24 * H + 2 * H)), { bookingId: b.id });
    const late = await expectAppError(markOnTheWay(await ctxFor(notCrew.userId, at(11 * 24 * H + 2 * H + MIN)), { bookingId: b.id }), 'CONFLICT');
    expect(late.details).toMatchObject({ from: 'in_progress' });
  });
});
