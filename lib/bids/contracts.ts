import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { awardBidInput, awardBidResult, bidMessageWire, bidWire, postBidMessageInput } from './schemas';

// Route contracts of bids. Place and revise take multipart/form-data (fields + up to 3
// `attachments`, images or PDFs) or JSON, so their body is read by the handler, not the wrapper.
// Scope (eligible provider, own bid, the job's customer) is checked by each verb.

const placed = z.object({ bidId: z.string(), revision: z.number().int() });

export const listJobBidsContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]/bids',
  summary: "The bids on the caller's job, with revisions and attachments (the job's customer)",
  tags: ['bids'],
  auth: 'user',
  response: z.object({ bids: z.array(bidWire) }),
} satisfies RouteContract;

export const placeBidContract = {
  method: 'POST',
  path: '/api/v1/jobs/[id]/bids',
  summary: 'Place a bid (multipart: amountMinor, etaDays, message, currency?, attachments ≤ 3; or JSON). 409 when the provider already bid — revise instead',
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.manage',
  response: placed,
} satisfies RouteContract;

export const reviseBidContract = {
  method: 'PATCH',
  path: '/api/v1/jobs/[id]/bids/[bidId]',
  summary: 'Revise an active bid before the deadline (multipart or JSON: amountMinor, etaDays, message, attachments replace the set)',
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.manage',
  response: placed,
} satisfies RouteContract;

export const withdrawBidContract = {
  method: 'DELETE',
  path: '/api/v1/jobs/[id]/bids/[bidId]',
  summary: 'Withdraw an active bid before the deadline (it may be placed again)',
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.manage',
  response: z.object({ bidId: z.string(), status: z.literal('withdrawn') }),
} satisfies RouteContract;

export const bidThreadContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]/bids/[bidId]/messages',
  summary: "A bid's Q&A thread (the job's customer or the bidding provider's admins)",
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.message',
  response: z.object({ messages: z.array(bidMessageWire) }),
} satisfies RouteContract;

export const postBidMessageContract = {
  method: 'POST',
  path: '/api/v1/jobs/[id]/bids/[bidId]/messages',
  summary: "Post in a bid's Q&A thread (≤ 2,000 characters); the other side is notified",
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.message',
  body: postBidMessageInput.omit({ bidId: true }),
  response: z.object({ messageId: z.string(), authorParty: z.enum(['customer', 'provider']) }),
  maxBodyBytes: 20_000,
} satisfies RouteContract;

export const awardPreviewContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]/bids/[bidId]/award-preview',
  summary: "What awarding this bid books and costs: the winner's service (for its slots) and the quote at the bid price",
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.award',
  response: z.object({
    serviceId: z.string(),
    serviceTitle: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    currency: z.string(),
    lines: z.array(z.object({ key: z.string(), label: z.string(), amountMinor: z.number().int(), included: z.boolean().optional() })),
    totalMinor: z.number().int(),
  }),
} satisfies RouteContract;

export const bidAttachmentContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]/bids/[bidId]/attachments/[fileId]',
  summary: "A bid's attachment (the job's customer or the bidding provider's admins)",
  tags: ['bids'],
  auth: 'user',
} satisfies RouteContract;

export const awardBidContract = {
  method: 'POST',
  path: '/api/v1/jobs/[id]/award',
  summary: 'Award a bid: books the winner at the bid price in the same transaction (slot from its availability, test card), declines the others; send an Idempotency-Key',
  tags: ['bids'],
  auth: 'user',
  permission: 'bids.award',
  body: awardBidInput.omit({ jobId: true }),
  response: awardBidResult,
  maxBodyBytes: 20_000,
  idempotent: true,
} satisfies RouteContract;

export const bidContracts: RouteContract[] = [
  listJobBidsContract,
  placeBidContract,
  reviseBidContract,
  withdrawBidContract,
  bidThreadContract,
  postBidMessageContract,
  awardPreviewContract,
  bidAttachmentContract,
  awardBidContract,
];
