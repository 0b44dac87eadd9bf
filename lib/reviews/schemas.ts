/**
 * Zod inputs of the review verbs (client-safe). Review text is plain text: control and
 * bidirectional-override characters are refused, HTML is never rendered (React escapes it).
 */
import { z } from 'zod';

const unsafeText = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const plainText = (max: number, min = 0) =>
  z
    .string({ error: 'is required' })
    .transform((s) => s.replace(/\r\n/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min, min ? `must be at least ${min} characters` : undefined)
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !unsafeText.test(s), 'contains characters that are not allowed'),
    );

export const REVIEW_MAX_CHARS = 2000;

const rating = z.preprocess(
  (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
  z.number({ error: 'choose 1 to 5 stars' }).int('choose 1 to 5 stars').min(1, 'choose 1 to 5 stars').max(5, 'choose 1 to 5 stars'),
);

export const createReviewInput = z.object({
  bookingId: z.uuid({ error: 'is not a valid booking' }),
  rating,
  body: plainText(REVIEW_MAX_CHARS).default(''),
});

export const replyReviewInput = z.object({
  reviewId: z.uuid({ error: 'is not a valid review' }),
  reply: plainText(REVIEW_MAX_CHARS, 1),
});

export const reportReviewInput = z.object({
  reviewId: z.uuid({ error: 'is not a valid review' }),
  reason: plainText(500, 3),
});

export const moderateReviewInput = z.object({
  reviewId: z.uuid({ error: 'is not a valid review' }),
  decision: z.enum(['hide', 'restore'], { error: 'choose hide or restore' }),
});

export type CreateReviewInput = z.input<typeof createReviewInput>;
