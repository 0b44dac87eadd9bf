import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, memberships, serviceCategories, servicemanExceptions, servicemanHours, servicemanTimeOff, servicemen } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { createServiceman } from './create-serviceman';
import { addException, addTimeOff, removeException, removeTimeOff } from './exceptions';
import { getServiceman, listMyServicemen, listServicemen } from './queries';
import { setWeeklyHours } from './set-weekly-hours';
import { setServicemanStatus, updateServiceman } from './update-serviceman';

let adminA: Ctx;
let orgA: string;
let adminB: Ctx;
let customer: Ctx;
let selfCtx: Ctx;
let selfEmail: string;
let otherServiceman: Ctx;
const skill = `electrical-${Date.now().toString(36)}`;

const audits = (entityId: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

beforeAll(async () => {
  await db().insert(serviceCategories).values({ id: newId(), slug: skill, name: 'Electrical' });
  const a = await makeUser(['provider_admin']);
  orgA = a.orgs.provider!;
  adminA = await ctxFor(a.id);
  adminB = await ctxFor((await makeUser(['provider_admin'])).id);
  customer = await ctxFor((await makeUser(['customer'])).id);
  const s = await makeUser(['customer']);
  selfEmail = s.email;
  otherServiceman = await ctxFor((await makeUser(['serviceman'], { orgs: { provider: orgA } })).id);
});

describe('crew members', () => {
  let linkedId: string;

  it('creates a crew member linked to an existing account, who gets the serviceman role', async () => {
    const { servicemanId } = await createServiceman(adminA, { displayName: 'Sam Spark', skills: `${skill}, ${skill}`, timeZone: 'Europe/London', canLead: 'on', email: selfEmail.toUpperCase() });
    linkedId = servicemanId;
    const [row] = await db().select().from(servicemen).where(eq(servicemen.id, servicemanId));
    expect(row).toMatchObject({ providerOrgId: orgA, skills: [skill], canLead: true, status: 'active' });
    const roles = await db().select().from(memberships).where(and(eq(memberships.userId, row.userId!), eq(memberships.role, 'serviceman')));
    expect(roles.map((r) => r.orgId)).toEqual([orgA]);
    expect(await audits(servicemanId, 'crew.create')).toHaveLength(1);
    selfCtx = await ctxFor(row.userId!);
    const mine = await listServicemen(selfCtx);
    expect(mine.map((m) => m.id)).toEqual([servicemanId]);
    expect(mine[0].isSelf).toBe(true);
    expect((await listMyServicemen(selfCtx)).map((m) => m.id)).toEqual([servicemanId]);
    await expectAppError(listMyServicemen(adminA), 'FORBIDDEN');
    expect((await listServicemen(adminA)).some((m) => m.id === servicemanId)).toBe(true);
    expect(await listServicemen(adminB)).toEqual([]);
  });

  it('validates with field errors and refuses other roles and tenants', async () => {
    let err = await expectAppError(createServiceman(adminA, { displayName: '', timeZone: 'Europe/London' }), 'VALIDATION');
    expect(err.details.fieldErrors?.displayName).toBeTruthy();
    err = await expectAppError(createServiceman(adminA, { displayName: 'X', timeZone: 'Mars/Base' }), 'VALIDATION');
    expect(err.details.fieldErrors?.timeZone).toBeTruthy();
    err = await expectAppError(createServiceman(adminA, { displayName: 'X', skills: ['no-such-skill'] }), 'VALIDATION');
    expect(err.details.fieldErrors?.skills).toBeTruthy();
    err = await expectAppError(createServiceman(adminA, { displayName: 'X', email: 'nobody-here@example.test' }), 'VALIDATION');
    expect(err.details.fieldErrors?.email).toBeTruthy();
    await expectAppError(createServiceman(adminA, { displayName: 'Again', email: selfEmail }), 'CONFLICT');
    await expectAppError(createServiceman(customer, { displayName: 'X' }), 'FORBIDDEN');
    await expectAppError(createServiceman(otherServiceman, { displayName: 'X' }), 'FORBIDDEN');
    await expectAppError(updateServiceman(adminB, { servicemanId: linkedId, displayName: 'Taken over' }), 'NOT_FOUND');
    await expectAppError(updateServiceman(selfCtx, { servicemanId: linkedId, displayName: 'Me' }), 'FORBIDDEN');
    await expectAppError(getServiceman(adminB, linkedId), 'NOT_FOUND');
    await expectAppError(getServiceman(otherServiceman, linkedId), 'NOT_FOUND');
  });

  it('updates and deactivates (admin only), with audit rows', async () => {
    const r = await updateServiceman(adminA, { servicemanId: linkedId, canLead: false, timeZone: 'America/New_York' });
    expect(r.fields.sort()).toEqual(['canLead', 'timeZone']);
    expect(await audits(linkedId, 'crew.update')).toHaveLength(1);
    await setServicemanStatus(adminA, { servicemanId: linkedId, status: 'inactive' });
    await setServicemanStatus(adminA, { servicemanId: linkedId, status: 'active' });
    await expectAppError(setServicemanStatus(adminA, { servicemanId: linkedId, status: 'invited' }), 'CONFLICT');
    await expectAppError(setServicemanStatus(adminB, { servicemanId: linkedId, status: 'inactive' }), 'NOT_FOUND');
    expect(await audits(linkedId, 'crew.set_status')).toHaveLength(2);
    await updateServiceman(adminA, { servicemanId: linkedId, timeZone: 'Europe/London', canLead: true });
  });

  it('weekly hours: replace all, the serviceman may edit his own, overlaps and order refused', async () => {
    await setWeeklyHours(adminA, { servicemanId: linkedId, hours: [{ weekday: 1, startsAt: '08:00', endsAt: '12:00' }] });
    const r = await setWeeklyHours(selfCtx, {
      servicemanId: linkedId,
      hours: [
        { weekday: 1, startsAt: '13:00', endsAt: '18:00' },
        { weekday: 1, startsAt: '08:00', endsAt: '12:00' },
        { weekday: 5, startsAt: '18:00', endsAt: '24:00' },
      ],
    });
    expect(r.count).toBe(3);
    const rows = await db().select().from(servicemanHours).where(eq(servicemanHours.servicemanId, linkedId));
    expect(rows).toHaveLength(3);
    expect(rows.find((x) => x.weekday === 5)?.endsAt).toMatch(/^24:00/);
    const detail = await getServiceman(selfCtx, linkedId);
    expect(detail.hours).toEqual([
      { weekday: 1, startsAt: '08:00', endsAt: '12:00' },
      { weekday: 1, startsAt: '13:00', endsAt: '18:00' },
      { weekday: 5, startsAt: '18:00', endsAt: '24:00' },
    ]);
    expect(detail.canEditProfile).toBe(false);
    expect(await audits(linkedId, 'crew.set_hours')).toHaveLength(2);

    let err = await expectAppError(setWeeklyHours(adminA, { servicemanId: linkedId, hours: [{ weekday: 2, startsAt: '10:00', endsAt: '09:00' }] }), 'VALIDATION');
    expect(err.details.fieldErrors?.['hours.0.endsAt']).toBeTruthy();
    err = await expectAppError(
      setWeeklyHours(adminA, { servicemanId: linkedId, hours: [{ weekday: 2, startsAt: '08:00', endsAt: '12:00' }, { weekday: 2, startsAt: '11:00', endsAt: '14:00' }] }),
      'VALIDATION',
    );
    expect(err.details.fieldErrors?.['hours.1.startsAt']).toBeTruthy();
    err = await expectAppError(setWeeklyHours(adminA, { servicemanId: linkedId, hours: [{ weekday: 8, startsAt: '08:00', endsAt: '12:00' }] }), 'VALIDATION');
    expect(err.details.fieldErrors?.['hours.0.weekday']).toBeTruthy();
    err = await expectAppError(setWeeklyHours(adminA, { servicemanId: linkedId, hours: [{ weekday: 2, startsAt: '24:00', endsAt: '24:00' }] }), 'VALIDATION');
    expect(err.details.fieldErrors?.['hours.0.startsAt']).toBeTruthy();
    // Nothing half-saved by the refused edits.
    expect(await db().select().from(servicemanHours).where(eq(servicemanHours.servicemanId, linkedId))).toHaveLength(3);
    await expectAppError(setWeeklyHours(otherServiceman, { servicemanId: linkedId, hours: [] }), 'NOT_FOUND');
    await expectAppError(setWeeklyHours(adminB, { servicemanId: linkedId, hours: [] }), 'NOT_FOUND');
    await expectAppError(setWeeklyHours(customer, { servicemanId: linkedId, hours: [] }), 'FORBIDDEN');
  });

  it('exceptions and time off: add and remove, own row only', async () => {
    const { exceptionId } = await addException(selfCtx, { servicemanId: linkedId, date: '2026-05-04', kind: 'unavailable', reason: 'Dentist' });
    const extra = await addException(adminA, { servicemanId: linkedId, date: '2026-05-09', kind: 'extra_hours', startsAt: '09:00', endsAt: '12:00' });
    let err = await expectAppError(addException(adminA, { servicemanId: linkedId, date: '2026-05-09', kind: 'extra_hours' }), 'VALIDATION');
    expect(err.details.fieldErrors?.startsAt).toBeTruthy();
    err = await expectAppError(addException(adminA, { servicemanId: linkedId, date: '2026-02-30', kind: 'unavailable' }), 'VALIDATION');
    expect(err.details.fieldErrors?.date).toBeTruthy();
    await expectAppError(addException(otherServiceman, { servicemanId: linkedId, date: '2026-05-04', kind: 'unavailable' }), 'NOT_FOUND');
    await expectAppError(removeException(adminB, { exceptionId }), 'NOT_FOUND');
    await removeException(selfCtx, { exceptionId });
    expect(await db().select().from(servicemanExceptions).where(eq(servicemanExceptions.servicemanId, linkedId))).toHaveLength(1);
    expect(extra.exceptionId).toBeTruthy();
    expect(await audits(linkedId, 'crew.add_exception')).toHaveLength(2);
    expect(await audits(linkedId, 'crew.remove_exception')).toHaveLength(1);

    // A local time is read in the serviceman's zone (BST in May).
    const { timeOffId } = await addTimeOff(selfCtx, { servicemanId: linkedId, startsAt: '2026-05-10T09:00', endsAt: '2026-05-12T17:00', reason: 'Holiday' });
    const [t] = await db().select().from(servicemanTimeOff).where(eq(servicemanTimeOff.id, timeOffId));
    expect(t.startsAt.toISOString()).toBe('2026-05-10T08:00:00.000Z');
    err = await expectAppError(addTimeOff(adminA, { servicemanId: linkedId, startsAt: '2026-05-10T09:00:00Z', endsAt: '2026-05-10T09:00:00Z' }), 'VALIDATION');
    expect(err.details.fieldErrors?.endsAt).toBeTruthy();
    err = await expectAppError(addTimeOff(adminA, { servicemanId: linkedId, startsAt: '2026-03-29T01:30', endsAt: '2026-03-29T05:00' }), 'VALIDATION');
    expect(err.details.fieldErrors?.startsAt).toBeTruthy();
    err = await expectAppError(addTimeOff(adminA, { servicemanId: linkedId, startsAt: 'tomorrow', endsAt: '2026-03-29T05:00' }), 'VALIDATION');
    expect(err.details.fieldErrors?.startsAt).toBeTruthy();
    await expectAppError(removeTimeOff(otherServiceman, { timeOffId }), 'NOT_FOUND');
    await removeTimeOff(adminA, { timeOffId });
    expect(await db().select().from(servicemanTimeOff).where(eq(servicemanTimeOff.id, timeOffId))).toHaveLength(0);
    expect(await audits(linkedId, 'crew.add_time_off')).toHaveLength(1);
    expect(await audits(linkedId, 'crew.remove_time_off')).toHaveLength(1);
  });
});
