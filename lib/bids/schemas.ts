/**
 * Bid inputs (zod) and wire types. Client-safe: never imports the database.
 */
import { z } from 'zod';

const uuid = z.uuid({ message: 'must be a valid id' });
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with a time zone, e.g. 2026-05-01T09:00:00Z' });

export const BID_MESSAGE_MAX = 2000;
export const BID_ATTACHMENTS_MAX = 3;

/** Amount in minor units of the job's currency (pence for GBP). */
const amountMinor = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number of minor units (e.g. pence)')
  .positive('must be more than 0')
  .max(100_000_000_00, 'is too large');
const etaDays = z.coerce.number({ message: 'must be a number' }).int('must be a whole number of days').min(0, 'must be 0 or more').max(365, 'must be at most 365');
const bidMessage = z.string().trim().max(BID_MESSAGE_MAX, `must be at most ${BID_MESSAGE_MAX} characters`);

export const placeBidInput = z.object({
  jobId: uuid,
  amountMinor,
  /** When given, must be the job's currency (a bid is always in the currency the job was posted in). */
  currency: z.string().trim().length(3, 'must be a 3-letter currency code').optional(),
  message: bidMessage.default(''),
  etaDays,
});
export type PlaceBidInput = z.input<typeof placeBidInput>;

export const reviseBidInput = z.object({ bidId: uuid, amountMinor, message: bidMessage.default(''), etaDays });
export const withdrawBidInput = z.object({ bidId: uuid });

export const postBidMessageInput = z.object({
  bidId: uuid,
  body: z.string().trim().min(1, 'must not be empty').max(BID_MESSAGE_MAX, `must be at most ${BID_MESSAGE_MAX} characters`),
});

const lonLat = z.object({
  lon: z.number({ message: 'must be a number' }).min(-180).max(180),
  lat: z.number({ message: 'must be a number' }).min(-90).max(90),
});

export const awardBidInput = z.object({
  jobId: uuid,
  bidId: uuid,
  /** A start the customer picked from the winner's public slots. */
  startsAt: isoInstant,
  /** Where the work happens: the job's address unless given. */
  location: lonLat.optional(),
  addressLine: z.string().trim().min(3, 'must be at least 3 characters').max(300, 'must be at most 300 characters').optional(),
  notes: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  paymentMethod: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
export type AwardBidInput = z.input<typeof awardBidInput>;

export const bidStatusWire = z.enum(['active', 'withdrawn', 'declined', 'awarded']);

export const bidWire = z.object({
  id: z.string(),
  jobId: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  rating: z.number().nullable(),
  reviewCount: z.number().int(),
  amountMinor: z.number().int(),
  currency: z.string(),
  message: z.string(),
  etaDays: z.number().int(),
  status: bidStatusWire,
  revision: z.number().int(),
  /** Earlier revisions, newest first (the customer sees "revised from £X"). */
  revisions: z.array(z.object({ revision: z.number().int(), amountMinor: z.number().int(), etaDays: z.number().int(), message: z.string(), createdAt: z.string() })),
  attachments: z.array(z.object({ fileId: z.string(), name: z.string(), contentType: z.string(), sizeBytes: z.number().int() })),
  bookingId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BidWire = z.infer<typeof bidWire>;

export const bidMessageWire = z.object({
  id: z.string(),
  authorParty: z.enum(['customer', 'provider']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export type BidMessageWire = z.infer<typeof bidMessageWire>;

export const awardBidResult = z.object({
  jobId: z.string(),
  bidId: z.string(),
  bookingId: z.string(),
  declinedBidIds: z.array(z.string()),
  payment: z.object({ status: z.string(), nextActionUrl: z.string().nullable() }),
});
export type AwardBidResult = z.infer<typeof awardBidResult>;
