/**
 * Reading a rental form with photos (checkout, return, inspection): multipart (field `photos`,
 * repeated; `charges` as a JSON string; `unitIds` repeated) or JSON without photos. The size is
 * checked from Content-Length before the body is buffered, and again on what arrived.
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { readFilesForm } from '@/lib/storage/read-form';
import { MAX_PHOTOS } from './schemas';

const MB = 1024 * 1024;
export const RENTAL_FORM_MAX_BYTES = 40 * MB;

export async function readRentalForm(req: NextRequest): Promise<Record<string, unknown>> {
  const { fields, files } = await readFilesForm(req, { fileField: 'photos', maxBytes: RENTAL_FORM_MAX_BYTES, maxFiles: MAX_PHOTOS, defaultName: 'photo', arrays: ['unitIds'] });
  if (typeof fields.charges === 'string') {
    try {
      fields.charges = JSON.parse(fields.charges);
    } catch {
      throw new AppError('VALIDATION', 'The charge lines could not be read.', { fieldErrors: { charges: ['must be a JSON list'] } });
    }
  }
  // JSON bodies carry unitIds as a list themselves; multipart ones as repeated fields.
  return { ...fields, photos: files };
}
