/**
 * Bid attachments: up to 3 images or PDFs, stored through storeUpload (type from the bytes, size
 * limits, SVG refused). Sending files with a placement or revision replaces the bid's set; sending
 * none keeps it. The multipart route hands the verbs plain byte arrays.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { bidAttachments } from '@/db/schema';
import { validation } from '@/lib/core/errors';
import { storeUpload } from '@/lib/storage';
import { BID_ATTACHMENTS_MAX } from './schemas';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export function checkAttachmentCount(files: readonly UploadedFile[]): void {
  if (files.length > BID_ATTACHMENTS_MAX) throw validation({ attachments: [`must be at most ${BID_ATTACHMENTS_MAX} files`] });
}

export async function replaceAttachments(tx: Tx, bidId: string, ownerUserId: string, files: readonly UploadedFile[]): Promise<number> {
  if (!files.length) return 0;
  checkAttachmentCount(files);
  const stored = [];
  for (const [i, f] of files.entries()) {
    stored.push(await storeUpload(tx, { purpose: 'bid_attachment', ownerUserId, bytes: f.bytes, originalName: f.name, accept: ['image', 'pdf'], field: `attachments.${i}` }));
  }
  await tx.delete(bidAttachments).where(eq(bidAttachments.bidId, bidId));
  await tx.insert(bidAttachments).values(stored.map((s) => ({ bidId, fileId: s.id })));
  return stored.length;
}
