/**
 * Reading a document upload from a request: multipart/form-data with one `file` part and the
 * text fields. The size is checked from Content-Length before the body is buffered (a PDF may be
 * at most 20 MB; storeUpload enforces the per-type limits on what arrived).
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';

const MB = 1024 * 1024;
/** The largest accepted file (a 20 MB PDF) plus room for the form fields. */
export const DOCUMENT_FORM_MAX_BYTES = 20 * MB + 64 * 1024;

const tooLarge = () => new AppError('VALIDATION', 'The file is larger than 20 MB.', { fieldErrors: { file: ['must be at most 20 MB (PDF) or 10 MB (image)'] } });

export async function readDocumentForm(req: NextRequest): Promise<Record<string, unknown>> {
  const type = req.headers.get('content-type') ?? '';
  if (Number(req.headers.get('content-length') ?? '0') > DOCUMENT_FORM_MAX_BYTES) throw tooLarge();
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the document as multipart/form-data with a `file` part.', { fieldErrors: { 'content-type': ['must be multipart/form-data'] } });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const part = fd.get('file');
  fd.delete('file');
  const fields = formDataToObject(fd);
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  delete fields.idempotencyKey;
  // An empty file input still sends one nameless, empty part: that is "no file".
  if (part && typeof part !== 'string' && (part.size || part.name)) {
    if (part.size > DOCUMENT_FORM_MAX_BYTES) throw tooLarge();
    fields.file = { bytes: new Uint8Array(await part.arrayBuffer()), name: part.name || 'document' };
  }
  return fields;
}
