/**
 * Zod inputs of the provider service verbs (client-safe: no server imports). Unknown keys are
 * stripped, so `providerOrgId` or `status` on create can never be set by a client. Forms send
 * text, so numbers and booleans are coerced from their form spellings here.
 */
import { z } from 'zod';
import { isCurrency } from '@/lib/core/money';

// Control and bidirectional-override characters would let a title render misleadingly (B2).
const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export const serviceStatuses = ['draft', 'active', 'paused', 'archived'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** Whole numbers from JSON or form text ('' = not given). */
export const intField = (min: number, max: number, unit: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\s*-?\d+\s*$/.test(v) ? Number(v) : v) : v),
    z
      .number({ error: `must be a whole number${unit ? ` of ${unit}` : ''}` })
      .int(`must be a whole number${unit ? ` of ${unit}` : ''}`)
      .min(min, `must be at least ${min}${unit ? ` ${unit}` : ''}`)
      .max(max, `must be at most ${max}${unit ? ` ${unit}` : ''}`),
  );

/** Booleans from JSON or form text (checkbox 'on', 'true'/'false'). */
export const boolField = z.preprocess((v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v), z.boolean({ error: 'must be true or false' }));

export const serviceTitle = z
  .string({ error: 'is required' })
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(120, 'must be at most 120 characters')
  .refine((v) => !unsafeText.test(v), 'must not contain control or text-direction characters');

export const serviceDescription = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .refine((v) => !unsafeText.test(v), 'must not contain control or text-direction characters');

export const categorySlug = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(64, 'is not a known category')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a known category');

/** Minor units (pence, cents, yen): a whole number ≥ 0 within JSON's safe integer range. */
export const priceMinor = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: 'must be a whole number of minor units (e.g. pence)' })
    .int('must be a whole number of minor units (e.g. pence)')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
);

export const serviceCurrency = z
  .string({ error: 'is required' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as GBP')
  .refine(isCurrency, 'is not a currency the platform supports');

export const serviceFields = {
  title: serviceTitle,
  description: serviceDescription.optional(),
  categorySlug,
  priceMinor,
  currency: serviceCurrency,
  taxInclusive: boolField,
  durationMinutes: intField(5, 1440, 'minutes'),
  crewSize: intField(1, 20, ''),
  bufferBeforeMinutes: intField(0, 240, 'minutes'),
  bufferAfterMinutes: intField(0, 240, 'minutes'),
  minNoticeMinutes: intField(0, 10080, 'minutes'),
  requiresConfirmation: boolField,
  confirmationWindowMinutes: intField(15, 2880, 'minutes'),
};

export const createServiceInput = z.object({
  ...serviceFields,
  description: serviceDescription.default(''),
  taxInclusive: boolField.default(true),
  crewSize: serviceFields.crewSize.default(1),
  bufferBeforeMinutes: serviceFields.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: serviceFields.bufferAfterMinutes.default(0),
  minNoticeMinutes: serviceFields.minNoticeMinutes.default(0),
  requiresConfirmation: boolField.default(false),
  confirmationWindowMinutes: serviceFields.confirmationWindowMinutes.default(240),
  /** New services start as drafts unless published straight away. */
  status: z.enum(['draft', 'active'], { error: 'must be draft or active' }).default('draft'),
});
export type CreateServiceInput = z.output<typeof createServiceInput>;

/** Every field optional: only what is sent changes. */
export const updateServiceInput = z
  .object(serviceFields)
  .partial()
  .extend({ serviceId: z.uuid('is not a valid id') });
export type UpdateServiceInput = z.output<typeof updateServiceInput>;

export const setServiceStatusInput = z.object({
  serviceId: z.uuid('is not a valid id'),
  status: z.enum(serviceStatuses, { error: 'must be draft, active, paused or archived' }),
});
export type SetServiceStatusInput = z.output<typeof setServiceStatusInput>;
