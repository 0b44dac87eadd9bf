// GET /api/v1/disputes/{id}/evidence/{evidenceId} — the file, after the dispute's visibility check.
import { defineRoute } from '@/lib/core/route';
import { evidenceFileContract } from '@/lib/disputes/contracts';
import { evidenceFile } from '@/lib/disputes/queries';
import { fileHeaders } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(evidenceFileContract, async ({ ctx, params, req }) => {
  const file = await evidenceFile(ctx, params.id, params.evidenceId);
  const disposition = req.nextUrl.searchParams.get('download') ? 'attachment' : 'inline';
  return new Response(Buffer.from(file.bytes), { status: 200, headers: fileHeaders(file, disposition) });
});
