// GET /api/v1/jobs/{id} — one job (visibility checked by the domain); PATCH — edit before award.
import { defineRoute } from '@/lib/core/route';
import { editJobContract, getJobContract } from '@/lib/custom-jobs/contracts';
import { editJob } from '@/lib/custom-jobs/edit-job';
import { readJobForm } from '@/lib/custom-jobs/multipart';
import { getJob } from '@/lib/custom-jobs/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getJobContract, ({ ctx, params }) => getJob(ctx, params.id));

export const PATCH = defineRoute(editJobContract, async ({ req, ctx, params }) => {
  const form = await readJobForm(req);
  return editJob(ctx, { ...form.raw, jobId: params.id });
});
