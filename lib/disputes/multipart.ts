/**
 * Reading a dispute form (open, respond, add evidence) from a request: multipart with evidence
 * files, or JSON without. The size is checked from Content-Length before the body is buffered,
 * and again on what arrived.
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';
import { MAX_EVIDENCE_FILES } from './policy';

const MB = 1024 * 1024;
/** Six files of at most 20 MB (PDF) would be too much for one request: 40 MB in total. */
export const DISPUTE_FORM_MAX_BYTES = 40 * MB;

function tooLarge(): AppError {
  return new AppError('VALIDATION', `The upload is larger than ${DISPUTE_FORM_MAX_BYTES / MB} MB.`, { fieldErrors: { files: [`together must be at most ${DISPUTE_FORM_MAX_BYTES / MB} MB`] } });
}

export async function readDisputeForm(req: NextRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? '';
  if (Number(req.headers.get('content-length') ?? '0') > DISPUTE_FORM_MAX_BYTES) throw tooLarge();
  if (/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    const text = await req.text();
    if (text.length > 100_000) throw tooLarge();
    try {
      const raw = text ? (JSON.parse(text) as unknown) : {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
      // Files travel only as multipart parts.
      const out = { ...(raw as Record<string, unknown>) };
      delete out.files;
      return out;
    } catch {
      throw new AppError('VALIDATION', 'The request body is not a valid JSON object.');
    }
  }
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the form as multipart/form-data (with files) or JSON.', { fieldErrors: { 'content-type': ['must be multipart/form-data or application/json'] } });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const files: Array<{ bytes: Uint8Array; name: string }> = [];
  let total = 0;
  for (const value of fd.getAll('files')) {
    if (typeof value === 'string') continue;
    // An empty file input still sends one nameless, empty part.
    if (!value.size && !value.name) continue;
    total += value.size;
    if (total > DISPUTE_FORM_MAX_BYTES) throw tooLarge();
    if (files.length >= MAX_EVIDENCE_FILES) throw new AppError('VALIDATION', `At most ${MAX_EVIDENCE_FILES} files.`, { fieldErrors: { files: [`at most ${MAX_EVIDENCE_FILES} files`] } });
    files.push({ bytes: new Uint8Array(await value.arrayBuffer()), name: value.name || 'evidence' });
  }
  fd.delete('files');
  const fields = formDataToObject(fd);
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  return { ...fields, files };
}
