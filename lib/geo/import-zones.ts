import { z } from 'zod';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, type FieldErrors } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { authorizeAnyZoneWrite, insertZone, type NewZoneValues } from './create-zone';
import { featureLabel, parseAreaGeometry, readImportFeatures, type ParsedArea, type RawFeature } from './geojson';
import { lockOwner, resolveOwner } from './owner';
import { currencyCode, demandLevel, editableZoneStatus, importZonesInput, slaInput, taxRegion, timeZone, zoneName, zonePriority } from './schemas';
import { assertNameFree, assertNoOverlap, checkGeometry } from './validate-zone';

// A feature's own properties override the import defaults; the export writes exactly these keys,
// so importing an export into an owner without zones round-trips.
const featureAttributes = z.object({
  name: zoneName,
  demandLevel,
  timeZone,
  currency: currencyCode,
  taxRegion,
  status: editableZoneStatus,
  priority: zonePriority,
  sla: slaInput.optional(),
});

/** Field errors reported at most for this many features, so a broken 500-feature file stays readable. */
const MAX_REPORTED_FEATURES = 20;

/**
 * Imports zones from GeoJSON, all or nothing: every feature is checked (shape and attributes in JS
 * for all features first, then validity, area, vertices, overlap with existing zones AND with the
 * features before it, and name clashes) inside one transaction under the owner's lock. The first
 * failure aborts the transaction, so nothing is written, and the error names `features[i]` and
 * the feature's name. One audit row and one geo.zones_imported event per import.
 */
export async function importZones(ctx: Ctx, raw: unknown): Promise<{ created: number; zoneIds: string[] }> {
  authorizeAnyZoneWrite(ctx.actor);
  const input = parseInput(importZonesInput, raw);
  authorize(ctx.actor, input.scope === 'platform' ? 'zones.manage_platform' : 'zones.manage_own');
  const read = readImportFeatures(input.geojson);
  if (!read.ok) throw new AppError('VALIDATION', `The GeoJSON ${read.reason}.`, { fieldErrors: { geojson: [read.reason] } });

  const fieldErrors: FieldErrors = {};
  let firstMessage: string | null = null;
  let failed = 0;
  const prepared: Array<{ feature: RawFeature; values: NewZoneValues; shape: ParsedArea }> = [];
  const seenNames = new Map<string, RawFeature>();
  for (const feature of read.value) {
    if (failed >= MAX_REPORTED_FEATURES) break;
    const label = featureLabel(feature);
    const errorsBefore = Object.keys(fieldErrors).length;
    const props = feature.properties;
    const attrs = featureAttributes.safeParse({
      name: props.name,
      demandLevel: props.demandLevel ?? input.defaults.demandLevel,
      timeZone: props.timeZone ?? input.defaults.timeZone,
      currency: props.currency ?? input.defaults.currency,
      taxRegion: props.taxRegion ?? input.defaults.taxRegion,
      status: props.status ?? input.defaults.status ?? 'active',
      // Missing or null = 0 (the default); a number in text form is accepted like in the form.
      priority: props.priority ?? undefined,
      sla: props.sla ?? undefined,
    });
    if (!attrs.success) {
      for (const issue of attrs.error.issues) {
        const key = `features[${feature.index}].${issue.path.map(String).join('.') || 'properties'}`;
        (fieldErrors[key] ??= []).push(issue.message);
        firstMessage ??= `${label}: ${issue.path.map(String).join('.')} ${issue.message}`;
      }
    }
    const shape = parseAreaGeometry(feature.geometry);
    if (!shape.ok) {
      (fieldErrors[`features[${feature.index}].geometry`] ??= []).push(shape.reason);
      firstMessage ??= `${label}: the outline is not valid: ${shape.reason}`;
    }
    if (attrs.success) {
      const key = attrs.data.name.toLowerCase();
      const earlier = seenNames.get(key);
      if (earlier) {
        const reason = `is also the name of ${featureLabel(earlier)}; zone names must be unique`;
        (fieldErrors[`features[${feature.index}].name`] ??= []).push(reason);
        firstMessage ??= `${label}: the name ${reason}`;
      } else {
        seenNames.set(key, feature);
      }
    }
    if (Object.keys(fieldErrors).length > errorsBefore) failed++;
    else if (attrs.success && shape.ok) prepared.push({ feature, values: attrs.data, shape: shape.value });
  }
  if (firstMessage) {
    throw new AppError('VALIDATION', `Nothing was imported. ${firstMessage}.`, { fieldErrors });
  }

  return withTx(ctx, async (c) => {
    const owner = await resolveOwner(c.tx, c.actor, input.scope);
    await lockOwner(c.tx, owner.orgId);
    const createdBy = c.actor.kind === 'user' ? c.actor.userId : null;
    const zoneIds: string[] = [];
    for (const { feature, values, shape } of prepared) {
      const prefix = `Nothing was imported. ${featureLabel(feature)}: `;
      const field = `features[${feature.index}].geometry`;
      const checked = await checkGeometry(c.tx, shape, field, prefix);
      // Earlier features of this import are already inserted in this transaction, so the same
      // query catches overlaps with them as well as with existing zones.
      await assertNoOverlap(c.tx, checked.json, owner.orgId, { field, prefix });
      await assertNameFree(c.tx, owner.orgId, values.name, { field: `features[${feature.index}].name`, prefix });
      zoneIds.push(await insertZone(c.tx, owner, values, checked.json, createdBy));
    }
    await recordAudit(c, {
      action: 'zones.import',
      entityType: 'zone',
      entityId: null,
      tenantId: owner.orgId,
      data: { ownerKind: owner.kind, count: zoneIds.length, zoneIds },
    });
    await emitEvent(c, 'geo.zones_imported', { ownerOrgId: owner.orgId, count: zoneIds.length, zoneIds }, owner.orgId);
    return { created: zoneIds.length, zoneIds };
  });
}
