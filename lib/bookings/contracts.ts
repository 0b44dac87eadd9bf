import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { assignCrewInput, bookingIdInput, bookingWire, cancelBookingInput, declineRequestInput, markNoShowInput, respondToOfferInput, cancellationPreviewWire, createBookingInput, createBookingResult, rescheduleBookingInput, timelineEntryWire } from './schemas';

// Route contracts of the booking orchestrator. Scope (own booking, own provider, assigned crew,
// operations) is checked by each verb; the wrapper checks the permission where one fits all callers.

const withoutId = <T extends z.ZodObject>(s: T) => s.omit({ bookingId: true } as never);

export const createBookingContract = {
  method: 'POST',
  path: '/api/v1/bookings',
  summary: 'Book a service (scheduled slot or on demand); send an Idempotency-Key — a retry returns the first booking',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.create',
  body: createBookingInput,
  response: createBookingResult,
  maxBodyBytes: 20_000,
  idempotent: true,
} satisfies RouteContract;

export const getBookingContract = {
  method: 'GET',
  path: '/api/v1/bookings/[id]',
  summary: 'One booking with its quote breakdown, crew and timeline (own, provider, crew or operations)',
  tags: ['bookings'],
  auth: 'user',
  response: bookingWire.extend({ timeline: z.array(timelineEntryWire) }),
} satisfies RouteContract;

export const cancelBookingContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/cancel',
  summary: 'Cancel a booking; send expectedFeeMinor from the preview so a changed fee is a 409, never a surprise',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.cancel',
  body: withoutId(cancelBookingInput),
  response: z.object({ bookingId: z.string(), status: z.literal('cancelled'), feeMinor: z.number().int(), currency: z.string() }),
  maxBodyBytes: 10_000,
  idempotent: true,
} satisfies RouteContract;

export const rescheduleBookingContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/reschedule',
  summary: 'Move a scheduled booking to a new start (one transaction; only while cancelling would be free)',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.reschedule',
  body: withoutId(rescheduleBookingInput),
  response: z.object({ bookingId: z.string(), startsAt: z.string(), endsAt: z.string(), servicemanIds: z.array(z.string()) }),
  maxBodyBytes: 10_000,
  idempotent: true,
} satisfies RouteContract;

export const cancellationPreviewContract = {
  method: 'GET',
  path: '/api/v1/bookings/[id]/cancellation-preview',
  summary: 'The fee the caller would pay to cancel now, with the rule that applies',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.cancel',
  response: cancellationPreviewWire,
} satisfies RouteContract;

// ---- the job's life after booking: the provider's desk and the crew's phone -----------------------

const statusResult = z.object({ bookingId: z.string(), status: z.string() });
const workBody = withoutId(bookingIdInput);

export const assignCrewContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/assign',
  summary: "Assign or reassign the crew (the provider's admins): a lead plus support, exactly the booking's crew size, all free for the window",
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.manage',
  body: withoutId(assignCrewInput),
  response: z.object({ bookingId: z.string(), status: z.string(), servicemanIds: z.array(z.string()) }),
  maxBodyBytes: 10_000,
  idempotent: true,
} satisfies RouteContract;

export const confirmRequestContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/confirm',
  summary: 'Accept a booking request of a service that needs confirmation (before its deadline)',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.manage',
  body: workBody,
  response: statusResult,
  maxBodyBytes: 2_000,
  idempotent: true,
} satisfies RouteContract;

export const declineRequestContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/decline',
  summary: 'Decline a booking request; the payment hold is released',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.manage',
  body: withoutId(declineRequestInput),
  response: z.object({ bookingId: z.string(), status: z.literal('cancelled') }),
  maxBodyBytes: 10_000,
  idempotent: true,
} satisfies RouteContract;

export const checkInContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/check-in',
  summary: 'The crew is on site: scheduled → in progress; the payment is captured into escrow',
  tags: ['bookings'],
  auth: 'user',
  body: workBody,
  response: statusResult,
  maxBodyBytes: 2_000,
  idempotent: true,
} satisfies RouteContract;

export const completeBookingContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/complete',
  summary: "The job is done: in progress → completed; the provider's share moves to pending; the receipt is sent",
  tags: ['bookings'],
  auth: 'user',
  body: workBody,
  response: statusResult,
  maxBodyBytes: 2_000,
  idempotent: true,
} satisfies RouteContract;

export const markNoShowContract = {
  method: 'POST',
  path: '/api/v1/bookings/[id]/no-show',
  summary: 'Record a no-show: the customer (fee per the cancellation policy) or the crew (full refund)',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.report_no_show',
  body: withoutId(markNoShowInput),
  response: z.object({ bookingId: z.string(), status: z.literal('cancelled'), feeMinor: z.number().int() }),
  maxBodyBytes: 2_000,
  idempotent: true,
} satisfies RouteContract;

export const respondToOfferContract = {
  method: 'POST',
  path: '/api/v1/dispatch-offers/[id]/respond',
  summary: 'A serviceman accepts (optionally already on site) or declines an on-demand job offer',
  tags: ['bookings'],
  auth: 'user',
  permission: 'bookings.respond_offer',
  body: respondToOfferInput.omit({ offerId: true }),
  response: statusResult,
  maxBodyBytes: 2_000,
  idempotent: true,
} satisfies RouteContract;

export const bookingContracts: RouteContract[] = [
  createBookingContract,
  getBookingContract,
  cancelBookingContract,
  rescheduleBookingContract,
  cancellationPreviewContract,
  assignCrewContract,
  confirmRequestContract,
  declineRequestContract,
  checkInContract,
  completeBookingContract,
  markNoShowContract,
  respondToOfferContract,
];
