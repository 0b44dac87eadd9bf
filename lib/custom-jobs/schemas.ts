import { z } from 'zod';

/** Rules a person can read (DOMAIN.md "Custom jobs"); the verbs add those that need the database. */
export const JOB_TITLE_MIN = 5;
export const JOB_TITLE_MAX = 120;
export const JOB_DESCRIPTION_MIN = 20;
export const JOB_DESCRIPTION_MAX = 5000;
export const JOB_MAX_PHOTOS = 6;
export const JOB_MAX_INVITES = 20;
export const JOB_MAX_DEADLINE_DAYS = 60;

/** A file as the route read it from multipart (the verb detects the type from the bytes). */
export const uploadFile = z.custom<{ bytes: Uint8Array; name: string }>(
  (v) => !!v && typeof v === 'object' && (v as { bytes?: unknown }).bytes instanceof Uint8Array && typeof (v as { name?: unknown }).name === 'string',
  { message: 'must be a file' },
);
export type UploadFile = z.infer<typeof uploadFile>;

const minor = z.coerce.number().int('must be a whole number of minor units').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time' });
const uuid = z.uuid('must be an id');
/** Multipart sends booleans as text ("true", "on"); JSON sends booleans. */
const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', 'off', '1', '0', ''])])
  .transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

export const postJobInput = z.object({
  title: z.string().trim().min(JOB_TITLE_MIN, `must be at least ${JOB_TITLE_MIN} characters`).max(JOB_TITLE_MAX, `must be at most ${JOB_TITLE_MAX} characters`),
  description: z
    .string()
    .trim()
    .min(JOB_DESCRIPTION_MIN, `must be at least ${JOB_DESCRIPTION_MIN} characters`)
    .max(JOB_DESCRIPTION_MAX, `must be at most ${JOB_DESCRIPTION_MAX.toLocaleString('en-GB')} characters`),
  categoryId: uuid,
  location: z.object({ lon: z.coerce.number().min(-180).max(180), lat: z.coerce.number().min(-90).max(90) }),
  addressLine: z.string().trim().min(3, 'must be at least 3 characters').max(200, 'must be at most 200 characters'),
  outOfZoneAllowed: boolish.default(false),
  budgetMinMinor: minor,
  budgetMaxMinor: minor,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  bidDeadline: instant,
  invitedProviderIds: z.array(uuid).max(JOB_MAX_INVITES, `at most ${JOB_MAX_INVITES} providers`).default([]),
  inviteOnly: boolish.default(false),
  photos: z.array(uploadFile).default([]),
  /** Posting for an enterprise the caller belongs to (its approvers award). */
  enterpriseOrgId: uuid.optional(),
});
export type PostJobInput = z.input<typeof postJobInput>;

export const editJobInput = z.object({
  jobId: uuid,
  version: z.coerce.number().int().min(1),
  title: postJobInput.shape.title.optional(),
  description: postJobInput.shape.description.optional(),
  budgetMinMinor: minor.optional(),
  budgetMaxMinor: minor.optional(),
  bidDeadline: instant.optional(),
  removePhotoIds: z.array(uuid).default([]),
  photos: z.array(uploadFile).default([]),
});
export type EditJobInput = z.input<typeof editJobInput>;

export const cancelJobInput = z.object({ jobId: uuid, reason: z.string().trim().max(500, 'must be at most 500 characters').default('') });
export const extendDeadlineInput = z.object({ jobId: uuid, bidDeadline: instant });

export const jobFeedQuery = z.object({
  zoneId: uuid.optional(),
  categoryId: uuid.optional(),
  outOfZone: boolish.optional(),
  cursor: z.string().max(200).optional(),
});
export type JobFeedQuery = z.input<typeof jobFeedQuery>;
