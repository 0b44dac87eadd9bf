// POST /api/v1/jobs — post a custom job (multipart with photos, or JSON); GET — my jobs.
import { NextResponse } from 'next/server';
import { db } from '@/db/client';
import type { UserActor } from '@/lib/core/context';
import { withIdempotency } from '@/lib/core/idempotency';
import { defineRoute } from '@/lib/core/route';
import { listMyJobsContract, postJobContract } from '@/lib/custom-jobs/contracts';
import { readJobForm } from '@/lib/custom-jobs/multipart';
import { postJob } from '@/lib/custom-jobs/post-job';
import { listMyJobs } from '@/lib/custom-jobs/queries';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(postJobContract, async ({ req, ctx }) => {
  const form = await readJobForm(req);
  const key = req.headers.get('idempotency-key');
  if (key === null) return postJob(ctx, form.raw);
  // The wrapper cannot fingerprint a multipart body, so the key is honoured here: the fields and
  // each photo's SHA-256 make the payload, and the job commits with the stored response.
  const scope = `POST /api/v1/jobs|user:${(ctx.actor as UserActor).userId}`;
  const stored = await db().transaction((tx) => withIdempotency(tx, scope, key, form.fingerprint, async () => ({ status: 200, body: await postJob({ ...ctx, tx }, form.raw) })));
  return NextResponse.json(stored.body, { status: stored.status, headers: stored.replayed ? { 'idempotent-replayed': 'true' } : {} });
});

export const GET = defineRoute(listMyJobsContract, async ({ ctx }) => ({ jobs: await listMyJobs(ctx) }));
