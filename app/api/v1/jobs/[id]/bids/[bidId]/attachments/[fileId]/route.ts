// GET /api/v1/jobs/[id]/bids/[bidId]/attachments/[fileId] — a bid attachment, for the job's customer and the bidder.
import { db } from '@/db/client';
import { bidAttachmentContract } from '@/lib/bids/contracts';
import { bidAttachmentFileId } from '@/lib/bids/queries';
import { defineRoute } from '@/lib/core/route';
import { fileHeaders, readStoredFile } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(bidAttachmentContract, async ({ ctx, params }) => {
  const fileId = await bidAttachmentFileId(ctx, { jobId: params.id, bidId: params.bidId, fileId: params.fileId });
  const file = await readStoredFile(db(), fileId);
  // PDFs download; images show inline (served sandboxed, never sniffed).
  return new Response(Buffer.from(file.bytes), { headers: fileHeaders(file, file.contentType === 'application/pdf' ? 'attachment' : 'inline') });
});
