/**
 * Reading a rental form with photos (checkout, return, inspection): multipart (field `photos`,
 * repeated; `charges` as a JSON string; `unitIds` repeated) or JSON without photos. The size is
 * checked from Content-Length before the body is buffered, and again on what arrived.
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';
import { MAX_PHOTOS } from './schemas';

const MB = 1024 * 1024;
export const RENTAL_FORM_MAX_BYTES = 40 * MB;

const tooLarge = () => new AppError('VALIDATION', `The upload is larger than ${RENTAL_FORM_MAX_BYTES / MB} MB.`, { fieldErrors: { photos: [`together must be at most ${RENTAL_FORM_MAX_BYTES / MB} MB`] } });

export async function readRentalForm(req: NextRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? '';
  if (Number(req.headers.get('content-length') ?? '0') > RENTAL_FORM_MAX_BYTES) throw tooLarge();
  if (/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    const text = await req.text();
    if (text.length > 100_000) throw tooLarge();
    try {
      const raw = text ? (JSON.parse(text) as unknown) : {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
      const out = { ...(raw as Record<string, unknown>) };
      delete out.photos;
      return out;
    } catch {
      throw new AppError('VALIDATION', 'The request body is not a valid JSON object.');
    }
  }
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the form as multipart/form-data (with photos) or JSON.', { fieldErrors: { 'content-type': ['must be multipart/form-data or application/json'] } });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const photos: Array<{ bytes: Uint8Array; name: string }> = [];
  let total = 0;
  for (const value of fd.getAll('photos')) {
    if (typeof value === 'string') continue;
    if (!value.size && !value.name) continue;
    total += value.size;
    if (total > RENTAL_FORM_MAX_BYTES) throw tooLarge();
    if (photos.length >= MAX_PHOTOS) throw new AppError('VALIDATION', `At most ${MAX_PHOTOS} photos.`, { fieldErrors: { photos: [`at most ${MAX_PHOTOS} photos`] } });
    photos.push({ bytes: new Uint8Array(await value.arrayBuffer()), name: value.name || 'photo' });
  }
  fd.delete('photos');
  const unitIds = fd.getAll('unitIds').filter((v): v is string => typeof v === 'string' && v !== '');
  fd.delete('unitIds');
  const fields = formDataToObject(fd);
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  if (typeof fields.charges === 'string') {
    try {
      fields.charges = JSON.parse(fields.charges);
    } catch {
      throw new AppError('VALIDATION', 'The charge lines could not be read.', { fieldErrors: { charges: ['must be a JSON list'] } });
    }
  }
  return { ...fields, unitIds, photos };
}
