import { eq } from 'drizzle-orm';
import { zones } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { authorizeAnyZoneWrite } from './create-zone';
import { loadZoneForWrite } from './owner';
import { setZoneStatusInput } from './schemas';

/**
 * Moves a zone between draft / active / paused, or archives it. Archiving is final (an archived
 * zone no longer blocks its name or its area, so re-opening it could collide; re-create it from an
 * export instead). Coverage rows of an archived zone are kept for history but stop matching,
 * because matching only reads active zones. Setting the current status again is a no-op.
 */
export async function setZoneStatus(ctx: Ctx, raw: unknown): Promise<{ zoneId: string; status: string; version: number }> {
  authorizeAnyZoneWrite(ctx.actor);
  const input = parseInput(setZoneStatusInput, raw);
  return withTx(ctx, async (c) => {
    const row = await loadZoneForWrite(c, input.zoneId);
    if (row.status === input.status) return { zoneId: row.id, status: row.status, version: row.version };
    if (row.status === 'archived') throw conflict('This zone is archived; archived zones cannot be reopened. Create a new zone instead.');
    const version = row.version + 1;
    await c.tx.update(zones).set({ status: input.status, version, updatedAt: c.now }).where(eq(zones.id, row.id));
    const archived = input.status === 'archived';
    await recordAudit(c, {
      action: archived ? 'zones.archive' : 'zones.set_status',
      entityType: 'zone',
      entityId: row.id,
      tenantId: row.ownerOrgId,
      data: { from: row.status, to: input.status, version },
    });
    if (archived) await emitEvent(c, 'geo.zone_archived', { zoneId: row.id }, row.ownerOrgId);
    else await emitEvent(c, 'geo.zone_updated', { zoneId: row.id, version, fields: ['status'] }, row.ownerOrgId);
    return { zoneId: row.id, status: input.status, version };
  });
}
