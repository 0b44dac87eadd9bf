import { eq, isNull, and } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { storedFiles } from '@/db/schema';
import { notFound } from '@/lib/core/errors';
import { fileStore } from './store';

/**
 * The bytes and metadata of a stored file. NO access check here: every caller decides first
 * whether the actor may see the file (the job's photos, the dispute's visible evidence …).
 */
export async function readStoredFile(ex: Executor, fileId: string): Promise<{ bytes: Uint8Array; contentType: string; originalName: string; sizeBytes: number }> {
  const [row] = await ex
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), isNull(storedFiles.deletedAt)));
  if (!row) throw notFound('That file');
  const bytes = await fileStore().get(row.storageKey);
  if (!bytes) throw notFound('That file');
  return { bytes, contentType: row.contentType, originalName: row.originalName, sizeBytes: row.sizeBytes };
}

/** Response headers for serving a stored file safely (never sniffed, never run as a page). */
export function fileHeaders(file: { contentType: string; originalName: string; sizeBytes: number }, disposition: 'inline' | 'attachment' = 'inline'): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-length': String(file.sizeBytes),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'cache-control': 'private, max-age=300',
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
  };
}
