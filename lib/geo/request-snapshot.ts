import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { zoneSnapshotRuns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { enqueue } from '@/lib/jobs/boss';

/** A manual request still waiting this long is answered with its run instead of queuing another. */
const PENDING_REUSE_MS = 15 * 60_000;

/**
 * Operations ask for a zone analytics run now (besides the schedule). The run row ('manual',
 * unfinished) and its `geo.snapshot` job are written in one transaction, so a job exists iff the
 * request committed; the job runs it through runZoneSnapshot. A second click while a manual run is
 * still queued returns that run rather than piling up identical work.
 */
export async function requestSnapshot(ctx: Ctx): Promise<{ runId: string }> {
  authorize(ctx.actor, 'zones.snapshot');
  const requestedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return withTx(ctx, async (c) => {
    const [pending] = await c.tx
      .select({ id: zoneSnapshotRuns.id })
      .from(zoneSnapshotRuns)
      .where(
        and(
          eq(zoneSnapshotRuns.trigger, 'manual'),
          isNull(zoneSnapshotRuns.finishedAt),
          gt(zoneSnapshotRuns.startedAt, new Date(c.now.getTime() - PENDING_REUSE_MS)),
        ),
      )
      .orderBy(desc(zoneSnapshotRuns.startedAt))
      .limit(1);
    if (pending) return { runId: pending.id };

    const runId = newId();
    await c.tx.insert(zoneSnapshotRuns).values({ id: runId, trigger: 'manual', startedAt: c.now, requestedBy });
    await enqueue(c.tx, 'geo.snapshot', { runId }, { singletonKey: `geo.snapshot:${runId}` });
    await recordAudit(c, { action: 'zones.snapshot', entityType: 'zone_snapshot_run', entityId: runId, data: { trigger: 'manual' } });
    return { runId };
  });
}
