import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, domainEvents, serviceCategories, services } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { createService } from './create-service';
import { getService, listServices } from './queries';
import { setServiceStatus } from './set-service-status';
import { updateService } from './update-service';

let adminA: Ctx;
let orgA: string;
let adminB: Ctx;
let customer: Ctx;
let serviceman: Ctx;
const slug = `plumbing-${Date.now().toString(36)}`;

const valid = () => ({
  title: 'Fix a leaking tap',
  categorySlug: slug,
  priceMinor: 4500,
  currency: 'GBP',
  taxInclusive: true,
  durationMinutes: 60,
  crewSize: 1,
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 15,
  minNoticeMinutes: 120,
  requiresConfirmation: false,
  confirmationWindowMinutes: 240,
});

beforeAll(async () => {
  await db().insert(serviceCategories).values({ id: newId(), slug, name: 'Plumbing' });
  const a = await makeUser(['provider_admin']);
  orgA = a.orgs.provider!;
  adminA = await ctxFor(a.id);
  adminB = await ctxFor((await makeUser(['provider_admin'])).id);
  customer = await ctxFor((await makeUser(['customer'])).id);
  serviceman = await ctxFor((await makeUser(['serviceman'], { orgs: { provider: orgA } })).id);
});

describe('createService', () => {
  it('stores the price exactly in minor units, writes an audit row and an event', async () => {
    const big = Number.MAX_SAFE_INTEGER;
    const s = await createService(adminA, { ...valid(), priceMinor: big, title: '  Big job  ' });
    expect(s).toMatchObject({ title: 'Big job', priceMinor: big, currency: 'GBP', categorySlug: slug, status: 'draft', durationMinutes: 60 });
    const [row] = await db().select({ price: services.priceMinor, org: services.providerOrgId }).from(services).where(eq(services.id, s.id));
    expect(row.price).toBe(BigInt(big));
    expect(row.org).toBe(orgA);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'services.create')));
    expect(audits).toHaveLength(1);
    expect(audits[0].tenantId).toBe(orgA);
    const events = await db().select().from(domainEvents).where(eq(domainEvents.name, 'catalog.service_changed'));
    expect(events.some((e) => (e.payload as { serviceId: string }).serviceId === s.id)).toBe(true);
  });

  it('accepts form text (numbers, checkboxes) and JPY amounts', async () => {
    const s = await createService(adminA, { ...valid(), priceMinor: '1200', currency: 'jpy', durationMinutes: '30', taxInclusive: 'on', requiresConfirmation: 'on', confirmationWindowMinutes: '60' });
    expect(s).toMatchObject({ priceMinor: 1200, currency: 'JPY', durationMinutes: 30, requiresConfirmation: true, confirmationWindowMinutes: 60 });
  });

  it.each([
    ['title', { title: 'ab' }],
    ['title', { title: 'x'.repeat(121) }],
    ['priceMinor', { priceMinor: -1 }],
    ['priceMinor', { priceMinor: 12.5 }],
    ['priceMinor', { priceMinor: Number.MAX_SAFE_INTEGER + 2 }],
    ['currency', { currency: 'XYZ' }],
    ['durationMinutes', { durationMinutes: 0 }],
    ['durationMinutes', { durationMinutes: 1441 }],
    ['crewSize', { crewSize: 0 }],
    ['crewSize', { crewSize: 21 }],
    ['bufferBeforeMinutes', { bufferBeforeMinutes: 241 }],
    ['bufferAfterMinutes', { bufferAfterMinutes: -5 }],
    ['minNoticeMinutes', { minNoticeMinutes: 10081 }],
    ['confirmationWindowMinutes', { confirmationWindowMinutes: 10 }],
    ['categorySlug', { categorySlug: 'no-such-category' }],
  ])('rejects invalid %s with a field error and saves nothing', async (field, patch) => {
    const before = await db().select({ id: services.id }).from(services);
    const err = await expectAppError(createService(adminA, { ...valid(), ...patch }), 'VALIDATION');
    expect(err.details.fieldErrors?.[field]).toBeTruthy();
    expect(await db().select({ id: services.id }).from(services)).toHaveLength(before.length);
  });

  it('refuses customers and servicemen', async () => {
    await expectAppError(createService(customer, valid()), 'FORBIDDEN');
    await expectAppError(createService(serviceman, valid()), 'FORBIDDEN');
  });
});

describe('updateService / setServiceStatus / listServices', () => {
  it('edits only sent fields, scoped to the own provider', async () => {
    const s = await createService(adminA, valid());
    const u = await updateService(adminA, { serviceId: s.id, priceMinor: 5000, crewSize: 2 });
    expect(u).toMatchObject({ priceMinor: 5000, crewSize: 2, title: s.title, durationMinutes: 60 });
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'services.update')));
    expect(audits).toHaveLength(1);
    expect((audits[0].data as { fields: string[] }).fields.sort()).toEqual(['crewSize', 'priceMinor']);
    await expectAppError(updateService(adminB, { serviceId: s.id, priceMinor: 1 }), 'NOT_FOUND');
    await expectAppError(getService(adminB, s.id), 'NOT_FOUND');
    await expectAppError(updateService(customer, { serviceId: s.id, priceMinor: 1 }), 'FORBIDDEN');
    const err = await expectAppError(updateService(adminA, { serviceId: s.id, durationMinutes: 0 }), 'VALIDATION');
    expect(err.details.fieldErrors?.durationMinutes).toBeTruthy();
    const cur = await expectAppError(updateService(adminA, { serviceId: s.id, currency: 'JPY' }), 'VALIDATION');
    expect(cur.details.fieldErrors?.priceMinor).toBeTruthy();
    expect(await updateService(adminA, { serviceId: s.id, currency: 'JPY', priceMinor: 700 })).toMatchObject({ currency: 'JPY', priceMinor: 700 });
  });

  it('moves status by the table; archived is final and hidden from the default list', async () => {
    const s = await createService(adminA, valid());
    expect((await setServiceStatus(adminA, { serviceId: s.id, status: 'active' })).status).toBe('active');
    expect((await setServiceStatus(adminA, { serviceId: s.id, status: 'paused' })).status).toBe('paused');
    await setServiceStatus(adminA, { serviceId: s.id, status: 'archived' });
    await expectAppError(setServiceStatus(adminA, { serviceId: s.id, status: 'active' }), 'CONFLICT');
    await expectAppError(updateService(adminA, { serviceId: s.id, title: 'New title' }), 'CONFLICT');
    await expectAppError(setServiceStatus(adminB, { serviceId: s.id, status: 'active' }), 'NOT_FOUND');
    await expectAppError(setServiceStatus(serviceman, { serviceId: s.id, status: 'active' }), 'FORBIDDEN');
    const err = await expectAppError(setServiceStatus(adminA, { serviceId: s.id, status: 'deleted' }), 'VALIDATION');
    expect(err.details.fieldErrors?.status).toBeTruthy();
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'services.set_status')));
    expect(audits).toHaveLength(3);
    const list = await listServices(adminA);
    expect(list.some((x) => x.id === s.id)).toBe(false);
    expect((await listServices(adminA, { includeArchived: true })).some((x) => x.id === s.id)).toBe(true);
    expect(await listServices(adminB)).toEqual([]);
  });
});
