// GET /api/v1/compliance/documents/{id}/file — the document's file, for its subject's own people and reviewers.
import { documentFileContract } from '@/lib/compliance/contracts';
import { documentFile } from '@/lib/compliance/queries';
import { defineRoute } from '@/lib/core/route';
import { fileHeaders } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(documentFileContract, async ({ ctx, params, req }) => {
  const file = await documentFile(ctx, params.id!);
  const disposition = req.nextUrl.searchParams.get('download') ? 'attachment' : 'inline';
  return new Response(Buffer.from(file.bytes), { status: 200, headers: fileHeaders(file, disposition) });
});
