import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { bookingWire, cancelBookingInput, cancellationPreviewWire, createBookingInput, createBookingResult, rescheduleBookingInput, timelineEntryWire } from './schemas';

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

export const bookingContracts: RouteContract[] = [createBookingContract, getBookingContract, cancelBookingContract, rescheduleBookingContract, cancellationPreviewContract];
