/**
 * Zod inputs of the inventory verbs (client-safe: no server imports). Unknown keys are stripped,
 * so a client can never set providerOrgId, counters or status directly. Forms send text, so
 * numbers and booleans are coerced from their form spellings here; money is always minor units.
 */
import { z } from 'zod';
import { uuidSchema } from '@/lib/core/ids';
import { CURRENCY_CODES } from '@/lib/core/money';

export const itemKinds = ['tool', 'material'] as const;
export const itemModes = ['purchase', 'rental', 'hybrid'] as const;
export const trackings = ['serialised', 'bulk'] as const;
export const conditions = ['new', 'good', 'fair', 'worn', 'damaged'] as const;
export const alertKinds = ['low_stock', 'overdue_return', 'damage_reported'] as const;
export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export const consoleMoveKinds = ['receive', 'adjust', 'write_off', 'count'] as const;
export type ConsoleMoveKind = (typeof consoleMoveKinds)[number];

const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const text = (min: number, max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !unsafeText.test(v), 'must not contain control or text-direction characters');

/** Whole numbers from JSON or form text. '' counts as not given (then the default or undefined applies). */
const toInt = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : v) : v);
const intSchema = (min: number, max: number, what: string) =>
  z
    .number({ error: `must be ${what}` })
    .int(`must be ${what}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
export const intField = (min: number, max: number, what = 'a whole number') => z.preprocess(toInt, intSchema(min, max, what));
export const optInt = (min: number, max: number, what = 'a whole number') => z.preprocess(toInt, intSchema(min, max, what).optional());
export const defInt = (min: number, max: number, d: number, what = 'a whole number') => z.preprocess(toInt, intSchema(min, max, what).default(d));

/** Minor units (pence, cents, yen) from JSON numbers or form text; '' = not given, null = cleared. */
const toMinor = (v: unknown) => (v === '' ? undefined : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v);
const minorSchema = z
  .number({ error: 'must be a whole number of minor units (e.g. pence)' })
  .int('must be a whole number of minor units (e.g. pence)')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
const optMinor = z.preprocess(toMinor, minorSchema.optional());
const nullMinor = z.preprocess(toMinor, minorSchema.nullish());
const defMinor = z.preprocess(toMinor, minorSchema.default(0));

export const boolField = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean({ error: 'must be true or false' }));

export const skuField = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, dots, dashes or underscores, starting with a letter or digit');

const serial = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .refine((v) => !unsafeText.test(v), 'must not contain control characters');

/** Serial numbers as a JSON array or form text (one per line or comma-separated). */
export const serialsField = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/[\n,]/)
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(serial).max(500, 'at most 500 serial numbers at a time'),
);

const currencyField = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .refine((v) => (CURRENCY_CODES as readonly string[]).includes(v), 'is not a supported currency');

const itemFields = {
  name: text(2, 120),
  description: text(0, 2000).default(''),
  kind: z.enum(itemKinds, { error: 'must be tool or material' }),
  mode: z.enum(itemModes, { error: 'must be purchase, rental or hybrid' }),
  safetyStock: defInt(0, 1_000_000, 0),
  dailyRateMinor: optMinor,
  depositMinor: defMinor,
  salePriceMinor: optMinor,
  replacementCostMinor: defMinor,
  currency: currencyField,
  insuranceRequired: boolField.default(false),
  condition: z.enum(conditions, { error: 'must be new, good, fair, worn or damaged' }).default('good'),
  location: text(0, 120).default(''),
};

export const createItemInput = z.object({
  sku: skuField,
  ...itemFields,
  tracking: z.enum(trackings, { error: 'must be serialised or bulk' }),
  /** Bulk items: the opening quantity. Serialised items: optional, must equal the serials given. */
  openingQuantity: defInt(0, 100_000, 0),
  serials: serialsField.default([]),
});
export type CreateItemInput = z.output<typeof createItemInput>;

/** Only fields that are sent change; `version` is the one the editor loaded (optimistic lock). */
export const updateItemInput = z.object({
  itemId: uuidSchema,
  version: intField(1, Number.MAX_SAFE_INTEGER),
  sku: skuField.optional(),
  name: itemFields.name.optional(),
  description: text(0, 2000).optional(),
  kind: itemFields.kind.optional(),
  mode: itemFields.mode.optional(),
  safetyStock: optInt(0, 1_000_000),
  dailyRateMinor: nullMinor,
  depositMinor: optMinor,
  salePriceMinor: nullMinor,
  replacementCostMinor: optMinor,
  currency: currencyField.optional(),
  insuranceRequired: boolField.optional(),
  condition: z.enum(conditions, { error: 'must be new, good, fair, worn or damaged' }).optional(),
  location: text(0, 120).optional(),
});
export type UpdateItemInput = z.output<typeof updateItemInput>;

export const archiveItemInput = z.object({ itemId: uuidSchema, version: optInt(1, Number.MAX_SAFE_INTEGER) });

export const reasonField = text(3, 500);

/**
 * One console stock move. quantity: receive/write_off > 0; adjust signed and ≠ 0; count is the
 * counted quantity (≥ 0). Serialised items: receive takes serials, adjust/write_off name a unit.
 */
export const recordMoveInput = z.object({
  itemId: uuidSchema,
  kind: z.enum(consoleMoveKinds, { error: 'must be receive, adjust, write_off or count' }),
  quantity: optInt(-100_000, 100_000),
  countedQty: optInt(0, 1_000_000),
  unitId: uuidSchema.optional().or(z.literal('').transform(() => undefined)),
  serials: serialsField.optional(),
  reason: z.string().trim().max(500, 'must be at most 500 characters').default(''),
});
export type RecordMoveInput = z.output<typeof recordMoveInput>;

export const addUnitsInput = z.object({ itemId: uuidSchema, serials: serialsField.refine((s) => s.length > 0, 'give at least one serial number'), reason: z.string().trim().max(500).default('') });

export const unitTargets = ['in_stock', 'maintenance', 'retired'] as const;
export const setUnitStatusInput = z.object({ itemId: uuidSchema, unitId: uuidSchema, status: z.enum(unitTargets, { error: 'must be in_stock, maintenance or retired' }), reason: reasonField });

export const acknowledgeAlertInput = z.object({ alertId: uuidSchema, note: z.string().trim().max(500, 'must be at most 500 characters').default('') });
export const resolveAlertInput = z.object({ alertId: uuidSchema, note: text(3, 500) });

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', ''])]).transform((v) => v === true || v === 'true' || v === '1' || v === 'on');

export const listItemsInput = z.object({
  q: z.string().trim().max(80).optional(),
  kind: z.enum(itemKinds).optional().or(z.literal('').transform(() => undefined)),
  mode: z.enum(itemModes).optional().or(z.literal('').transform(() => undefined)),
  tracking: z.enum(trackings).optional().or(z.literal('').transform(() => undefined)),
  lowStock: flag.optional(),
  /** false: active only (default); true: archived only. */
  archived: flag.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type ListItemsInput = z.output<typeof listItemsInput>;

export const listMovesInput = z.object({
  /** Cursor: moves with seq below this (the next page of older moves). */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
});

export const listAlertsInput = z.object({
  status: z.enum(alertStatuses).optional().or(z.literal('').transform(() => undefined)),
  kind: z.enum(alertKinds).optional().or(z.literal('').transform(() => undefined)),
  itemId: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const reconciliationInput = z.object({ providerOrgId: uuidSchema.optional() });
