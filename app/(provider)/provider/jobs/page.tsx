import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { JobsBoard } from '@/components/desk/jobs-board.client';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { myJobs } from '@/lib/bookings/my-jobs';

export const metadata: Metadata = { title: 'My jobs' };

async function JobsContent() {
  const ctx = await requestCtx();
  const { offers, jobs } = await myJobs(ctx);
  return (
    <>
      <PageHeader title="My jobs" description="Offers waiting for your answer, then your jobs — today's first. Times are shown in each job's zone." />
      <JobsBoard offers={offers} jobs={jobs} nowIso={ctx.now.toISOString()} />
    </>
  );
}

export default guardedPage('bookings.work', JobsContent, 'Loading your jobs…');
