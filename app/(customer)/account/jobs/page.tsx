import type { Metadata } from 'next';
import Link from 'next/link';
import { Hammer } from 'lucide-react';
import { deadlineText, formatMinor, jobStatusLabel, jobStatusTone } from '@/components/custom-jobs/format';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { listMyJobs } from '@/lib/custom-jobs/queries';

export const metadata: Metadata = { title: 'Custom jobs' };

async function JobsContent() {
  const ctx = await requestCtx();
  const jobs = await listMyJobs(ctx);
  const postLink = (
    <Link href="/account/jobs/new" className={buttonClasses()}>
      Post a job
    </Link>
  );
  return (
    <>
      <PageHeader title="Custom jobs" description="Describe a job, set a budget and a deadline; providers near you bid on it." actions={jobs.length ? postLink : undefined} />
      {jobs.length === 0 ? (
        <EmptyState icon={<Hammer />} title="No custom jobs yet" description="Post a job that no listed service fits, and compare the bids you get." action={postLink} />
      ) : (
        <ul className="grid gap-3" aria-label="My custom jobs">
          {jobs.map((j) => (
            <li key={j.id} className="grid gap-2 rounded-lg border bg-surface p-4" data-testid="job-item">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="grid min-w-0 gap-0.5">
                  <Link href={`/account/jobs/${j.id}`} className="font-semibold break-words text-link underline-offset-4 hover:underline">
                    {j.title}
                  </Link>
                  <p className="text-sm text-muted">{j.reference}</p>
                </div>
                <Badge tone={jobStatusTone(j.status)}>{jobStatusLabel(j.status)}</Badge>
              </div>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <div>
                  <dt className="text-muted">Bids</dt>
                  <dd className="tabular-nums">{j.bidCount}</dd>
                </div>
                <div>
                  <dt className="text-muted">{j.status === 'open' ? 'Bids close' : 'Deadline'}</dt>
                  <dd>{deadlineText(j.bidDeadline)}</dd>
                </div>
                <div>
                  <dt className="text-muted">Budget</dt>
                  <dd className="tabular-nums">
                    {formatMinor(j.budgetMinMinor, j.currency)}–{formatMinor(j.budgetMaxMinor, j.currency)}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('jobs.post', JobsContent, 'Loading your jobs…');
