/**
 * Reading a bid form from a request: multipart (with up to 3 attachments) or JSON (without). The
 * size is checked from Content-Length before the body is buffered, and again on what arrived.
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';
import type { UploadedFile } from './attachments';
import { BID_ATTACHMENTS_MAX } from './schemas';

const MB = 1024 * 1024;
/** Three PDFs of 20 MB plus the text fields. */
export const BID_FORM_MAX_BYTES = BID_ATTACHMENTS_MAX * 20 * MB + MB;

const tooLarge = () =>
  new AppError('VALIDATION', `The upload is larger than ${BID_FORM_MAX_BYTES / MB} MB.`, { fieldErrors: { attachments: [`together must be at most ${BID_FORM_MAX_BYTES / MB} MB`] } });

export async function readBidForm(req: NextRequest): Promise<{ raw: Record<string, unknown>; files: UploadedFile[] }> {
  const type = req.headers.get('content-type') ?? '';
  if (Number(req.headers.get('content-length') ?? '0') > BID_FORM_MAX_BYTES) throw tooLarge();
  if (/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    const text = await req.text();
    if (text.length > 50_000) throw tooLarge();
    let raw: unknown;
    try {
      raw = text ? JSON.parse(text) : {};
    } catch {
      throw new AppError('VALIDATION', 'The request body is not valid JSON.');
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('VALIDATION', 'The request body must be a JSON object.');
    return { raw: raw as Record<string, unknown>, files: [] };
  }
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', 'Send the bid as multipart/form-data (with attachments) or JSON.', { fieldErrors: { 'content-type': ['must be multipart/form-data or application/json'] } });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const files: UploadedFile[] = [];
  let total = 0;
  for (const value of fd.getAll('attachments')) {
    if (typeof value === 'string') continue;
    // An empty file input still sends one nameless, empty part.
    if (!value.size && !value.name) continue;
    total += value.size;
    if (total > BID_FORM_MAX_BYTES) throw tooLarge();
    files.push({ bytes: new Uint8Array(await value.arrayBuffer()), name: value.name || 'attachment' });
  }
  fd.delete('attachments');
  const raw = formDataToObject(fd);
  for (const [k, v] of Object.entries(raw)) if (v === '') delete raw[k];
  return { raw, files };
}
