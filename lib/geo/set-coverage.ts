import { and, eq, inArray, sql } from 'drizzle-orm';
import { services, zoneCoverage, zones } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, validation, type FieldErrors } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { boundaryInstant } from '@/lib/core/zoned-time';
import { callerProviderOrgId } from './owner';
import { setCoverageInput } from './schemas';

/**
 * A date-only value means the start of that calendar day in the ZONE's time zone (where the work
 * happens), found per date so DST never shifts it; a date-time carries its own offset.
 */
export function toInstant(value: string, timeZone: string): Date {
  if (value.length !== 10) return new Date(value);
  // Midnight can fall in a DST gap in a few zones: then the day starts when the clocks change.
  return boundaryInstant(value, '00:00', timeZone);
}

/**
 * Sets which of the caller provider's services it offers in one zone, replacing its previous rows
 * for that zone in one transaction (empty entries = stop serving the zone). The zone must be an
 * active platform zone or one of the provider's own non-archived areas; services must be the
 * provider's own. Anything else is NOT_FOUND, so other tenants' ids cannot be probed. Rows of a
 * zone that later stops being active stay, but matching only reads active zones.
 */
export async function setCoverage(ctx: Ctx, raw: unknown): Promise<{ zoneId: string; count: number }> {
  authorize(ctx.actor, 'coverage.manage');
  const input = parseInput(setCoverageInput, raw);
  const providerOrgId = callerProviderOrgId(ctx.actor);

  const fieldErrors: FieldErrors = {};
  const seen = new Map<string, number>();
  input.entries.forEach((e, i) => {
    const first = seen.get(e.serviceId);
    if (first !== undefined) (fieldErrors[`entries.${i}.serviceId`] ??= []).push(`is listed twice (also entry ${first + 1})`);
    else seen.set(e.serviceId, i);
  });
  if (Object.keys(fieldErrors).length) throw validation(fieldErrors);

  return withTx(ctx, async (c) => {
    // One writer per provider and zone: the replace is delete + insert under the unique key.
    await c.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`coverage:${providerOrgId}:${input.zoneId}`}))`);
    const [zone] = await c.tx
      .select({ id: zones.id, ownerOrgId: zones.ownerOrgId, ownerKind: zones.ownerKind, status: zones.status, timeZone: zones.timeZone })
      .from(zones)
      .where(eq(zones.id, input.zoneId));
    const existing = await c.tx
      .select({ serviceId: zoneCoverage.serviceId })
      .from(zoneCoverage)
      .where(and(eq(zoneCoverage.providerOrgId, providerOrgId), eq(zoneCoverage.zoneId, input.zoneId)));
    const servable =
      !!zone && ((zone.ownerKind === 'platform' && zone.status === 'active') || (zone.ownerOrgId === providerOrgId && zone.status !== 'archived'));
    // Leaving a zone that has since been paused or archived stays possible.
    const leaving = !!zone && input.entries.length === 0 && existing.length > 0;
    if (!zone || !(servable || leaving)) throw new AppError('NOT_FOUND', 'That zone was not found.', { fieldErrors: { zoneId: ['is not a zone you can serve'] } });

    const ids = input.entries.map((e) => e.serviceId);
    const owned = ids.length
      ? await c.tx
          .select({ id: services.id })
          .from(services)
          .where(and(inArray(services.id, ids), eq(services.providerOrgId, providerOrgId)))
      : [];
    const ownedIds = new Set(owned.map((s) => s.id));
    const unknown = input.entries.findIndex((e) => !ownedIds.has(e.serviceId));
    if (unknown >= 0) {
      throw new AppError('NOT_FOUND', 'That service was not found.', { fieldErrors: { [`entries.${unknown}.serviceId`]: ['is not one of your services'] } });
    }

    const rows = input.entries.map((e, i) => {
      const effectiveFrom = toInstant(e.effectiveFrom, zone.timeZone);
      const effectiveTo = e.effectiveTo ? toInstant(e.effectiveTo, zone.timeZone) : null;
      if (effectiveTo && effectiveTo.getTime() <= effectiveFrom.getTime()) {
        (fieldErrors[`entries.${i}.effectiveTo`] ??= []).push('must be after the start date');
      }
      return { id: newId(), providerOrgId, zoneId: zone.id, serviceId: e.serviceId, priority: e.priority, effectiveFrom, effectiveTo };
    });
    if (Object.keys(fieldErrors).length) throw validation(fieldErrors);

    await c.tx.delete(zoneCoverage).where(and(eq(zoneCoverage.providerOrgId, providerOrgId), eq(zoneCoverage.zoneId, zone.id)));
    if (rows.length) await c.tx.insert(zoneCoverage).values(rows);
    const before = new Set(existing.map((r) => r.serviceId));
    const added = ids.filter((id) => !before.has(id)).length;
    const removed = [...before].filter((id) => !ownedIds.has(id)).length;
    await recordAudit(c, {
      action: 'coverage.set',
      entityType: 'zone',
      entityId: zone.id,
      tenantId: providerOrgId,
      data: { serviceIds: ids, count: rows.length, added, removed },
    });
    await emitEvent(c, 'geo.coverage_changed', { providerOrgId, zoneIds: [zone.id], added, removed }, providerOrgId);
    return { zoneId: zone.id, count: rows.length };
  });
}
