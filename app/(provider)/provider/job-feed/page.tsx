import type { Metadata } from 'next';
import { JobFeed } from '@/components/custom-jobs/job-feed.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { jobFeed, jobFormOptions } from '@/lib/custom-jobs/queries';

export const metadata: Metadata = { title: 'Job feed' };

async function FeedContent() {
  const ctx = await requestCtx();
  const [initial, options] = await Promise.all([jobFeed(ctx), jobFormOptions(ctx)]);
  return (
    <>
      <PageHeader title="Job feed" description="Custom jobs you can bid on: in the zones you cover for your categories, out-of-zone jobs in your categories, and jobs you were invited to." />
      <JobFeed initial={{ items: initial.items, nextCursor: initial.nextCursor }} zones={options.zones} categories={options.categories} />
    </>
  );
}

export default guardedPage('jobs.feed', FeedContent, 'Loading the job feed…');
