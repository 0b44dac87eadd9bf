import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError, notFound, validation } from '@/lib/core/errors';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { readStoredFile, storeUpload } from '@/lib/storage';
import { exec } from '@/lib/core/context';
import { isOwnListingPhoto, isPublicListingPhoto } from './queries';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * uploadListingPhoto(ctx, {bytes, name}) — a seller uploads one photo (type checked by content,
 * ≤ 10 MB) and gets its file id, which a listing then names in photoFileIds (max 6).
 */
export async function uploadListingPhoto(ctx: Ctx, file: { bytes: Uint8Array; name: string } | null): Promise<{ fileId: string }> {
  authorize(ctx.actor, 'listings.manage');
  const orgId = managedProviderOrgId(ctx.actor);
  if (!file) throw validation({ file: ['choose a photo to upload'] });
  if (file.bytes.byteLength > MAX_BYTES) throw validation({ file: ['must be at most 10 MB'] });
  return withTx(ctx, async (c) => {
    const stored = await storeUpload(c.tx, { purpose: 'listing_photo', ownerUserId: c.actor.kind === 'user' ? c.actor.userId : null, bytes: file.bytes, originalName: file.name, accept: ['image'], field: 'file' });
    await recordAudit(c, { action: 'listings.photo_upload', entityType: 'stored_file', entityId: stored.id, tenantId: orgId, data: { contentType: stored.contentType, sizeBytes: stored.sizeBytes } });
    return { fileId: stored.id };
  });
}

/** A listing photo for the public (visible listing) or its seller; anything else is NOT_FOUND. */
export async function readListingPhoto(ctx: Ctx, fileId: string) {
  if (!(await isPublicListingPhoto(ctx, fileId)) && !(await isOwnListingPhoto(ctx, fileId))) throw notFound('That photo');
  const file = await readStoredFile(exec(ctx), fileId);
  if (!file.contentType.startsWith('image/')) throw new AppError('NOT_FOUND', 'That photo was not found.');
  return file;
}
