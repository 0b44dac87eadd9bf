import { and, eq, isNotNull, max, sql } from 'drizzle-orm';
import { db, rowsOf, type Tx } from '@/db/client';
import { zoneSnapshotRuns } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { now } from '@/lib/core/clock';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { logger } from '@/lib/core/logger';
import { emptyMetrics, metricSources, ts, uuidList, withDerivedMetrics, type MetricSource, type SnapshotWindow, type ZoneMetricValues } from './metric-sources';

/** Changes this close to the previous run's start are looked at again (commit lag, clock skew). */
export const SNAPSHOT_OVERLAP_MS = 5 * 60_000;
/** History older than this is pruned by every run. */
export const SNAPSHOT_HISTORY_DAYS = 90;
const LOCK_KEY = 'geo.snapshot';

export interface RunSnapshotOptions {
  trigger: 'schedule' | 'manual';
  /** The queued run row a manual request created; scheduled runs create their own. */
  runId?: string;
  at: Date;
  /** Run inside this transaction (the seed); otherwise the run opens its own. */
  tx?: Tx;
  /** Tests swap the registry; production uses every registered source. */
  sources?: MetricSource[];
}

export type SnapshotOutcome =
  | { status: 'completed'; runId: string; zonesRecomputed: number; since: Date | null; sinceAt: Date; durationMs: number }
  | { status: 'skipped'; reason: 'locked' | 'already_finished' | 'unknown_run'; runId?: string };

/** Raised for a manual run that found another run in progress: the job queue retries it later. */
export class SnapshotBusyError extends Error {
  constructor() {
    super('Another zone analytics run is in progress; this one will be retried.');
    this.name = 'SnapshotBusyError';
  }
}

/**
 * One zone analytics run (system actor). A transaction-scoped advisory lock means two runs never
 * overlap: a scheduled run that finds the lock taken is skipped (the next tick comes anyway), a
 * manual one throws so the queue retries it. The run asks every metric source which zones changed
 * since the previous finished run's watermark (its start minus SNAPSHOT_OVERLAP_MS; every zone on
 * the first run), recomputes only those, set-based, upserts zone_metrics, appends history rows,
 * prunes old history and finishes its run row — all in one transaction, so the stored counters and
 * the watermark that says which events they include can never disagree.
 */
export async function runZoneSnapshot(opts: RunSnapshotOptions): Promise<SnapshotOutcome> {
  if (opts.tx) return runIn(opts.tx, opts);
  return db().transaction((tx) => runIn(tx, opts));
}

async function runIn(tx: Tx, opts: RunSnapshotOptions): Promise<SnapshotOutcome> {
  const started = Date.now();
  const at = opts.at;
  const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${LOCK_KEY})) AS locked`));
  if (!lock?.locked) {
    if (opts.runId) throw new SnapshotBusyError();
    return { status: 'skipped', reason: 'locked' };
  }

  let runId = opts.runId;
  let requestedBy: string | null = null;
  if (runId) {
    const [row] = await tx.select().from(zoneSnapshotRuns).where(eq(zoneSnapshotRuns.id, runId));
    if (!row) return { status: 'skipped', reason: 'unknown_run', runId };
    // A retried job whose run already committed must not apply its window a second time.
    if (row.finishedAt) return { status: 'skipped', reason: 'already_finished', runId };
    requestedBy = row.requestedBy;
  }

  const [prev] = await tx
    .select({ since: max(zoneSnapshotRuns.sinceAt) })
    .from(zoneSnapshotRuns)
    .where(and(isNotNull(zoneSnapshotRuns.finishedAt), isNotNull(zoneSnapshotRuns.sinceAt)));
  const since = prev?.since ? new Date(prev.since) : null;
  // The watermark only moves forward, even if this run's clock is behind the previous run's.
  const untilMs = at.getTime() - SNAPSHOT_OVERLAP_MS;
  const until = since && since.getTime() > untilMs ? since : new Date(untilMs);
  const window: SnapshotWindow = { since, until, at };

  if (runId) {
    await tx.update(zoneSnapshotRuns).set({ startedAt: at, sinceAt: until }).where(eq(zoneSnapshotRuns.id, runId));
  } else {
    runId = newId();
    await tx.insert(zoneSnapshotRuns).values({ id: runId, trigger: opts.trigger, startedAt: at, sinceAt: until });
  }

  const sources = opts.sources ?? metricSources;
  const zoneIds = await dirtyZones(tx, sources, window);
  const metrics = await computeMetrics(tx, sources, zoneIds, window);
  await storeMetrics(tx, runId, metrics, at);
  await tx.execute(sql`DELETE FROM zone_snapshots WHERE taken_at < ${ts(new Date(at.getTime() - SNAPSHOT_HISTORY_DAYS * 86_400_000))}`);

  const durationMs = Date.now() - started;
  await tx
    .update(zoneSnapshotRuns)
    .set({ finishedAt: new Date(at.getTime() + durationMs), zonesRecomputed: zoneIds.length })
    .where(eq(zoneSnapshotRuns.id, runId));

  const ctx: Ctx & { tx: Tx } = { actor: { kind: 'system', job: 'geo.snapshot', roles: [] }, requestId: `job:geo.snapshot:${runId}`, now: at, tx };
  await emitEvent(ctx, 'geo.snapshot_completed', { runId, zonesRecomputed: zoneIds.length, trigger: opts.trigger });
  if (opts.trigger === 'manual') {
    await recordAudit(ctx, {
      action: 'zones.snapshot_completed',
      entityType: 'zone_snapshot_run',
      entityId: runId,
      data: { zonesRecomputed: zoneIds.length, requestedBy, since: since?.toISOString() ?? null },
    });
  }
  logger.info({ runId, trigger: opts.trigger, zonesRecomputed: zoneIds.length, ms: durationMs }, 'zone analytics run finished');
  return { status: 'completed', runId, zonesRecomputed: zoneIds.length, since, sinceAt: until, durationMs };
}

async function dirtyZones(tx: Tx, sources: MetricSource[], window: SnapshotWindow): Promise<string[]> {
  const dirty = new Set<string>();
  for (const source of sources) {
    const ids = await source.dirtyZoneIds(tx, window);
    if (ids === 'all') {
      const all = rowsOf<{ id: string }>(await tx.execute(sql`SELECT id::text AS id FROM zones`));
      return all.map((r) => r.id).sort();
    }
    for (const id of ids) dirty.add(id);
  }
  return [...dirty].sort();
}

/** Stored values as the baseline, each source's fields on top, then the derived ratios. */
async function computeMetrics(tx: Tx, sources: MetricSource[], zoneIds: string[], window: SnapshotWindow): Promise<Map<string, ZoneMetricValues>> {
  const result = new Map<string, ZoneMetricValues>();
  if (!zoneIds.length) return result;
  const stored = await tx.execute(sql`
    SELECT zone_id::text AS zone_id, bookings_by_status, sla_breaches, active_providers, active_services, inventory_matches
    FROM zone_metrics WHERE zone_id = ANY(${uuidList(zoneIds)})`);
  for (const id of zoneIds) result.set(id, emptyMetrics());
  for (const r of rowsOf<Record<string, unknown>>(stored)) {
    const byStatus = typeof r.bookings_by_status === 'string' ? JSON.parse(r.bookings_by_status) : r.bookings_by_status;
    result.set(String(r.zone_id), {
      ...emptyMetrics(),
      bookingsByStatus: (byStatus as Record<string, number>) ?? {},
      slaBreaches: Number(r.sla_breaches),
      activeProviders: Number(r.active_providers),
      activeServices: Number(r.active_services),
      inventoryMatches: Number(r.inventory_matches),
    });
  }
  for (const source of sources) {
    const part = await source.compute(tx, zoneIds, window);
    for (const [zoneId, fields] of part) {
      const current = result.get(zoneId);
      if (current) result.set(zoneId, { ...current, ...fields });
    }
  }
  for (const [zoneId, m] of result) result.set(zoneId, withDerivedMetrics(m));
  return result;
}

/** Two statements whatever the number of zones: one upsert, one history append. */
async function storeMetrics(tx: Tx, runId: string, metrics: Map<string, ZoneMetricValues>, at: Date): Promise<void> {
  if (!metrics.size) return;
  const rows = [...metrics].map(([zoneId, m]) => ({
    history_id: newId(),
    zone_id: zoneId,
    bookings_by_status: m.bookingsByStatus,
    sla_breaches: m.slaBreaches,
    mean_minutes_to_acceptance: m.meanMinutesToAcceptance,
    active_providers: m.activeProviders,
    active_services: m.activeServices,
    open_demand: m.openDemand,
    supply_demand_ratio_bp: m.supplyDemandRatioBp,
    inventory_matches: m.inventoryMatches,
    metrics: m,
  }));
  const json = JSON.stringify(rows);
  const recordset = sql`jsonb_to_recordset(${json}::jsonb) AS r(
    history_id uuid, zone_id uuid, bookings_by_status jsonb, sla_breaches int, mean_minutes_to_acceptance int,
    active_providers int, active_services int, open_demand int, supply_demand_ratio_bp int, inventory_matches int, metrics jsonb)`;
  await tx.execute(sql`
    INSERT INTO zone_metrics (zone_id, bookings_by_status, sla_breaches, mean_minutes_to_acceptance, active_providers,
                              active_services, open_demand, supply_demand_ratio_bp, inventory_matches, computed_at)
    SELECT r.zone_id, r.bookings_by_status, r.sla_breaches, r.mean_minutes_to_acceptance, r.active_providers,
           r.active_services, r.open_demand, r.supply_demand_ratio_bp, r.inventory_matches, ${ts(at)}
    FROM ${recordset}
    JOIN zones z ON z.id = r.zone_id
    ON CONFLICT (zone_id) DO UPDATE SET
      bookings_by_status = excluded.bookings_by_status, sla_breaches = excluded.sla_breaches,
      mean_minutes_to_acceptance = excluded.mean_minutes_to_acceptance, active_providers = excluded.active_providers,
      active_services = excluded.active_services, open_demand = excluded.open_demand,
      supply_demand_ratio_bp = excluded.supply_demand_ratio_bp, inventory_matches = excluded.inventory_matches,
      computed_at = excluded.computed_at`);
  await tx.execute(sql`
    INSERT INTO zone_snapshots (id, run_id, zone_id, taken_at, metrics)
    SELECT r.history_id, ${runId}::uuid, r.zone_id, ${ts(at)}, r.metrics
    FROM ${recordset}
    JOIN zones z ON z.id = r.zone_id`);
}

/** The `geo.snapshot` job: scheduled ticks carry no run id, manual requests carry theirs. */
export async function handleSnapshotJob(data: { runId?: string } | null | undefined): Promise<SnapshotOutcome> {
  const runId = data?.runId;
  const outcome = await runZoneSnapshot({ trigger: runId ? 'manual' : 'schedule', runId, at: now() });
  if (outcome.status === 'skipped') logger.info({ ...outcome }, 'zone analytics run skipped');
  return outcome;
}
