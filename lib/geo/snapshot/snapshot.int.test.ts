import postgres from 'postgres';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, getDatabase, rowsOf } from '@/db/client';
import { auditLog, zoneMetrics, zoneSnapshotRuns, zoneSnapshots } from '@/db/schema';
import { fixedClock, withClock } from '@/lib/core/clock';
import { newId } from '@/lib/core/ids';
import { requestSnapshot } from '@/lib/geo/request-snapshot';
import { ctxFor, expectAppError, makeOrg, makeUser, anonCtx } from '@/test/factories';
import { ACCEPTED_COUNT_KEY, bookingStatusCounts } from './metric-sources';
import { latestRun, zoneHistory } from './queries';
import { handleSnapshotJob, runZoneSnapshot, SnapshotBusyError } from './run-snapshot';

/**
 * Zone analytics runs, driven with explicit instants: fixtures are written two hours before T0
 * (timestamps set by hand), so each run's dirty set is exactly what the test touched.
 */
const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const min = (m: number) => new Date(T0.getTime() + m * 60_000);
const OLD = min(-120).toISOString();

const ids = { platform: '', provider: '', rentals: '', category: '', service: '', rentalService: '', a: '', b: '', c: '', empty: '' };

async function insertZone(name: string, x: number, y: number): Promise<string> {
  const id = newId();
  await db().execute(sql`
    INSERT INTO zones (id, owner_org_id, owner_kind, name, geom, status, created_at, updated_at)
    VALUES (${id}, ${ids.platform}, 'platform', ${name}, ST_Multi(ST_MakeEnvelope(${x}::float8, ${y}::float8, ${x + 0.01}::float8, ${y + 0.01}::float8, 4326)),
            'active', ${OLD}::timestamptz, ${OLD}::timestamptz)`);
  return id;
}

async function insertCoverage(providerOrgId: string, zoneId: string, serviceId: string, effectiveFrom = OLD): Promise<string> {
  const id = newId();
  await db().execute(sql`
    INSERT INTO zone_coverage (id, provider_org_id, zone_id, service_id, priority, effective_from, created_at, updated_at)
    VALUES (${id}, ${providerOrgId}, ${zoneId}, ${serviceId}, 1, ${effectiveFrom}::timestamptz, ${OLD}::timestamptz, ${OLD}::timestamptz)`);
  return id;
}

async function insertProvider(offersRentals: boolean): Promise<{ orgId: string; serviceId: string }> {
  const org = await makeOrg('provider');
  const serviceId = newId();
  await db().execute(sql`
    INSERT INTO provider_profiles (org_id, base_point, offers_rentals, created_at, updated_at)
    VALUES (${org.id}, ST_SetSRID(ST_MakePoint(-0.1, 51.5), 4326), ${offersRentals}, ${OLD}::timestamptz, ${OLD}::timestamptz)`);
  await db().execute(sql`
    INSERT INTO services (id, provider_org_id, category_id, title, price_minor, currency, duration_minutes, status, created_at, updated_at)
    VALUES (${serviceId}, ${org.id}, ${ids.category}, 'Test service', 5000, 'GBP', 60, 'active', ${OLD}::timestamptz, ${OLD}::timestamptz)`);
  return { orgId: org.id, serviceId };
}

async function bookingEvent(name: string, at: Date, payload: Record<string, unknown>): Promise<void> {
  await db().execute(sql`
    INSERT INTO domain_events (id, name, domain, actor_type, occurred_at, payload)
    VALUES (${newId()}, ${name}, 'bookings', 'system', ${at.toISOString()}::timestamptz, ${JSON.stringify(payload)}::jsonb)`);
}

async function metricsOf(zoneId: string) {
  const [row] = await db().select().from(zoneMetrics).where(eq(zoneMetrics.zoneId, zoneId));
  return row;
}

async function completed(at: Date) {
  const outcome = await runZoneSnapshot({ trigger: 'schedule', at });
  expect(outcome.status).toBe('completed');
  if (outcome.status !== 'completed') throw new Error('run skipped');
  return outcome;
}

describe('zone analytics snapshots', () => {
  it('the first run computes every zone from the tables as they stand', async () => {
    ids.platform = (await makeOrg('platform')).id;
    ids.category = newId();
    await db().execute(sql`INSERT INTO service_categories (id, slug, name) VALUES (${ids.category}, ${`cat-${ids.category.slice(-8)}`}, 'Test')`);
    ids.a = await insertZone('Zone A', -0.2, 51.5);
    ids.b = await insertZone('Zone B', -0.1, 51.5);
    ids.c = await insertZone('Zone C', 0, 51.5);
    ids.empty = await insertZone('Zone Empty', 0.1, 51.5);
    const p = await insertProvider(false);
    const r = await insertProvider(true);
    ids.provider = p.orgId;
    ids.service = p.serviceId;
    ids.rentals = r.orgId;
    ids.rentalService = r.serviceId;
    for (const z of [ids.a, ids.b]) await insertCoverage(p.orgId, z, p.serviceId);
    await insertCoverage(r.orgId, ids.a, r.serviceId);
    // Not yet in effect at the first runs: counted once its start has passed (see below).
    await insertCoverage(r.orgId, ids.c, r.serviceId, min(70).toISOString());

    const outcome = await completed(T0);
    expect(outcome.since).toBeNull();
    expect(outcome.zonesRecomputed).toBe(4);
    expect(await metricsOf(ids.a)).toMatchObject({ activeProviders: 2, activeServices: 2, inventoryMatches: 1, openDemand: 0, supplyDemandRatioBp: null });
    expect(await metricsOf(ids.b)).toMatchObject({ activeProviders: 1, activeServices: 1, inventoryMatches: 0 });
    expect(await metricsOf(ids.c)).toMatchObject({ activeProviders: 0 });
    expect(await metricsOf(ids.empty)).toMatchObject({ activeProviders: 0, bookingsByStatus: {} });
    const history = await db().select().from(zoneSnapshots).where(eq(zoneSnapshots.runId, outcome.runId));
    expect(history).toHaveLength(4);
    const [run] = await db().select().from(zoneSnapshotRuns).where(eq(zoneSnapshotRuns.id, outcome.runId));
    expect(run.finishedAt).not.toBeNull();
    expect(new Date(run.sinceAt!).toISOString()).toBe(min(-5).toISOString());
    expect((await latestRun())?.id).toBe(outcome.runId);
  });

  it('a second run recomputes only the zones something touched', async () => {
    await db().execute(sql`UPDATE services SET status = 'paused', updated_at = ${min(10).toISOString()}::timestamptz WHERE id = ${ids.rentalService}`);
    const outcome = await completed(min(30));
    expect(outcome.since?.toISOString()).toBe(min(-5).toISOString());
    // The paused service is covered in A and C only.
    expect(outcome.zonesRecomputed).toBe(2);
    const recomputed = await db().select({ zoneId: zoneSnapshots.zoneId }).from(zoneSnapshots).where(eq(zoneSnapshots.runId, outcome.runId));
    expect(recomputed.map((r) => r.zoneId).sort()).toEqual([ids.a, ids.c].sort());
    expect(await metricsOf(ids.a)).toMatchObject({ activeProviders: 1, inventoryMatches: 0 });
    expect((await zoneHistory(ids.a, 10)).map((h) => h.metrics.activeProviders)).toEqual([1, 2]);
    await db().execute(sql`UPDATE services SET status = 'active', updated_at = ${min(40).toISOString()}::timestamptz WHERE id = ${ids.rentalService}`);
  });

  it('deleted coverage is caught through the coverage-changed event, and coverage coming into effect counts', async () => {
    await db().execute(sql`DELETE FROM zone_coverage WHERE zone_id = ${ids.b}`);
    await db().execute(sql`
      INSERT INTO domain_events (id, name, domain, actor_type, occurred_at, payload)
      VALUES (${newId()}, 'geo.coverage_changed', 'geo', 'user', ${min(45).toISOString()}::timestamptz,
              ${JSON.stringify({ providerOrgId: ids.provider, zoneIds: [ids.b, 'not-a-zone-id'], added: 0, removed: 1 })}::jsonb)`);
    const outcome = await completed(min(60));
    expect(await metricsOf(ids.b)).toMatchObject({ activeProviders: 0, activeServices: 0 });
    // A again (its service came back at +40), B (event); C's coverage starts at +70, not yet.
    expect(outcome.zonesRecomputed).toBe(3);
    expect(await metricsOf(ids.c)).toMatchObject({ activeProviders: 0 });

    const next = await completed(min(75));
    expect(next.zonesRecomputed).toBe(1);
    expect(await metricsOf(ids.c)).toMatchObject({ activeProviders: 1, inventoryMatches: 1 });
  });

  it('applies booking events incrementally, exactly once across runs', async () => {
    const created = { zoneId: ids.a, toStatus: 'pending' };
    await bookingEvent('booking.created', min(76), { ...created, bookingId: 'b1' });
    await bookingEvent('booking.status_changed', min(77), { zoneId: ids.a, bookingId: 'b1', fromStatus: 'pending', toStatus: 'awaiting_assignment' });
    await bookingEvent('booking.accepted', min(78), { zoneId: ids.a, bookingId: 'b1', fromStatus: 'awaiting_assignment', toStatus: 'scheduled', acceptedAfterMinutes: 12 });
    await bookingEvent('booking.created', min(79), { zoneId: 'garbage', toStatus: 'pending' });
    // Younger than the overlap at the next run: counted by the run after it.
    await bookingEvent('booking.created', min(87), { ...created, bookingId: 'b2' });

    const first = await completed(min(90));
    expect(first.zonesRecomputed).toBe(1);
    let a = await metricsOf(ids.a);
    expect(bookingStatusCounts(a.bookingsByStatus)).toEqual({ scheduled: 1 });
    expect(a).toMatchObject({ meanMinutesToAcceptance: 12, openDemand: 1, supplyDemandRatioBp: 20000, slaBreaches: 0 });

    await bookingEvent('booking.sla_breached', min(91), { zoneId: ids.a, bookingId: 'b3', slaBreached: true });
    await bookingEvent('booking.accepted', min(92), { zoneId: ids.a, bookingId: 'b2', fromStatus: 'pending', toStatus: 'scheduled', acceptedAfterMinutes: 30 });
    await completed(min(100));
    a = await metricsOf(ids.a);
    expect(bookingStatusCounts(a.bookingsByStatus)).toEqual({ scheduled: 2 });
    expect(a.bookingsByStatus[ACCEPTED_COUNT_KEY]).toBe(2);
    expect(a).toMatchObject({ meanMinutesToAcceptance: 21, openDemand: 2, supplyDemandRatioBp: 10000, slaBreaches: 1 });

    // The same instant again, and a run whose clock is behind: empty windows, nothing counted twice.
    const again = await completed(min(100));
    expect(again.zonesRecomputed).toBe(0);
    const behind = await completed(min(50));
    expect(behind.zonesRecomputed).toBe(0);
    expect(await metricsOf(ids.a)).toMatchObject({ slaBreaches: 1, openDemand: 2, meanMinutesToAcceptance: 21 });
    expect(bookingStatusCounts((await metricsOf(ids.a)).bookingsByStatus)).toEqual({ scheduled: 2 });
  });

  it('operations request a run: the job is queued with the run row, and the handler runs it once', async () => {
    const ops = await makeUser(['operations'], { orgs: { platform: ids.platform } });
    const ctx = await ctxFor(ops.id, min(110));
    const { runId } = await requestSnapshot(ctx);
    expect((await requestSnapshot(ctx)).runId).toBe(runId);
    const jobs = rowsOf(await db().execute(sql`SELECT id FROM pgboss.job WHERE name = 'geo.snapshot' AND data->>'runId' = ${runId}`));
    expect(jobs).toHaveLength(1);
    const [queued] = await db().select().from(zoneSnapshotRuns).where(eq(zoneSnapshotRuns.id, runId));
    expect(queued).toMatchObject({ trigger: 'manual', finishedAt: null, requestedBy: ops.id });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'zones.snapshot'), eq(auditLog.entityId, runId)))).toHaveLength(1);

    const outcome = await withClock(fixedClock(min(120)), () => handleSnapshotJob({ runId }));
    expect(outcome).toMatchObject({ status: 'completed', runId });
    const [done] = await db().select().from(zoneSnapshotRuns).where(eq(zoneSnapshotRuns.id, runId));
    expect(done.finishedAt).not.toBeNull();
    expect((await latestRun())?.id).toBe(runId);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'zones.snapshot_completed'), eq(auditLog.entityId, runId)))).toHaveLength(1);
    // A retried job finds its run finished and does nothing.
    expect(await withClock(fixedClock(min(121)), () => handleSnapshotJob({ runId }))).toMatchObject({ status: 'skipped', reason: 'already_finished' });
    expect(await handleSnapshotJob({ runId: newId() })).toMatchObject({ status: 'skipped', reason: 'unknown_run' });
  });

  it('customers, providers and anonymous callers cannot request a run', async () => {
    const customer = await makeUser(['customer']);
    const provider = await makeUser(['provider_admin']);
    await expectAppError(requestSnapshot(await ctxFor(customer.id)), 'FORBIDDEN');
    await expectAppError(requestSnapshot(await ctxFor(provider.id)), 'FORBIDDEN');
    await expectAppError(requestSnapshot(anonCtx()), 'FORBIDDEN');
  });

  it.skipIf(getDatabase().kind !== 'postgres')('two runs never overlap: a held lock skips a scheduled run and defers a manual one (PostgreSQL)', async () => {
    const other = postgres(getDatabase().url!, { max: 1, onnotice: () => {} });
    try {
      await other`SELECT pg_advisory_lock(hashtext('geo.snapshot'))`;
      expect(await runZoneSnapshot({ trigger: 'schedule', at: min(130) })).toEqual({ status: 'skipped', reason: 'locked' });
      const runId = newId();
      await db().insert(zoneSnapshotRuns).values({ id: runId, trigger: 'manual', startedAt: min(130) });
      await expect(runZoneSnapshot({ trigger: 'manual', runId, at: min(130) })).rejects.toBeInstanceOf(SnapshotBusyError);
      await other`SELECT pg_advisory_unlock(hashtext('geo.snapshot'))`;
      expect(await runZoneSnapshot({ trigger: 'manual', runId, at: min(131) })).toMatchObject({ status: 'completed', runId });
    } finally {
      await other.end();
    }
  });
});
