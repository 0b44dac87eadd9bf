import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ArrowLeft } from 'lucide-react';
import { CustomerBidsPanel } from '@/components/bids/customer-bids-panel';
import { deadlineText, formatBytes, formatMinor, jobStatusLabel, jobStatusTone } from '@/components/custom-jobs/format';
import { JobActions } from '@/components/custom-jobs/job-actions.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { LoadingState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getJob } from '@/lib/custom-jobs/queries';

export const metadata: Metadata = { title: 'Custom job' };

async function JobContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  let job;
  try {
    job = await getJob(ctx, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  }
  if (job.viewer !== 'customer') notFound();
  return (
    <>
      <Link href="/account/jobs" className="mb-2 inline-flex min-h-10 items-center gap-1 text-sm text-link">
        <ArrowLeft aria-hidden className="size-4" /> Custom jobs
      </Link>
      <PageHeader
        eyebrow={job.reference}
        title={job.title}
        description={`${job.category.name} · ${job.zone?.name ?? 'Outside our zones (out-of-zone providers allowed)'}`}
        actions={<Badge tone={jobStatusTone(job.status)}>{jobStatusLabel(job.status)}</Badge>}
      />
      <div className="grid gap-6">
        <JobActions job={job} />
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border bg-surface p-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-muted">Budget</dt>
            <dd className="font-medium tabular-nums">
              {formatMinor(job.budgetMinMinor, job.currency)}–{formatMinor(job.budgetMaxMinor, job.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{job.status === 'open' ? 'Bids close' : 'Bid deadline'}</dt>
            <dd>{deadlineText(job.bidDeadline)}</dd>
          </div>
          <div>
            <dt className="text-muted">Address</dt>
            <dd className="break-words">{job.addressLine}</dd>
          </div>
          <div>
            <dt className="text-muted">Invited</dt>
            <dd>{job.invites.length ? job.invites.map((i) => i.name).join(', ') : 'Nobody in particular'}{job.inviteOnly ? ' (invite only)' : ''}</dd>
          </div>
        </dl>
        <section aria-labelledby="desc-heading" className="grid gap-2">
          <h2 id="desc-heading" className="text-lg font-semibold">
            Description
          </h2>
          <p className="text-sm break-words whitespace-pre-line">{job.description}</p>
        </section>
        <section aria-labelledby="photos-heading" className="grid gap-2">
          <h2 id="photos-heading" className="text-lg font-semibold">
            Photos <span className="font-normal text-muted">({job.photos.length})</span>
          </h2>
          {job.photos.length ? (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              {job.photos.map((p, i) => (
                <li key={p.fileId} className="grid gap-1">
                  <a href={p.url} target="_blank" rel="noreferrer" className="block rounded focus-visible:outline-2 focus-visible:outline-ring">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by the authenticated photo route */}
                    <img src={p.url} alt={`Photo ${i + 1} of the job`} className="aspect-[4/3] w-full rounded border object-cover" />
                  </a>
                  <span className="truncate text-xs text-muted">
                    {p.originalName} · {formatBytes(p.sizeBytes)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No photos.</p>
          )}
        </section>
        <Suspense fallback={<LoadingState label="Loading bids…" />}>
          <CustomerBidsPanel jobId={job.id} />
        </Suspense>
      </div>
    </>
  );
}

export default guardedPage('jobs.post', JobContent, 'Loading the job…');
