import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { appealInput, listInput, markInternalInput, resolveInput, startReviewInput, withdrawInput } from './schemas';
import { disputeDetailWire, disputeListItemWire } from './wire';

// Route contracts of disputes. Which dispute the caller may touch (party, provider, operations) is
// checked by each verb; forms with evidence are multipart (field `files`, repeated) or JSON.

const withoutId = <T extends z.ZodObject>(s: T) => s.omit({ disputeId: true } as never);
const ok = z.object({ disputeId: z.string(), status: z.string() });

export const listDisputesContract = {
  method: 'GET',
  path: '/api/v1/disputes',
  summary: 'Disputes of the caller: scope=customer (own bookings), provider (own organisation) or operations (all, with queue filters)',
  tags: ['disputes'],
  auth: 'user',
  query: listInput.extend({ scope: z.enum(['customer', 'provider', 'operations']) }),
  response: z.object({ items: z.array(disputeListItemWire) }),
} satisfies RouteContract;

export const openDisputeContract = {
  method: 'POST',
  path: '/api/v1/disputes',
  summary: 'Open a dispute on a booking (or an awarded job) — multipart: subjectKind, subjectId, reasonCode, reason (≥ 20 chars), evidenceNote, files',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.open',
  response: z.object({ disputeId: z.string(), reference: z.string(), responseDueAt: z.string() }),
} satisfies RouteContract;

export const getDisputeContract = {
  method: 'GET',
  path: '/api/v1/disputes/[id]',
  summary: 'One dispute with its timeline and evidence (internal items for operations only)',
  tags: ['disputes'],
  auth: 'user',
  response: disputeDetailWire,
} satisfies RouteContract;

export const respondDisputeContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/respond',
  summary: 'The other party responds before the deadline — multipart: response, files',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.participate',
  response: ok,
} satisfies RouteContract;

export const addEvidenceContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/evidence',
  summary: 'Add evidence while the dispute is not resolved — multipart: note, files',
  tags: ['disputes'],
  auth: 'user',
  response: z.object({ evidenceIds: z.array(z.string()) }),
} satisfies RouteContract;

export const evidenceFileContract = {
  method: 'GET',
  path: '/api/v1/disputes/[id]/evidence/[evidenceId]',
  summary: 'The file of one evidence item, when the caller may see it',
  tags: ['disputes'],
  auth: 'user',
} satisfies RouteContract;

export const markInternalContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/evidence/[evidenceId]/internal',
  summary: 'Operations hide an evidence item from the parties (or show it again)',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.manage',
  body: markInternalInput.pick({ internal: true }),
  response: z.object({ evidenceId: z.string(), internal: z.boolean() }),
} satisfies RouteContract;

export const withdrawDisputeContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/withdraw',
  summary: 'The opener withdraws before resolution; the booking returns to where it was',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.participate',
  body: withoutId(withdrawInput),
  response: ok.extend({ bookingStatus: z.string().nullable() }),
} satisfies RouteContract;

export const appealDisputeContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/appeal',
  summary: 'Either party appeals once, within 7 days of the resolution',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.participate',
  body: withoutId(appealInput),
  response: ok,
} satisfies RouteContract;

export const resolveDisputeContract = {
  method: 'POST',
  path: '/api/v1/disputes/[id]/resolve',
  summary: 'Operations resolve: full_refund | partial_refund (refundMinor) | no_refund | release; an appeal needs another operations user',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.manage',
  // Amounts stay as sent (integer or digit string) here: the stored idempotent request is JSON; the verb parses them.
  body: withoutId(resolveInput).extend({ refundMinor: z.union([z.number().int(), z.string().regex(/^\d+$/, 'must be a whole number of minor units')]).nullish() }),
  response: z.object({ disputeId: z.string(), outcome: z.string(), refundMinor: z.number().int(), refundedNowMinor: z.number().int(), bookingStatus: z.string().nullable() }),
  idempotent: true,
} satisfies RouteContract;

export const startReviewContract = {
  method: 'POST',
  path: '/api/v1/disputes/review',
  summary: 'Operations start the review of selected disputes (bulk)',
  tags: ['disputes'],
  auth: 'user',
  permission: 'disputes.manage',
  body: startReviewInput,
  response: z.object({ started: z.array(z.string()) }),
} satisfies RouteContract;

export const disputeContracts: RouteContract[] = [
  listDisputesContract,
  openDisputeContract,
  getDisputeContract,
  respondDisputeContract,
  addEvidenceContract,
  evidenceFileContract,
  markInternalContract,
  withdrawDisputeContract,
  appealDisputeContract,
  resolveDisputeContract,
  startReviewContract,
];
