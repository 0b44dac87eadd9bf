import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { zoneSnapshotRuns, zoneSnapshots } from '@/db/schema';
import { isUuid } from '@/lib/core/ids';
import { bookingStatusCounts } from './metric-sources';

/**
 * Reads for the zone analytics pages. Metrics are platform aggregates (counts, no personal data);
 * the admin pages that show them are gated by panel.admin / zones.read_all.
 */

export interface SnapshotRunView {
  id: string;
  trigger: 'schedule' | 'manual';
  startedAt: string;
  finishedAt: string | null;
  zonesRecomputed: number;
  requestedBy: string | null;
}

export interface ZoneHistoryPoint {
  runId: string;
  takenAt: string;
  metrics: {
    bookingsByStatus: Record<string, number>;
    slaBreaches: number;
    meanMinutesToAcceptance: number | null;
    activeProviders: number;
    activeServices: number;
    openDemand: number;
    supplyDemandRatioBp: number | null;
    inventoryMatches: number;
  };
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** The latest finished run (what "metrics as of …" shows), or null before the first run. */
export async function latestRun(): Promise<SnapshotRunView | null> {
  const [row] = await db()
    .select()
    .from(zoneSnapshotRuns)
    .where(isNotNull(zoneSnapshotRuns.finishedAt))
    .orderBy(desc(zoneSnapshotRuns.finishedAt))
    .limit(1);
  return row ? toRunView(row) : null;
}

/** Manual runs requested and not finished yet (shown as "queued" next to the trigger button). */
export async function pendingManualRuns(): Promise<SnapshotRunView[]> {
  const rows = await db()
    .select()
    .from(zoneSnapshotRuns)
    .where(and(eq(zoneSnapshotRuns.trigger, 'manual'), isNull(zoneSnapshotRuns.finishedAt)))
    .orderBy(desc(zoneSnapshotRuns.startedAt))
    .limit(20);
  return rows.map(toRunView);
}

/** A zone's metric history, newest first (one point per run that recomputed the zone). */
export async function zoneHistory(zoneId: string, limit = 48): Promise<ZoneHistoryPoint[]> {
  if (!isUuid(zoneId)) return [];
  const n = Math.min(Math.max(1, Math.trunc(limit) || 1), 500);
  const rows = await db()
    .select()
    .from(zoneSnapshots)
    .where(eq(zoneSnapshots.zoneId, zoneId))
    .orderBy(desc(zoneSnapshots.takenAt))
    .limit(n);
  return rows.map((r) => {
    const m = r.metrics as Record<string, unknown>;
    const num = (v: unknown) => Number(v ?? 0);
    const nullable = (v: unknown) => (v == null ? null : Number(v));
    return {
      runId: r.runId,
      takenAt: new Date(r.takenAt).toISOString(),
      metrics: {
        bookingsByStatus: bookingStatusCounts(m.bookingsByStatus as Record<string, number>),
        slaBreaches: num(m.slaBreaches),
        meanMinutesToAcceptance: nullable(m.meanMinutesToAcceptance),
        activeProviders: num(m.activeProviders),
        activeServices: num(m.activeServices),
        openDemand: num(m.openDemand),
        supplyDemandRatioBp: nullable(m.supplyDemandRatioBp),
        inventoryMatches: num(m.inventoryMatches),
      },
    };
  });
}

function toRunView(row: typeof zoneSnapshotRuns.$inferSelect): SnapshotRunView {
  return {
    id: row.id,
    trigger: row.trigger,
    startedAt: iso(row.startedAt)!,
    finishedAt: iso(row.finishedAt),
    zonesRecomputed: row.zonesRecomputed,
    requestedBy: row.requestedBy,
  };
}
