import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { isValidDate, isValidTimeZone } from '@/lib/core/zoned-time';

// Public availability routes. Slots carry instants (ISO, UTC) plus the zone they were generated
// in; crew ids stay internal (the orchestrator picks and locks the crew when booking).

export const slotsQuery = z.object({
  from: z.string().trim().refine(isValidDate, 'must be a date such as 2026-05-01').optional(),
  days: z.preprocess(
    (v) => (v === undefined || v === '' ? 7 : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(14, 'must be at most 14'),
  ),
  timeZone: z.string().trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London').optional(),
});

export const alternativesQuery = z.object({
  near: z.iso.datetime({ offset: true, error: 'must be an ISO date-time such as 2026-05-01T09:00:00Z' }),
  limit: z.preprocess(
    (v) => (v === undefined || v === '' ? 5 : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
    z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20'),
  ),
  timeZone: z.string().trim().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London').optional(),
});

const publicSlot = z.object({ startsAt: z.string(), endsAt: z.string() });

export const slotsResponse = z.object({
  serviceId: z.string(),
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), slots: z.array(publicSlot) })),
});

export const alternativesResponse = z.object({ serviceId: z.string(), timeZone: z.string(), slots: z.array(publicSlot) });

export const serviceSlotsContract = {
  method: 'GET',
  path: '/api/v1/services/[serviceId]/slots',
  summary: 'Bookable slots of an active service per calendar date (up to 14 days), in the job location’s zone',
  tags: ['availability'],
  auth: 'public',
  query: slotsQuery,
  response: slotsResponse,
} satisfies RouteContract;

export const serviceAlternativesContract = {
  method: 'GET',
  path: '/api/v1/services/[serviceId]/alternatives',
  summary: 'The next bookable slots after a taken one (what a 409 on booking points to)',
  tags: ['availability'],
  auth: 'public',
  query: alternativesQuery,
  response: alternativesResponse,
} satisfies RouteContract;

export const availabilityContracts: RouteContract[] = [serviceSlotsContract, serviceAlternativesContract];
