import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { cancelJobInput, extendDeadlineInput, jobFeedQuery } from './schemas';

// Route contracts of custom jobs. Posting and editing take multipart/form-data (fields + `photos`
// files) or JSON without photos, so their bodies are read by the handler, not the wrapper.

const photo = z.object({ fileId: z.string(), url: z.string(), contentType: z.string(), sizeBytes: z.number(), originalName: z.string(), position: z.number() });

export const postJobContract = {
  method: 'POST',
  path: '/api/v1/jobs',
  summary:
    'Post a custom job (multipart/form-data: title, description, categoryId, lon, lat, addressLine, outOfZoneAllowed, budgetMinMinor, budgetMaxMinor, currency, bidDeadline, invitedProviderIds[], inviteOnly, photos[] ≤ 6 images; or JSON without photos). Send an Idempotency-Key.',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.post',
  response: z.object({ id: z.string(), reference: z.string(), status: z.literal('open'), zoneId: z.string().nullable(), photoIds: z.array(z.string()), href: z.string() }),
} satisfies RouteContract;

export const listMyJobsContract = {
  method: 'GET',
  path: '/api/v1/jobs',
  summary: 'My custom jobs, newest first',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.post',
} satisfies RouteContract;

export const getJobContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]',
  summary: 'One custom job (its customer, operations, or an eligible provider; anyone else 404)',
  tags: ['custom-jobs'],
  auth: 'user',
  response: z.object({ id: z.string(), reference: z.string(), title: z.string(), status: z.string(), version: z.number(), photos: z.array(photo) }),
} satisfies RouteContract;

export const editJobContract = {
  method: 'PATCH',
  path: '/api/v1/jobs/[id]',
  summary: 'Edit an open job before award (version required; a stale version is a 409). Multipart (title, description, budgetMinMinor, budgetMaxMinor, bidDeadline, removePhotoIds[], photos[]) or JSON.',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.post',
  response: z.object({ id: z.string(), version: z.number(), fields: z.array(z.string()) }),
} satisfies RouteContract;

export const cancelJobContract = {
  method: 'POST',
  path: '/api/v1/jobs/[id]/cancel',
  summary: 'Cancel a job before award; active bids are declined and their bidders told',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.post',
  body: cancelJobInput.omit({ jobId: true }),
  response: z.object({ id: z.string(), status: z.literal('cancelled'), bidsDeclined: z.number() }),
} satisfies RouteContract;

export const extendDeadlineContract = {
  method: 'POST',
  path: '/api/v1/jobs/[id]/extend-deadline',
  summary: 'Move the bid deadline later (≤ 60 days from now); a closed, unawarded job reopens',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.post',
  body: extendDeadlineInput.omit({ jobId: true }),
  response: z.object({ id: z.string(), bidDeadline: z.string(), status: z.literal('open'), version: z.number() }),
} satisfies RouteContract;

export const jobPhotoContract = {
  method: 'GET',
  path: '/api/v1/jobs/[id]/photos/[fileId]',
  summary: "A job photo's bytes (same visibility as the job)",
  tags: ['custom-jobs'],
  auth: 'user',
} satisfies RouteContract;

export const jobFeedContract = {
  method: 'GET',
  path: '/api/v1/jobs/feed',
  summary: "Open jobs the caller's business may bid on, newest first (keyset cursor)",
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.feed',
  query: jobFeedQuery,
} satisfies RouteContract;

export const jobFeedStreamContract = {
  method: 'GET',
  path: '/api/v1/jobs/feed/stream',
  summary: 'Server-sent events: `job` events ({ kind: posted|changed|closed, jobId, item }) for jobs the caller may bid on; heartbeat comments every 25 s',
  tags: ['custom-jobs'],
  auth: 'user',
  permission: 'jobs.feed',
} satisfies RouteContract;

export const customJobContracts: RouteContract[] = [postJobContract, listMyJobsContract, getJobContract, editJobContract, cancelJobContract, extendDeadlineContract, jobPhotoContract, jobFeedContract, jobFeedStreamContract];
