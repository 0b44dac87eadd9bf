/**
 * Reading a job form from a request: multipart (with photos) or JSON (without). The size is
 * checked from Content-Length before the body is buffered, and again on what arrived. Returns the
 * verb's raw input and a fingerprint (fields + each file's SHA-256) for Idempotency-Key replays.
 */
import { createHash } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';
import { JOB_MAX_PHOTOS } from './schemas';

const MB = 1024 * 1024;
/** Six images of 10 MB plus the text fields. */
export const JOB_FORM_MAX_BYTES = JOB_MAX_PHOTOS * 10 * MB + MB;

const LIST_FIELDS = ['invitedProviderIds', 'removePhotoIds'];

export interface JobForm {
  raw: Record<string, unknown>;
  fingerprint: unknown;
}

function tooLarge(): AppError {
  return new AppError('VALIDATION', `The upload is larger than ${JOB_FORM_MAX_BYTES / MB} MB.`, { fieldErrors: { photos: [`together must be at most ${JOB_FORM_MAX_BYTES / MB} MB`] } });
}

export async function readJobForm(req: NextRequest): Promise<JobForm> {
  const type = req.headers.get('content-type') ?? '';
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > JOB_FORM_MAX_BYTES) throw tooLarge();
  if (/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    const text = await req.text();
    if (text.length > 200_000) throw tooLarge();
    let raw: Record<string, unknown>;
    try {
      raw = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      throw new AppError('VALIDATION', 'The request body is not valid JSON.');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('VALIDATION', 'The request body must be a JSON object.');
    // Photos travel only as multipart files.
    delete raw.photos;
    return { raw, fingerprint: raw };
  }
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the job as multipart/form-data (with photos) or JSON.', { fieldErrors: { 'content-type': ['must be multipart/form-data or application/json'] } });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const photos: Array<{ bytes: Uint8Array; name: string }> = [];
  const hashes: string[] = [];
  let total = 0;
  for (const value of fd.getAll('photos')) {
    if (typeof value === 'string') continue;
    // An empty file input still sends one nameless, empty part.
    if (!value.size && !value.name) continue;
    total += value.size;
    if (total > JOB_FORM_MAX_BYTES) throw tooLarge();
    const bytes = new Uint8Array(await value.arrayBuffer());
    photos.push({ bytes, name: value.name || 'photo' });
    hashes.push(createHash('sha256').update(bytes).digest('hex'));
  }
  fd.delete('photos');
  const fields = formDataToObject(fd);
  for (const k of LIST_FIELDS) {
    const v = fields[k];
    if (v === undefined || v === '') fields[k] = [];
    else if (!Array.isArray(v)) fields[k] = [v];
  }
  // The location comes as two fields in a form.
  if (fields.lon !== undefined || fields.lat !== undefined) {
    fields.location = { lon: fields.lon, lat: fields.lat };
    delete fields.lon;
    delete fields.lat;
  }
  for (const [k, v] of Object.entries(fields)) if (v === '' && !['outOfZoneAllowed', 'inviteOnly'].includes(k)) delete fields[k];
  return { raw: { ...fields, photos }, fingerprint: { ...fields, photos: hashes } };
}
