/**
 * Booking inputs (zod) and wire types. Client-safe: never imports the database.
 */
import { z } from 'zod';

const uuid = z.uuid({ message: 'must be a valid id' });
const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time with a time zone, e.g. 2026-05-01T09:00:00Z' });

export const lonLat = z.object({
  lon: z.number({ message: 'must be a number' }).min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  lat: z.number({ message: 'must be a number' }).min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
});

export const createBookingInput = z
  .object({
    serviceId: uuid,
    type: z.enum(['scheduled', 'on_demand'], { message: 'must be scheduled or on_demand' }),
    startsAt: isoInstant.optional(),
    location: lonLat.optional(),
    addressLine: z.string().trim().min(3, 'must be at least 3 characters').max(300, 'must be at most 300 characters').optional(),
    notes: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
    paymentMethod: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
    savedAddressId: uuid.optional(),
    recurrence: z
      .object({
        every: z.enum(['week', 'fortnight'], { message: 'must be week or fortnight' }),
        count: z.number().int('must be a whole number').min(2, 'must be at least 2').max(12, 'must be at most 12'),
      })
      .optional(),
    idempotencyKey: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'scheduled' && !v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'is required for a scheduled booking' });
    if (v.type === 'on_demand' && v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'must be empty for an on-demand booking' });
    if (v.type === 'on_demand' && v.recurrence) ctx.addIssue({ code: 'custom', path: ['recurrence'], message: 'is only possible for scheduled bookings' });
    if (!v.savedAddressId) {
      if (!v.location) ctx.addIssue({ code: 'custom', path: ['location'], message: 'is required (or choose a saved address)' });
      if (!v.addressLine) ctx.addIssue({ code: 'custom', path: ['addressLine'], message: 'is required (or choose a saved address)' });
    }
  });
export type CreateBookingInput = z.infer<typeof createBookingInput>;

export const bookingIdInput = z.object({ bookingId: uuid });

export const cancelBookingInput = z.object({
  bookingId: uuid,
  reason: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  /** The fee the caller saw in the preview; a different fee now is a 409 so nobody pays a surprise. */
  expectedFeeMinor: z.number().int().min(0).optional(),
});

export const rescheduleBookingInput = z.object({ bookingId: uuid, startsAt: isoInstant });

export const assignCrewInput = z.object({
  bookingId: uuid,
  leadId: uuid,
  supportIds: z.array(uuid).max(19, 'must list at most 19 people').default([]),
});

export const respondToOfferInput = z.object({
  offerId: uuid,
  accept: z.boolean({ message: 'must be true or false' }),
  /** Accepting on arrival: the job starts at once (on demand, DOMAIN.md). */
  arrived: z.boolean().optional(),
});

export const declineRequestInput = z.object({ bookingId: uuid, reason: z.string().trim().max(500).optional() });

export const markNoShowInput = z.object({ bookingId: uuid, party: z.enum(['customer', 'crew'], { message: 'must be customer or crew' }) });

export const listProviderBookingsQuery = z.object({
  from: isoInstant,
  to: isoInstant,
});

export const listMyBookingsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- wire types -------------------------------------------------------------------------------

export const quoteLineWire = z.object({ key: z.string(), label: z.string(), amountMinor: z.number().int() });

export const bookingWire = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.string(),
  type: z.enum(['on_demand', 'scheduled']),
  serviceId: z.string(),
  serviceTitle: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  customerId: z.string(),
  zoneId: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  timeZone: z.string(),
  addressLine: z.string(),
  location: z.tuple([z.number(), z.number()]),
  notes: z.string(),
  currency: z.string(),
  priceMinor: z.number().int(),
  serviceFeeMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxRateBp: z.number().int(),
  taxInclusive: z.boolean(),
  totalMinor: z.number().int(),
  providerCurrency: z.string(),
  providerPriceMinor: z.number().int(),
  fxRate: z.string(),
  lines: z.array(quoteLineWire),
  confirmationDueAt: z.string().nullable(),
  seriesId: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancellationFeeMinor: z.number().int().nullable(),
  crew: z.array(z.object({ servicemanId: z.string(), name: z.string(), role: z.enum(['lead', 'support']) })),
  createdAt: z.string(),
});
export type BookingWire = z.infer<typeof bookingWire>;

export const createBookingResult = z.object({
  booking: bookingWire,
  /** Every occurrence of a recurring booking, in order (the first is `booking`). */
  seriesBookingIds: z.array(z.string()),
  payment: z.object({ status: z.string(), nextActionUrl: z.string().nullable() }),
});
export type CreateBookingResult = z.infer<typeof createBookingResult>;

export const cancellationPreviewWire = z.object({
  bookingId: z.string(),
  currency: z.string(),
  totalMinor: z.number().int(),
  feeMinor: z.number().int(),
  free: z.boolean(),
  reason: z.string(),
});

export const timelineEntryWire = z.object({ fromStatus: z.string().nullable(), toStatus: z.string(), at: z.string(), actorType: z.string(), note: z.string() });
