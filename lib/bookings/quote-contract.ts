/**
 * GET /api/v1/bookings/quote — input and wire shape of the read-only quote preview. Client-safe
 * (no database imports): the wizard imports the types.
 */
import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { SERIES_MAX_VISITS, SERIES_MIN_VISITS } from './series-preview';

const num = (what: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number({ message: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a number`));

export const quotePreviewInput = z.object({
  serviceId: z.uuid({ message: 'must be a valid id' }),
  type: z.enum(['scheduled', 'on_demand'], { message: 'must be scheduled or on_demand' }).default('scheduled'),
  lon: num('longitude').pipe(z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180')),
  lat: num('latitude').pipe(z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90')),
  startsAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time with a time zone' }).optional(),
  /** A repeating booking: every week or fortnight, `count` visits (the same limits as booking). */
  repeat: z.enum(['week', 'fortnight'], { message: 'must be week or fortnight' }).optional(),
  count: z
    .preprocess(
      (v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
      z
        .number({ message: `must be a whole number from ${SERIES_MIN_VISITS} to ${SERIES_MAX_VISITS}` })
        .int(`must be a whole number from ${SERIES_MIN_VISITS} to ${SERIES_MAX_VISITS}`)
        .min(SERIES_MIN_VISITS, `must be at least ${SERIES_MIN_VISITS}`)
        .max(SERIES_MAX_VISITS, `must be at most ${SERIES_MAX_VISITS}`),
    )
    .optional(),
});

export const quotePreviewWire = z.object({
  serviceId: z.string(),
  type: z.enum(['scheduled', 'on_demand']),
  zone: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** The provider serves this service at this point (its coverage of the zone or its own area). */
  covered: z.boolean(),
  currency: z.string(),
  priceMinor: z.number().int(),
  serviceFeeMinor: z.number().int(),
  taxMinor: z.number().int(),
  taxRateBp: z.number().int(),
  taxInclusive: z.boolean(),
  totalMinor: z.number().int(),
  lines: z.array(z.object({ key: z.string(), label: z.string(), amountMinor: z.number().int(), included: z.boolean() })),
  /** With `repeat` + `count`: each visit (start, local date) and the series total (per-visit total × count). */
  occurrences: z
    .object({
      every: z.enum(['week', 'fortnight']),
      count: z.number().int(),
      starts: z.array(z.object({ index: z.number().int(), startsAt: z.string(), localDate: z.string() })),
      seriesTotalMinor: z.number().int(),
    })
    .optional(),
});
export type QuotePreview = z.infer<typeof quotePreviewWire>;

export const quotePreviewContract = {
  method: 'GET',
  path: '/api/v1/bookings/quote',
  summary: 'The price breakdown a booking of this service at this point would get now (read only; public)',
  tags: ['bookings'],
  auth: 'public',
  query: quotePreviewInput,
  response: quotePreviewWire,
} satisfies RouteContract;

/** A service as the booking pages show it (server query in quote-preview.ts, client wizard). */
export interface BookableService {
  id: string;
  title: string;
  description: string;
  categoryName: string;
  providerOrgId: string;
  providerName: string;
  providerSlug: string;
  priceMinor: number;
  currency: string;
  taxInclusive: boolean;
  durationMinutes: number;
  crewSize: number;
  minNoticeMinutes: number;
  requiresConfirmation: boolean;
  acceptsOnDemand: boolean;
}
