import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { meContract, signUpContract } from '@/lib/identity/contracts';
import { matchContracts } from '@/lib/geo/match-contracts';
import { zoneContracts } from '@/lib/geo/zone-contracts';
import { bookingContracts } from '@/lib/bookings/contracts';
import { availabilityContracts } from '@/lib/availability/contracts';
import { quotePreviewContract } from '@/lib/bookings/quote-contract';
import { myNotificationsContract } from '@/lib/notifications/in-app-contracts';
import { customJobContracts } from '@/lib/custom-jobs/contracts';
import { disputeContracts } from '@/lib/disputes/contracts';
import { bidContracts } from '@/lib/bids/contracts';
import { inventoryContracts } from '@/lib/inventory/contracts';
import { complianceContracts } from '@/lib/compliance/contracts';
import { marketplaceContracts } from '@/lib/marketplace/contracts';
import { rentalContracts } from '@/lib/rentals/contracts';

export const healthContract = {
  method: 'GET',
  path: '/api/health',
  summary: 'Database, migrations and job queue health (200 ok, 503 otherwise)',
  tags: ['operations'],
  auth: 'public',
  response: z.object({
    status: z.enum(['ok', 'degraded', 'down']),
    engine: z.enum(['postgres', 'pglite']),
    checks: z.object({
      database: z.object({ ok: z.boolean(), ms: z.number(), error: z.string().optional() }),
      migrations: z.object({ ok: z.boolean(), applied: z.number(), expected: z.number() }),
      jobs: z.object({ ok: z.boolean(), inProcess: z.boolean() }),
    }),
  }),
} satisfies RouteContract;

/** Every documented route. A domain adds its contracts here when it adds routes. */
export const contracts: RouteContract[] = [healthContract, meContract, signUpContract, ...zoneContracts, ...matchContracts, ...bookingContracts, ...availabilityContracts, quotePreviewContract, myNotificationsContract, ...customJobContracts, ...disputeContracts, ...bidContracts, ...inventoryContracts, ...complianceContracts, ...marketplaceContracts, ...rentalContracts];
