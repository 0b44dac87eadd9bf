/**
 * Shared building blocks of the custom-job verbs: references, the owner's write lock, who may see a
 * job, notices and the photo list. Not a public API (other domains use lib/custom-jobs/index.ts).
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Executor, type Tx } from '@/db/client';
import { bids, customJobPhotos, customJobs, memberships, storedFiles } from '@/db/schema';
import { can } from '@/lib/core/auth/permissions';
import type { Actor, Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import { storeUpload } from '@/lib/storage';
import { isEligibleProvider } from './eligibility';
import { JOB_MAX_DEADLINE_DAYS, JOB_MAX_PHOTOS, type UploadFile } from './schemas';
import { validation } from '@/lib/core/errors';

export type TxCtx = Ctx & { tx: Tx };
export type JobRow = typeof customJobs.$inferSelect;

const DAY = 24 * 3_600_000;

/** Short human reference, e.g. JB-7K2M9QD (Crockford base32, no I/L/O/U). */
export function newJobReference(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (const b of randomBytes(7)) out += alphabet[b & 31];
  return `JB-${out}`;
}

/** The provider organisations the actor administers right now. */
export function adminProviderOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.memberships.filter((m) => m.role === 'provider_admin' && m.orgId && m.orgKind === 'provider').map((m) => m.orgId!))];
}

export function enterpriseOrgIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.memberships.filter((m) => (m.role === 'enterprise_admin' || m.role === 'enterprise_member') && m.orgId).map((m) => m.orgId!))];
}

/** A deadline is in the future and within the horizon; the message names the rule broken. */
export function checkDeadline(field: string, deadline: Date, now: Date): void {
  if (deadline.getTime() <= now.getTime()) throw validation({ [field]: ['must be in the future'] });
  if (deadline.getTime() > now.getTime() + JOB_MAX_DEADLINE_DAYS * DAY) throw validation({ [field]: [`must be within ${JOB_MAX_DEADLINE_DAYS} days`] });
}

/**
 * The posting customer's write lock on a job (FOR UPDATE, so edit / cancel / extend / award and
 * the deadline job serialise). Anyone else gets NOT_FOUND: a job's existence is not disclosed.
 */
export async function lockOwnJob(c: TxCtx, jobId: string): Promise<JobRow> {
  const [job] = await c.tx.select().from(customJobs).where(eq(customJobs.id, jobId)).for('update');
  if (!job || c.actor.kind !== 'user' || job.customerId !== c.actor.userId) throw notFound('That job');
  return job;
}

export function assertNotAwarded(job: JobRow): void {
  if (job.status === 'awarded') throw new AppError('CONFLICT', 'This job has been awarded; it can no longer be changed.', { status: job.status });
  if (job.status === 'cancelled') throw new AppError('CONFLICT', 'This job was cancelled.', { status: job.status });
}

export type Viewer = 'customer' | 'provider' | 'operations';

/**
 * How the actor relates to a job, or null (→ NOT_FOUND): its customer; operations; a provider
 * admin whose business is eligible (lib/custom-jobs/eligibility.ts, the one rule) or has a bid on
 * it (so a bidder keeps its view after coverage changes).
 */
export async function viewerOf(ex: Executor, actor: Actor, job: Pick<JobRow, 'id' | 'customerId'>, at: Date): Promise<{ viewer: Viewer; providerOrgId: string | null } | null> {
  if (actor.kind !== 'user') return null;
  if (job.customerId === actor.userId) return { viewer: 'customer', providerOrgId: null };
  if (can(actor, 'jobs.read_all')) return { viewer: 'operations', providerOrgId: null };
  for (const orgId of adminProviderOrgIds(actor)) {
    if (await isEligibleProvider(ex, { jobId: job.id, providerOrgId: orgId, at })) return { viewer: 'provider', providerOrgId: orgId };
    const [bid] = await ex.select({ id: bids.id }).from(bids).where(and(eq(bids.jobId, job.id), eq(bids.providerOrgId, orgId)));
    if (bid) return { viewer: 'provider', providerOrgId: orgId };
  }
  return null;
}

/** Stores uploads as the job's photos from `start`, each field named `photos.N` in errors. */
export async function addPhotos(tx: Tx, q: { jobId: string; ownerUserId: string; photos: UploadFile[]; existing: number; at: Date }): Promise<string[]> {
  if (q.existing + q.photos.length > JOB_MAX_PHOTOS) throw validation({ photos: [`at most ${JOB_MAX_PHOTOS} photos per job`] });
  const used = rowsOf<{ position: number }>(await tx.execute(sql`select position from custom_job_photos where job_id = ${q.jobId}::uuid`)).map((r) => Number(r.position));
  const free = [0, 1, 2, 3, 4, 5].filter((p) => !used.includes(p));
  const ids: string[] = [];
  for (const [i, photo] of q.photos.entries()) {
    const file = await storeUpload(tx, { purpose: 'job_photo', ownerUserId: q.ownerUserId, bytes: photo.bytes, originalName: photo.name, accept: ['image'], field: `photos.${i}` });
    await tx.insert(customJobPhotos).values({ jobId: q.jobId, fileId: file.id, position: free[i], createdAt: q.at });
    ids.push(file.id);
  }
  return ids;
}

export interface JobPhoto {
  fileId: string;
  url: string;
  contentType: string;
  sizeBytes: number;
  originalName: string;
  position: number;
}

export async function jobPhotos(ex: Executor, jobId: string): Promise<JobPhoto[]> {
  const rows = await ex
    .select({ fileId: customJobPhotos.fileId, position: customJobPhotos.position, contentType: storedFiles.contentType, sizeBytes: storedFiles.sizeBytes, originalName: storedFiles.originalName })
    .from(customJobPhotos)
    .innerJoin(storedFiles, eq(storedFiles.id, customJobPhotos.fileId))
    .where(and(eq(customJobPhotos.jobId, jobId), isNull(storedFiles.deletedAt)))
    .orderBy(asc(customJobPhotos.position));
  return rows.map((r) => ({ ...r, url: jobPhotoUrl(jobId, r.fileId) }));
}

export const jobPhotoUrl = (jobId: string, fileId: string) => `/api/v1/jobs/${jobId}/photos/${fileId}`;
export const customerJobHref = (id: string) => `/account/jobs/${id}`;
export const providerJobHref = (id: string) => `/provider/job-feed/${id}`;

export { notify, type NoticeInput } from '@/lib/notifications/notify';

/** Provider admins of every organisation holding a bid in `statuses` on the job. */
export async function bidderAdminUserIds(tx: Tx, jobId: string, statuses: Array<(typeof bids.$inferSelect)['status']>, at: Date): Promise<string[]> {
  const orgs = await tx.select({ orgId: bids.providerOrgId }).from(bids).where(and(eq(bids.jobId, jobId), inArray(bids.status, statuses)));
  if (!orgs.length) return [];
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(
          memberships.orgId,
          orgs.map((o) => o.orgId),
        ),
        eq(memberships.role, 'provider_admin'),
        or(isNull(memberships.expiresAt), gt(memberships.expiresAt, at)),
      ),
    );
  return [...new Set(rows.map((r) => r.userId))];
}
