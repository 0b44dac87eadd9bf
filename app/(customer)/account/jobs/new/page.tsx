import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { PostJobForm } from '@/components/custom-jobs/post-job-form.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { listSavedAddresses } from '@/lib/bookings/saved-addresses';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { jobFormOptions } from '@/lib/custom-jobs/queries';

export const metadata: Metadata = { title: 'Post a custom job' };

async function NewJobContent() {
  const ctx = await requestCtx();
  const [options, addresses] = await Promise.all([jobFormOptions(ctx), can(ctx.actor, 'bookings.create') ? listSavedAddresses(ctx) : Promise.resolve([])]);
  const currencies = [...new Set(['GBP', ...options.zones.map((z) => z.currency), 'EUR', 'USD'])];
  return (
    <>
      <Link href="/account/jobs" className="mb-2 inline-flex min-h-10 items-center gap-1 text-sm text-link">
        <ArrowLeft aria-hidden className="size-4" /> Custom jobs
      </Link>
      <PageHeader title="Post a custom job" description="Providers covering your area and category can bid until the deadline. You choose one; nothing is booked before that." />
      <PostJobForm categories={options.categories} providers={options.providers} addresses={addresses} currencies={currencies} />
    </>
  );
}

export default guardedPage('jobs.post', NewJobContent, 'Loading the form…');
