// GET /api/v1/jobs/{id}/photos/{fileId} — a job photo, for whoever may see the job (else 404).
import { defineRoute } from '@/lib/core/route';
import { jobPhotoContract } from '@/lib/custom-jobs/contracts';
import { readJobPhoto } from '@/lib/custom-jobs/queries';
import { fileHeaders } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(jobPhotoContract, async ({ ctx, params }) => {
  const file = await readJobPhoto(ctx, params.id, params.fileId);
  return new Response(file.bytes as BodyInit, { headers: fileHeaders(file) });
});
