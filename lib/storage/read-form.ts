/**
 * Reading a form with file parts from a request, for the upload routes (dispute evidence, rental
 * photos …): multipart/form-data with repeated file parts, or JSON without files. The size is
 * checked from Content-Length before the body is buffered, and again on what arrived; the number
 * of files is capped. What the files ARE is decided later by storeUpload (by content, per type).
 */
import type { NextRequest } from 'next/server';
import { AppError } from '@/lib/core/errors';
import { formDataToObject } from '@/lib/core/form-data';

const MB = 1024 * 1024;

export interface FilesFormOptions {
  /** The repeated part that carries files (e.g. `files`, `photos`). */
  fileField: string;
  maxBytes: number;
  maxFiles: number;
  /** Display name for a part sent without one. */
  defaultName: string;
  /** Repeated text fields kept as arrays (e.g. `unitIds`). */
  arrays?: readonly string[];
}

export interface FilesForm {
  fields: Record<string, unknown>;
  files: Array<{ bytes: Uint8Array; name: string }>;
}

export async function readFilesForm(req: NextRequest, o: FilesFormOptions): Promise<FilesForm> {
  const tooLarge = () =>
    new AppError('VALIDATION', `The upload is larger than ${o.maxBytes / MB} MB.`, { fieldErrors: { [o.fileField]: [`together must be at most ${o.maxBytes / MB} MB`] } });
  const type = req.headers.get('content-type') ?? '';
  if (Number(req.headers.get('content-length') ?? '0') > o.maxBytes) throw tooLarge();
  if (/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    const text = await req.text();
    if (text.length > 100_000) throw tooLarge();
    let raw: unknown;
    try {
      raw = text ? (JSON.parse(text) as unknown) : {};
    } catch {
      raw = null;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('VALIDATION', 'The request body is not a valid JSON object.');
    // Files travel only as multipart parts.
    const fields = { ...(raw as Record<string, unknown>) };
    delete fields[o.fileField];
    return { fields, files: [] };
  }
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError('VALIDATION', `Send the form as multipart/form-data (with ${o.fileField}) or JSON.`, {
      fieldErrors: { 'content-type': ['must be multipart/form-data or application/json'] },
    });
  }
  let fd: FormData;
  try {
    fd = await req.formData();
  } catch {
    throw new AppError('VALIDATION', 'The form could not be read. Try again.');
  }
  const files: FilesForm['files'] = [];
  let total = 0;
  for (const value of fd.getAll(o.fileField)) {
    if (typeof value === 'string') continue;
    // An empty file input still sends one nameless, empty part.
    if (!value.size && !value.name) continue;
    total += value.size;
    if (total > o.maxBytes) throw tooLarge();
    if (files.length >= o.maxFiles) throw new AppError('VALIDATION', `At most ${o.maxFiles} files.`, { fieldErrors: { [o.fileField]: [`at most ${o.maxFiles} files`] } });
    files.push({ bytes: new Uint8Array(await value.arrayBuffer()), name: value.name || o.defaultName });
  }
  fd.delete(o.fileField);
  const arrays: Record<string, string[]> = {};
  for (const name of o.arrays ?? []) {
    arrays[name] = fd.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
    fd.delete(name);
  }
  const fields = formDataToObject(fd);
  for (const [k, v] of Object.entries(fields)) if (v === '') delete fields[k];
  return { fields: { ...fields, ...arrays }, files };
}
