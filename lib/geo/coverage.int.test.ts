import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditLog, domainEvents, serviceCategories, services, zoneCoverage } from '@/db/schema';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { listCoverage } from './coverage';
import { createZone } from './create-zone';
import { setCoverage, toInstant } from './set-coverage';
import { setZoneStatus } from './set-zone-status';

const rect = (x: number, y: number, d = 0.01) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});
const attrs = { demandLevel: 'medium', timeZone: 'Europe/London', currency: 'GBP', taxRegion: 'GB' } as const;

let ops: Ctx;
let providerA: Ctx;
let providerAOrg: string;
let providerB: Ctx;
let providerBOrg: string;
let customer: Ctx;
let platformZone: string;
let draftPlatformZone: string;
let ownZoneA: string;
let ownZoneB: string;
let serviceA1: string;
let serviceA2: string;
let serviceB1: string;

async function makeService(providerOrgId: string, categoryId: string, title: string) {
  const id = newId();
  await db().insert(services).values({ id, providerOrgId, categoryId, title, priceMinor: 5000n, currency: 'GBP', durationMinutes: 60, status: 'active' });
  return id;
}

beforeAll(async () => {
  ops = await ctxFor((await makeUser(['operations'])).id);
  const a = await makeUser(['provider_admin']);
  providerAOrg = a.orgs.provider!;
  providerA = await ctxFor(a.id);
  const b = await makeUser(['provider_admin']);
  providerBOrg = b.orgs.provider!;
  providerB = await ctxFor(b.id);
  customer = await ctxFor((await makeUser(['customer'])).id);
  const categoryId = newId();
  await db().insert(serviceCategories).values({ id: categoryId, slug: `plumbing-${Date.now().toString(36)}`, name: 'Plumbing' });
  serviceA1 = await makeService(providerAOrg, categoryId, 'Leak repair');
  serviceA2 = await makeService(providerAOrg, categoryId, 'Boiler service');
  serviceB1 = await makeService(providerBOrg, categoryId, 'Drain unblocking');
  platformZone = (await createZone(ops, { scope: 'platform', name: 'Platform P', ...attrs, geometry: rect(0, 51) })).zoneId;
  draftPlatformZone = (await createZone(ops, { scope: 'platform', name: 'Platform draft', status: 'draft', ...attrs, geometry: rect(0.1, 51) })).zoneId;
  ownZoneA = (await createZone(providerA, { scope: 'own', name: 'A area', ...attrs, geometry: rect(0, 51) })).zoneId;
  ownZoneB = (await createZone(providerB, { scope: 'own', name: 'B area', ...attrs, geometry: rect(0, 51) })).zoneId;
});

describe('setCoverage / listCoverage', () => {
  it('replaces the provider’s rows for a zone, lists them grouped by zone, audits and emits', async () => {
    const r = await setCoverage(providerA, {
      zoneId: platformZone,
      entries: [
        { serviceId: serviceA1, priority: 1, effectiveFrom: '2026-03-29' },
        { serviceId: serviceA2, priority: 3, effectiveFrom: '2026-01-01T09:00:00Z', effectiveTo: '2099-01-01T00:00:00Z' },
      ],
    });
    expect(r).toEqual({ zoneId: platformZone, count: 2 });
    await setCoverage(providerA, { zoneId: ownZoneA, entries: [{ serviceId: serviceA1, priority: 2, effectiveFrom: '2026-01-01' }] });
    // Replace: A2 only in the platform zone now.
    await setCoverage(providerA, { zoneId: platformZone, entries: [{ serviceId: serviceA2, priority: 1, effectiveFrom: '2026-01-01' }] });
    const list = await listCoverage({ ...providerA, now: new Date('2026-06-01T00:00:00Z') });
    expect(list.zones.map((z) => [z.zoneName, z.entries.map((e) => [e.serviceTitle, e.priority, e.inEffect])])).toEqual([
      ['A area', [['Leak repair', 2, true]]],
      ['Platform P', [['Boiler service', 1, true]]],
    ]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.action, 'coverage.set'), eq(auditLog.tenantId, providerAOrg)));
    expect(audits).toHaveLength(3);
    const last = (await db().select().from(domainEvents).where(eq(domainEvents.name, 'geo.coverage_changed'))).at(-1);
    expect(last?.payload).toEqual({ providerOrgId: providerAOrg, zoneIds: [platformZone], added: 0, removed: 1 });
    // Empty entries: the provider stops serving the zone.
    await setCoverage(providerA, { zoneId: ownZoneA, entries: [] });
    expect((await listCoverage(providerA)).zones.map((z) => z.zoneId)).toEqual([platformZone]);
  });

  it('reads a date-only start as midnight in the zone’s time zone (DST-safe)', () => {
    expect(toInstant('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(toInstant('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(toInstant('2026-07-01', 'America/New_York').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(toInstant('2026-07-01T10:00:00+02:00', 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
  });

  it('is tenant-scoped: other providers’ zones and services are NOT_FOUND, and nothing is written', async () => {
    const before = await db().select().from(zoneCoverage).where(eq(zoneCoverage.providerOrgId, providerAOrg));
    await expectAppError(setCoverage(providerA, { zoneId: ownZoneB, entries: [{ serviceId: serviceA1, priority: 1, effectiveFrom: '2026-01-01' }] }), 'NOT_FOUND');
    await expectAppError(setCoverage(providerA, { zoneId: draftPlatformZone, entries: [{ serviceId: serviceA1, priority: 1, effectiveFrom: '2026-01-01' }] }), 'NOT_FOUND');
    await expectAppError(setCoverage(providerA, { zoneId: newId(), entries: [] }), 'NOT_FOUND');
    const foreign = await expectAppError(
      setCoverage(providerA, {
        zoneId: platformZone,
        entries: [
          { serviceId: serviceA1, priority: 1, effectiveFrom: '2026-01-01' },
          { serviceId: serviceB1, priority: 1, effectiveFrom: '2026-01-01' },
        ],
      }),
      'NOT_FOUND',
    );
    expect(foreign.details.fieldErrors?.['entries.1.serviceId']).toBeDefined();
    await expectAppError(setCoverage(customer, { zoneId: platformZone, entries: [] }), 'FORBIDDEN');
    await expectAppError(setCoverage(ops, { zoneId: platformZone, entries: [] }), 'FORBIDDEN');
    await expectAppError(listCoverage(customer), 'FORBIDDEN');
    const after = await db().select().from(zoneCoverage).where(eq(zoneCoverage.providerOrgId, providerAOrg));
    expect(after).toEqual(before);
    // Provider B's view never includes A's rows.
    expect((await listCoverage(providerB)).zones).toEqual([]);
  });

  it('validates priority, dates and duplicates with field errors', async () => {
    const err = await expectAppError(
      setCoverage(providerA, {
        zoneId: platformZone,
        entries: [
          { serviceId: serviceA1, priority: 6, effectiveFrom: '2026-13-01' },
          { serviceId: 'not-a-uuid', priority: 0, effectiveFrom: 'tomorrow' },
        ],
      }),
      'VALIDATION',
    );
    expect(Object.keys(err.details.fieldErrors ?? {}).sort()).toEqual(['entries.0.effectiveFrom', 'entries.0.priority', 'entries.1.effectiveFrom', 'entries.1.priority', 'entries.1.serviceId']);
    const order = await expectAppError(
      setCoverage(providerA, { zoneId: platformZone, entries: [{ serviceId: serviceA1, priority: 1, effectiveFrom: '2026-05-02', effectiveTo: '2026-05-01' }] }),
      'VALIDATION',
    );
    expect(order.details.fieldErrors?.['entries.0.effectiveTo']).toEqual(['must be after the start date']);
    const dup = await expectAppError(
      setCoverage(providerA, {
        zoneId: platformZone,
        entries: [
          { serviceId: serviceA1, priority: 1, effectiveFrom: '2026-01-01' },
          { serviceId: serviceA1, priority: 2, effectiveFrom: '2026-01-01' },
        ],
      }),
      'VALIDATION',
    );
    expect(dup.details.fieldErrors?.['entries.1.serviceId']).toBeDefined();
  });

  it('keeps rows of an archived zone (no longer in effect) and still lets the provider leave it', async () => {
    const zoneId = (await createZone(ops, { scope: 'platform', name: 'Closing soon', ...attrs, geometry: rect(0.3, 51) })).zoneId;
    await setCoverage(providerA, { zoneId, entries: [{ serviceId: serviceA1, priority: 1, effectiveFrom: '2020-01-01' }] });
    await setZoneStatus(ops, { zoneId, status: 'archived' });
    const z = (await listCoverage(providerA)).zones.find((x) => x.zoneId === zoneId)!;
    expect(z.status).toBe('archived');
    expect(z.entries[0].inEffect).toBe(false);
    await expectAppError(setCoverage(providerA, { zoneId, entries: [{ serviceId: serviceA2, priority: 1, effectiveFrom: '2020-01-01' }] }), 'NOT_FOUND');
    await setCoverage(providerA, { zoneId, entries: [] });
    expect((await listCoverage(providerA)).zones.some((x) => x.zoneId === zoneId)).toBe(false);
  });
});
