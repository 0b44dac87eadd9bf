import { and, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { customJobPhotos, customJobs, storedFiles } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import type { Ctx, UserActor } from '@/lib/core/context';
import { AppError, validation } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { addPhotos, assertNotAwarded, bidderAdminUserIds, checkDeadline, lockOwnJob, notify, providerJobHref, type TxCtx } from './internal';
import { publishJobChange } from './realtime';
import { editJobInput, JOB_MAX_PHOTOS } from './schemas';

export interface EditJobResult {
  id: string;
  version: number;
  fields: string[];
}

/**
 * editJob(ctx, raw) — the posting customer changes an open job before it is awarded. Optimistic:
 * the caller sends the `version` it saw; a job changed since is a 409 (reload and retry), so two
 * tabs never silently overwrite each other. The category and location stay (they decide who may
 * bid). Bidders are told what changed, and the live feed gets the new version.
 */
export async function editJob(ctx: Ctx, raw: unknown): Promise<EditJobResult> {
  authorize(ctx.actor, 'jobs.post');
  const input = parseInput(editJobInput, raw);
  const actor = ctx.actor as UserActor;
  const run = (c: TxCtx) => editInTx(c, actor, input);
  return ctx.tx ? ctx.tx.transaction((sp) => run({ ...ctx, tx: sp as unknown as TxCtx['tx'] })) : db().transaction((tx) => run({ ...ctx, tx }));
}

async function editInTx(c: TxCtx, actor: UserActor, input: ReturnType<typeof editJobInput.parse>): Promise<EditJobResult> {
  const tx = c.tx;
  const job = await lockOwnJob(c, input.jobId);
  assertNotAwarded(job);
  if (job.status !== 'open') throw new AppError('CONFLICT', 'Bids on this job have closed; extend the deadline to reopen it before editing.', { status: job.status });
  if (job.version !== input.version) {
    throw new AppError('CONFLICT', 'This job was changed since you opened it. Reload to see the latest version, then edit again.', { currentVersion: job.version });
  }

  const set: Partial<typeof customJobs.$inferInsert> = {};
  const fields: string[] = [];
  if (input.title !== undefined && input.title !== job.title) (set.title = input.title), fields.push('title');
  if (input.description !== undefined && input.description !== job.description) (set.description = input.description), fields.push('description');
  const min = input.budgetMinMinor !== undefined ? BigInt(input.budgetMinMinor) : job.budgetMinMinor;
  const max = input.budgetMaxMinor !== undefined ? BigInt(input.budgetMaxMinor) : job.budgetMaxMinor;
  if (min > max) throw validation({ budgetMaxMinor: ['must be at least the minimum budget'] });
  if (min !== job.budgetMinMinor || max !== job.budgetMaxMinor) (set.budgetMinMinor = min), (set.budgetMaxMinor = max), fields.push('budget');
  if (input.bidDeadline !== undefined) {
    const deadline = new Date(input.bidDeadline);
    if (deadline.getTime() !== job.bidDeadline.getTime()) {
      checkDeadline('bidDeadline', deadline, c.now);
      set.bidDeadline = deadline;
      fields.push('bidDeadline');
    }
  }

  const remove = [...new Set(input.removePhotoIds)];
  if (remove.length) {
    const removed = await tx
      .delete(customJobPhotos)
      .where(and(eq(customJobPhotos.jobId, job.id), inArray(customJobPhotos.fileId, remove)))
      .returning({ fileId: customJobPhotos.fileId });
    if (removed.length !== remove.length) throw validation({ removePhotoIds: ['names a photo that is not on this job'] });
    // The row stays for the audit trail; the bytes stop being served.
    await tx.update(storedFiles).set({ deletedAt: c.now }).where(inArray(storedFiles.id, remove));
  }
  const [{ n }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(customJobPhotos).where(eq(customJobPhotos.jobId, job.id))) as Array<{ n: number }>;
  if (Number(n) + input.photos.length > JOB_MAX_PHOTOS) throw validation({ photos: [`at most ${JOB_MAX_PHOTOS} photos per job (this job has ${n})`] });
  const added = await addPhotos(tx, { jobId: job.id, ownerUserId: actor.userId, photos: input.photos, existing: Number(n), at: c.now });
  if (remove.length || added.length) fields.push('photos');

  if (!fields.length) return { id: job.id, version: job.version, fields };
  const version = job.version + 1;
  await tx
    .update(customJobs)
    .set({ ...set, version, updatedAt: c.now })
    .where(and(eq(customJobs.id, job.id), eq(customJobs.version, job.version)));

  await recordAudit(c, { action: 'jobs.edit', entityType: 'custom_job', entityId: job.id, tenantId: job.enterpriseOrgId, data: { version, fields, photosAdded: added.length, photosRemoved: remove.length } });
  await emitEvent(c, 'job.edited', { jobId: job.id, version, fields });
  await notify(tx, await bidderAdminUserIds(tx, job.id, ['active'], c.now), {
    kind: 'job.changed',
    title: `Job updated: ${set.title ?? job.title}`,
    body: `The customer changed: ${fields.map(fieldLabel).join(', ')}. Check your bid still fits.`,
    href: providerJobHref(job.id),
    businessKey: `job:${job.id}:v${version}`,
  });
  await publishJobChange(tx, { kind: 'changed', jobId: job.id, version });
  return { id: job.id, version, fields };
}

const fieldLabel = (f: string) => ({ title: 'title', description: 'description', budget: 'budget', bidDeadline: 'bid deadline', photos: 'photos' })[f] ?? f;
