// POST /api/v1/listings/photos — upload one listing photo (multipart `file`, image ≤ 10 MB by content).
import { AppError } from '@/lib/core/errors';
import { defineRoute } from '@/lib/core/route';
import { uploadListingPhotoContract } from '@/lib/marketplace/contracts';
import { uploadListingPhoto } from '@/lib/marketplace/upload-photo';

export const dynamic = 'force-dynamic';

const MAX = 11 * 1024 * 1024;

export const POST = defineRoute(uploadListingPhotoContract, async ({ ctx, req }) => {
  if (Number(req.headers.get('content-length') ?? '0') > MAX) throw new AppError('VALIDATION', 'The photo is larger than 10 MB.', { fieldErrors: { file: ['must be at most 10 MB'] } });
  if (!/^multipart\/form-data\b/i.test(req.headers.get('content-type') ?? '')) {
    throw new AppError('VALIDATION', 'Send the photo as multipart/form-data.', { fieldErrors: { 'content-type': ['must be multipart/form-data'] } });
  }
  let value: FormDataEntryValue | null;
  try {
    value = (await req.formData()).get('file');
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const file = value && typeof value !== 'string' && value.size ? { bytes: new Uint8Array(await value.arrayBuffer()), name: value.name } : null;
  return uploadListingPhoto(ctx, file);
});
