import type { Tx } from '@/db/client';
import { zones } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize, can } from '@/lib/core/auth/permissions';
import { withTx, type Actor, type Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { lockOwner, resolveOwner, type ZoneOwner } from './owner';
import { createZoneInput, type SlaInput } from './schemas';
import { assertNameFree, assertNoOverlap, checkGeometry, shapeOrThrow, zoneDbError } from './validate-zone';

/** Customers and other roles get FORBIDDEN before their input is even read. */
export function authorizeAnyZoneWrite(actor: Actor): void {
  if (!can(actor, 'zones.manage_platform')) authorize(actor, 'zones.manage_own');
}

export interface NewZoneValues {
  name: string;
  demandLevel: 'high' | 'medium' | 'low';
  timeZone: string;
  currency: string;
  taxRegion: string;
  status: 'draft' | 'active' | 'paused';
  /** Tie-break between overlapping platform zones (higher governs); 0 when not given. */
  priority?: number;
  sla?: SlaInput;
}

/** The insert shared by create and import (both validated the geometry first under the owner's lock). */
export async function insertZone(tx: Tx, owner: ZoneOwner, values: NewZoneValues, geometryJson: string, createdBy: string | null): Promise<string> {
  const id = newId();
  try {
    await tx.insert(zones).values({
      id,
      ownerOrgId: owner.orgId,
      ownerKind: owner.kind,
      name: values.name,
      geom: geometryJson,
      demandLevel: values.demandLevel,
      timeZone: values.timeZone,
      currency: values.currency,
      taxRegion: values.taxRegion,
      status: values.status,
      priority: values.priority ?? 0,
      slaAcceptanceOnDemandMinutes: values.sla?.acceptanceOnDemandMinutes ?? null,
      slaAcceptanceScheduledMinutes: values.sla?.acceptanceScheduledMinutes ?? null,
      slaArrivalMinutes: values.sla?.arrivalMinutes ?? null,
      slaCompletionMinutes: values.sla?.completionMinutes ?? null,
      createdBy,
    });
  } catch (err) {
    throw zoneDbError(err) ?? err;
  }
  return id;
}

/**
 * Creates a platform zone (operations) or one of the caller provider's own coverage areas.
 * Validation runs in DOMAIN.md order (shape → validity → area → vertices → same-owner overlap),
 * all before the insert and inside one transaction: nothing is saved on failure.
 */
export async function createZone(ctx: Ctx, raw: unknown): Promise<{ zoneId: string }> {
  authorizeAnyZoneWrite(ctx.actor);
  const input = parseInput(createZoneInput, raw);
  authorize(ctx.actor, input.scope === 'platform' ? 'zones.manage_platform' : 'zones.manage_own');
  // Shape first, in JS: a hostile document never reaches PostGIS or holds the owner's lock.
  const shape = shapeOrThrow(input.geometry);
  return withTx(ctx, async (c) => {
    const owner = await resolveOwner(c.tx, c.actor, input.scope);
    await lockOwner(c.tx, owner.orgId);
    const checked = await checkGeometry(c.tx, shape);
    await assertNoOverlap(c.tx, checked.json, owner.orgId);
    await assertNameFree(c.tx, owner.orgId, input.name);
    const createdBy = c.actor.kind === 'user' ? c.actor.userId : null;
    const zoneId = await insertZone(c.tx, owner, { ...input, status: input.status ?? 'active' }, checked.json, createdBy);
    await recordAudit(c, {
      action: 'zones.create',
      entityType: 'zone',
      entityId: zoneId,
      tenantId: owner.orgId,
      data: { ownerKind: owner.kind, name: input.name, status: input.status ?? 'active', priority: input.priority ?? 0, areaM2: Math.round(checked.areaM2), vertexCount: checked.vertexCount },
    });
    await emitEvent(c, 'geo.zone_created', { zoneId, ownerOrgId: owner.orgId, ownerKind: owner.kind, via: input.via ?? 'form' }, owner.orgId);
    return { zoneId };
  });
}
