import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { availabilityInput, cancelInput, extendInput, listInput, rejectInput, requestInput, scheduleInput, windowInput } from './schemas';

// Route contracts of rentals. Which rental the caller may touch (renter, provider admin,
// operations) is checked by each verb; forms with photos are multipart (field `photos`, repeated).

const withoutId = <T extends z.ZodObject>(s: T) => s.omit({ rentalId: true } as never);
const ok = z.object({ rentalId: z.string() }).passthrough();
const any = z.record(z.string(), z.unknown());

export const listRentalsContract = {
  method: 'GET',
  path: '/api/v1/rentals',
  summary: 'Rentals of the caller: scope=customer (own), provider (own organisation) or operations (all; filters status, providerOrgId)',
  tags: ['rentals'],
  auth: 'user',
  query: listInput.extend({ scope: z.enum(['customer', 'provider', 'operations']).default('customer') }),
  response: z.object({ items: z.array(any) }),
} satisfies RouteContract;

export const requestRentalContract = {
  method: 'POST',
  path: '/api/v1/rentals',
  summary: 'Request a rental from a visible tool-rental listing (409 when not available for the window, 412 when renter documents are missing). Honours Idempotency-Key.',
  tags: ['rentals'],
  auth: 'user',
  permission: 'rentals.request',
  body: requestInput,
  idempotent: true,
  response: z.object({ rentalId: z.string(), reference: z.string(), totalMinor: z.number(), depositMinor: z.number() }),
} satisfies RouteContract;

export const previewRentalContract = {
  method: 'GET',
  path: '/api/v1/rentals/preview',
  summary: 'Price and deposit of a window (no writes) with the quantity free for it',
  tags: ['rentals'],
  auth: 'public',
  query: windowInput,
  response: any,
} satisfies RouteContract;

export const availabilityContract = {
  method: 'GET',
  path: '/api/v1/rentals/availability',
  summary: 'Free units / quantity per UTC day for the calendar (default 60 days from today)',
  tags: ['rentals'],
  auth: 'public',
  query: availabilityInput,
  response: z.object({ listingId: z.string(), tracking: z.string(), capacity: z.number(), days: z.array(z.object({ date: z.string(), free: z.number() })) }),
} satisfies RouteContract;

export const getRentalContract = {
  method: 'GET',
  path: '/api/v1/rentals/[id]',
  summary: 'One rental with its timeline, returns, charges, payments, settlement (or its live preview)',
  tags: ['rentals'],
  auth: 'user',
  response: any,
} satisfies RouteContract;

const step = (name: string, summary: string, body?: z.ZodObject, permission?: 'rentals.manage') =>
  ({ method: 'POST', path: `/api/v1/rentals/[id]/${name}`, summary, tags: ['rentals'], auth: 'user', ...(permission ? { permission } : {}), ...(body ? { body: withoutId(body) } : {}), idempotent: true, response: ok }) satisfies RouteContract;

export const approveRentalContract = step('approve', 'Provider approves a request', undefined, 'rentals.manage');
export const rejectRentalContract = step('reject', 'Provider declines a request with a reason (hold voided)', rejectInput, 'rentals.manage');
export const scheduleRentalContract = step('schedule', 'Provider schedules the pickup (stock reserved now; 409 if not on hand)', scheduleInput, 'rentals.manage');
export const cancelRentalContract = step('cancel', 'Renter or provider cancels before checkout (fee-free)', cancelInput);
export const extendRentalContract = step('extend', 'Renter or provider moves the end later if the item is free', extendInput);
export const settleRentalContract = step('settle', 'Provider settles an inspected rental (charges netted against the deposit)', undefined, 'rentals.manage');
export const checkoutRentalContract = step('checkout', 'Provider hands over — multipart: condition, note, photos (deposit hold, payment captured)', undefined, 'rentals.manage');
export const returnRentalContract = step('return', 'Provider records a return — multipart: quantity or unitIds, condition, note, photos', undefined, 'rentals.manage');
export const inspectRentalContract = step('inspect', 'Provider inspects — multipart: outcome, note, charges (JSON list), photos', undefined, 'rentals.manage');

export const rentalPhotoContract = {
  method: 'GET',
  path: '/api/v1/rentals/[id]/photos/[fileId]',
  summary: 'A rental photo (parties and operations)',
  tags: ['rentals'],
  auth: 'user',
} satisfies RouteContract;

export const rentalContracts: RouteContract[] = [
  listRentalsContract,
  requestRentalContract,
  previewRentalContract,
  availabilityContract,
  getRentalContract,
  approveRentalContract,
  rejectRentalContract,
  scheduleRentalContract,
  cancelRentalContract,
  extendRentalContract,
  checkoutRentalContract,
  returnRentalContract,
  inspectRentalContract,
  settleRentalContract,
  rentalPhotoContract,
];
