import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { zones } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, conflict } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { authorizeAnyZoneWrite } from './create-zone';
import { loadZoneForWrite } from './owner';
import { updateZoneInput } from './schemas';
import { slaKeys } from './sla-defaults';
import { assertNameFree, assertNoOverlap, checkGeometry, shapeOrThrow, zoneDbError } from './validate-zone';

const slaColumn = {
  acceptanceOnDemandMinutes: 'slaAcceptanceOnDemandMinutes',
  acceptanceScheduledMinutes: 'slaAcceptanceScheduledMinutes',
  arrivalMinutes: 'slaArrivalMinutes',
  completionMinutes: 'slaCompletionMinutes',
} as const;

/**
 * Edits a zone the caller manages. Optimistic concurrency: the caller names the version it
 * started from; a stale version is a CONFLICT (reload and retry), never a silent overwrite.
 * A new outline is validated exactly like on create (excluding the zone itself from the overlap
 * check). Archived zones are read-only. Only changed fields are written; no change = no new version.
 */
export async function updateZone(ctx: Ctx, raw: unknown): Promise<{ zoneId: string; version: number }> {
  authorizeAnyZoneWrite(ctx.actor);
  const input = parseInput(updateZoneInput, raw);
  const shape = input.geometry !== undefined ? shapeOrThrow(input.geometry) : null;
  return withTx(ctx, async (c) => {
    const row = await loadZoneForWrite(c, input.zoneId);
    if (row.status === 'archived') throw conflict('This zone is archived and can no longer be changed.');
    if (row.version !== input.version) {
      throw conflict(`Someone else changed this zone since you opened it (now version ${row.version}); reload and try again.`, {
        currentVersion: row.version,
      });
    }
    const set: Partial<typeof zones.$inferInsert> = {};
    const fields: string[] = [];
    for (const key of ['name', 'demandLevel', 'timeZone', 'currency', 'taxRegion', 'status', 'priority'] as const) {
      const value = input[key];
      if (value !== undefined && value !== row[key]) {
        (set as Record<string, unknown>)[key] = value;
        fields.push(key);
      }
    }
    for (const key of slaKeys) {
      const value = input.sla?.[key];
      if (value !== undefined && value !== row[slaColumn[key]]) {
        set[slaColumn[key]] = value;
        fields.push(`sla.${key}`);
      }
    }
    let areaM2: number | undefined;
    // Editors send the outline back with every save; an unchanged outline is not a change.
    const sameOutline = shape
      ? rowsOf<{ same: boolean }>(
          await c.tx.execute(
            sql`select ST_OrderingEquals(${zones.geom}, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(shape.geometry)}), 4326)) as same from ${zones} where ${zones.id} = ${row.id}`,
          ),
        )[0]?.same === true
      : true;
    if (shape && !sameOutline) {
      const checked = await checkGeometry(c.tx, shape);
      await assertNoOverlap(c.tx, checked.json, row.ownerOrgId, { excludeZoneId: row.id });
      set.geom = checked.json;
      areaM2 = Math.round(checked.areaM2);
      fields.push('geometry');
    }
    if (set.name) await assertNameFree(c.tx, row.ownerOrgId, set.name, { excludeZoneId: row.id });
    if (!fields.length) return { zoneId: row.id, version: row.version };
    const version = row.version + 1;
    let updated: { id: string }[];
    try {
      updated = await c.tx
        .update(zones)
        .set({ ...set, version, updatedAt: c.now })
        .where(and(eq(zones.id, row.id), eq(zones.version, row.version), sql`${zones.status} <> 'archived'`))
        .returning({ id: zones.id });
    } catch (err) {
      throw zoneDbError(err) ?? err;
    }
    // Unreachable while the row lock is held; kept so the write stays correct without it.
    if (!updated.length) throw new AppError('CONFLICT', 'This zone changed while you were saving; reload and try again.');
    await recordAudit(c, {
      action: 'zones.update',
      entityType: 'zone',
      entityId: row.id,
      tenantId: row.ownerOrgId,
      data: { version, fields, ...(areaM2 !== undefined ? { areaM2 } : {}), ...(set.status ? { status: set.status } : {}), ...(set.priority !== undefined ? { priority: set.priority } : {}) },
    });
    await emitEvent(c, 'geo.zone_updated', { zoneId: row.id, version, fields }, row.ownerOrgId);
    return { zoneId: row.id, version };
  });
}
