import { z } from 'zod';

// Client-safe: the toggle forms import these; the verb validates again on the server.

/** Same shape as the database CHECK `feature_toggles_key_shape`, so a bad key fails here, in words. */
export const toggleKeyPattern = /^[a-z][a-z0-9_.-]{1,63}$/;

export const toggleKeySchema = z
  .string({ error: 'Key is required' })
  .trim()
  .regex(
    toggleKeyPattern,
    'Use 2–64 characters: start with a lowercase letter, then lowercase letters, digits, dots, dashes or underscores (e.g. bookings.instant)',
  );

/**
 * An HTML checkbox sends "on" when ticked and nothing at all when not, so absence means false.
 * Booleans and "true"/"false" are accepted too, so JSON callers and re-validation in the verb
 * (which receives the already-parsed boolean) give the same answer.
 */
export const checkboxSchema = z
  .union([z.boolean(), z.enum(['on', 'true', '1', 'off', 'false', '0', ''])], { error: 'Choose on or off' })
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

const percentMessage = 'Enter a whole percentage from 0 to 100';

export const rolloutPercentSchema = z.preprocess(
  // An emptied number field arrives as "", which z.coerce would silently turn into 0 %.
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.coerce.number({ error: percentMessage }).int(percentMessage).min(0, percentMessage).max(100, percentMessage),
);

export const setToggleInput = z.object({
  key: toggleKeySchema,
  // Absent (not empty) keeps the stored description, so a caller that only flips the switch
  // cannot wipe it by accident; forms always send the field.
  description: z.string().trim().max(300, 'Description must be at most 300 characters').optional(),
  enabled: checkboxSchema,
  rolloutPercent: rolloutPercentSchema,
});
export type SetToggleInput = z.input<typeof setToggleInput>;
export type SetToggleValues = z.output<typeof setToggleInput>;

/** What reads and writes hand out: never the raw row. */
export interface ToggleDto {
  key: string;
  environment: string;
  description: string;
  enabled: boolean;
  rolloutPercent: number;
  updatedAt: Date;
  updatedBy: string | null;
}
