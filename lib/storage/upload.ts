/**
 * storeUpload — the one way a file enters Fixnado. The type is detected from the bytes (magic
 * numbers via file-type), never trusted from the name or the browser; only the kinds a purpose
 * allows pass, each with its size limit (images ≤ 10 MB, PDFs ≤ 20 MB, ARCHITECTURE.md). SVG and
 * anything unrecognised are refused (a script can hide in an SVG). The bytes go to the store under
 * a generated key, then the `stored_files` row is written in the caller's transaction; a rolled-back
 * transaction leaves an unreferenced object behind, which is harmless (no row points at it).
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '@/db/client';
import { storedFiles } from '@/db/schema';
import { validation } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { fileStore } from './store';

export type FilePurpose = (typeof storedFiles.$inferInsert)['purpose'];

const MB = 1024 * 1024;
export const FILE_KINDS = {
  image: { types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * MB, label: 'a JPEG, PNG or WebP image' },
  pdf: { types: ['application/pdf'], maxBytes: 20 * MB, label: 'a PDF' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export interface UploadInput {
  purpose: FilePurpose;
  ownerUserId: string | null;
  bytes: Uint8Array;
  originalName: string;
  /** Which kinds this purpose accepts (job photos: image; evidence: image or pdf). */
  accept: readonly FileKind[];
  /** The form field, for error messages (e.g. `photos.2`). */
  field: string;
}

export interface StoredFile {
  id: string;
  contentType: string;
  sizeBytes: number;
  originalName: string;
}

export async function storeUpload(tx: Tx, input: UploadInput): Promise<StoredFile> {
  const kinds = input.accept.map((k) => FILE_KINDS[k]);
  const wanted = kinds.map((k) => k.label).join(' or ');
  if (!input.bytes.byteLength) throw validation({ [input.field]: ['is empty'] });
  const detected = await fileTypeFromBuffer(input.bytes);
  const kind = detected ? kinds.find((k) => (k.types as readonly string[]).includes(detected.mime)) : undefined;
  if (!detected || !kind) throw validation({ [input.field]: [`must be ${wanted} (this file is ${detected ? detected.mime : 'not a recognised type'})`] });
  if (input.bytes.byteLength > kind.maxBytes) throw validation({ [input.field]: [`must be at most ${kind.maxBytes / MB} MB`] });
  const id = newId();
  const key = `${input.purpose}/${new Date().getUTCFullYear()}/${id}`;
  await fileStore().put(key, input.bytes, detected.mime);
  const name = safeName(input.originalName, detected.ext);
  await tx.insert(storedFiles).values({
    id,
    purpose: input.purpose,
    ownerUserId: input.ownerUserId,
    storageKey: key,
    originalName: name,
    contentType: detected.mime,
    sizeBytes: input.bytes.byteLength,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
  });
  return { id, contentType: detected.mime, sizeBytes: input.bytes.byteLength, originalName: name };
}

/** A display name: the base name without any path, control characters or a misleading extension. */
export function safeName(original: string, ext: string): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 120);
  const stem = base.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${ext}`;
}
