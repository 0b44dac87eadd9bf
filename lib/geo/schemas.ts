/**
 * Zod inputs of the zone and coverage verbs (client-safe: no server imports). Unknown keys are
 * stripped (zod's default), so fields such as `ownerOrgId`, `ownerKind` or `version` on create can
 * never be set by a client. Geometry stays `unknown` here: lib/geo/geojson.ts checks its shape
 * with messages that name the ring and position, which a zod schema could not do as clearly.
 */
import { z } from 'zod';
import { isCurrency } from '@/lib/core/money';
import { isValidTimeZone } from '@/lib/core/zoned-time';
import { MAX_GEOJSON_BYTES } from './geojson';
import { SLA_MAX_MINUTES } from './sla-defaults';
import { demandLevels, zoneStatuses } from './types';

// Intl.supportedValuesOf lists only ICU's canonical names (Asia/Calcutta, not Asia/Kolkata), so a
// zone is valid when a formatter accepts it.
export const isTimeZone = isValidTimeZone;

// Control and bidirectional-override characters would let a name render misleadingly (B2).
const unsafeText = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const zoneName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(120, 'must be at most 120 characters')
  .refine((v) => !unsafeText.test(v), 'must not contain control or text-direction characters');

export const demandLevel = z.enum(demandLevels, { error: 'must be high, medium or low' });
export const timeZone = z
  .string({ error: 'is required' })
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/London');
export const currencyCode = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as GBP')
  .refine(isCurrency, 'is not a currency the platform supports');
/** Short tax region code: a country (GB) or a country subdivision (GB-SCT, US-CA). */
export const taxRegion = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a region code such as GB, GB-SCT or US-CA');

export const editableZoneStatus = z.enum(['draft', 'active', 'paused'], { error: 'must be draft, active or paused' });
export const zoneStatus = z.enum(zoneStatuses, { error: 'must be draft, active, paused or archived' });
export const zoneScope = z.enum(['platform', 'own'], { error: 'must be platform or own' });

// Forms send text; an empty field clears the override (null = platform default).
const slaMinutes = z.preprocess(
  (v) => (v === '' ? null : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(1, 'must be at least 1 minute')
    .max(SLA_MAX_MINUTES, `must be at most ${SLA_MAX_MINUTES} minutes (one week)`)
    .nullable()
    .optional(),
);

export const slaInput = z.object({
  acceptanceOnDemandMinutes: slaMinutes,
  acceptanceScheduledMinutes: slaMinutes,
  arrivalMinutes: slaMinutes,
  completionMinutes: slaMinutes,
});
export type SlaInput = z.output<typeof slaInput>;

/** GeoJSON as an object or as text; its shape is checked by lib/geo/geojson.ts. */
export const geometryField = z
  .unknown()
  .refine((v) => v !== undefined && v !== null && v !== '', 'is required: paste GeoJSON, upload a file or draw the zone')
  .refine((v) => typeof v !== 'string' || v.length <= MAX_GEOJSON_BYTES, `must be at most ${MAX_GEOJSON_BYTES / 1_000_000} MB`)
  .refine((v) => typeof v === 'string' || (typeof v === 'object' && v !== null), 'must be GeoJSON (an object or its JSON text)');

export const ZONE_PRIORITY_MIN = -1000;
export const ZONE_PRIORITY_MAX = 1000;

/**
 * Which of two overlapping platform zones governs a booking there: the higher priority wins, then
 * the smaller area (lib/bookings/create-booking.ts governingZone). Forms send text; an empty field
 * means "not given" (0 on create, unchanged on edit).
 */
export const zonePriority = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : v) : v),
  z
    .number({ error: `must be a whole number from ${ZONE_PRIORITY_MIN} to ${ZONE_PRIORITY_MAX}` })
    .int(`must be a whole number from ${ZONE_PRIORITY_MIN} to ${ZONE_PRIORITY_MAX}`)
    .min(ZONE_PRIORITY_MIN, `must be at least ${ZONE_PRIORITY_MIN}`)
    .max(ZONE_PRIORITY_MAX, `must be at most ${ZONE_PRIORITY_MAX}`)
    .optional(),
);

const zoneAttributes = {
  name: zoneName,
  demandLevel,
  timeZone,
  currency: currencyCode,
  taxRegion,
  status: editableZoneStatus.optional(),
  priority: zonePriority,
  sla: slaInput.optional(),
};

export const createZoneInput = z.object({
  scope: zoneScope,
  ...zoneAttributes,
  geometry: geometryField,
  /** How the outline was made (analytics only): typed/pasted in the form or drawn on the map. */
  via: z.enum(['form', 'draw']).optional(),
});
export type CreateZoneInput = z.output<typeof createZoneInput>;

export const zoneIdField = z.uuid({ error: 'is not a known zone' });

export const updateZoneFields = z.object({
  version: z.coerce.number({ error: 'is required' }).int('must be a whole number').min(1, 'must be at least 1').max(2_147_483_647),
  name: zoneAttributes.name.optional(),
  demandLevel: demandLevel.optional(),
  timeZone: timeZone.optional(),
  currency: currencyCode.optional(),
  taxRegion: taxRegion.optional(),
  status: editableZoneStatus.optional(),
  priority: zonePriority,
  sla: slaInput.optional(),
  geometry: geometryField.optional(),
});
export const updateZoneInput = updateZoneFields.extend({ zoneId: zoneIdField });
export type UpdateZoneInput = z.output<typeof updateZoneInput>;

export const setZoneStatusInput = z.object({ zoneId: zoneIdField, status: zoneStatus });
export type SetZoneStatusInput = z.output<typeof setZoneStatusInput>;

export const importDefaults = z.object({
  demandLevel,
  timeZone,
  currency: currencyCode,
  taxRegion,
  status: editableZoneStatus.optional(),
});

export const importZonesInput = z.object({
  scope: zoneScope,
  geojson: geometryField,
  defaults: importDefaults,
});
export type ImportZonesInput = z.output<typeof importZonesInput>;

/** ISO date (start of that day in the zone's time zone) or an ISO date-time with an offset. */
const isoInstant = z
  .string({ error: 'must be an ISO date or date-time' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO date (2026-05-01) or date-time with offset')
  .refine((v) => !Number.isNaN(Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)), 'is not a real date');

export const coverageEntry = z.object({
  serviceId: z.uuid({ error: 'is not a known service' }),
  priority: z.coerce.number({ error: 'must be 1 to 5' }).int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  effectiveFrom: isoInstant,
  effectiveTo: isoInstant.nullable().optional(),
});

export const setCoverageInput = z.object({
  zoneId: zoneIdField,
  entries: z.array(coverageEntry).max(200, 'at most 200 services per zone'),
});
export type SetCoverageInput = z.output<typeof setCoverageInput>;

// ---- Queries ------------------------------------------------------------------------------------

export const listScope = z.enum(['platform', 'own', 'all']);

export const listZonesQuery = z.object({
  scope: listScope.default('platform'),
  status: zoneStatus.optional(),
  demand: demandLevel.optional(),
  // Platform zones or providers' own areas (with scope `all`, operations' "provider areas" view).
  ownerKind: z.enum(['platform', 'provider']).optional(),
  q: z.string().trim().max(120).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListZonesQuery = z.input<typeof listZonesQuery>;

/** "w,s,e,n" in degrees (text from a URL, or the parsed [w, s, e, n] when a verb is called directly). */
export const bboxParam = z
  .union([z.string(), z.array(z.number())], { error: 'is required (w,s,e,n)' })
  .transform((v, ctx) => {
    const parts = typeof v === 'string' ? v.split(',').map((p) => (p.trim() === '' ? NaN : Number(p))) : v;
    const [w, s, e, n] = parts;
    if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) {
      ctx.addIssue({ code: 'custom', message: 'must be four numbers: west,south,east,north' });
      return z.NEVER;
    }
    if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) {
      ctx.addIssue({ code: 'custom', message: 'must satisfy -180 ≤ west < east ≤ 180 and -90 ≤ south < north ≤ 90' });
      return z.NEVER;
    }
    return [w, s, e, n] as [number, number, number, number];
  });

export const zonesInBBoxQuery = z.object({
  bbox: bboxParam,
  zoom: z.coerce.number().min(0).max(24).default(12),
  scope: listScope.default('platform'),
});
export type ZonesInBBoxQuery = z.input<typeof zonesInBBoxQuery>;

export const exportZonesQuery = z.object({
  scope: zoneScope.default('platform'),
  format: z.literal('featurecollection').default('featurecollection'),
});
export type ExportZonesQuery = z.input<typeof exportZonesQuery>;
