import type { Metadata } from 'next';
import Link from 'next/link';
import { ShieldCheck } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { ModerationButtons } from '@/components/reviews/moderation-buttons.client';
import { Stars } from '@/components/reviews/stars';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { listReviewsForModeration } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: 'Review moderation' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const tabs = { reported: 'Reported', hidden: 'Hidden', published: 'Published', all: 'All' } as const;
type Tab = keyof typeof tabs;
const tone = { published: 'success', reported: 'warning', hidden: 'neutral' } as const;

async function ModerationContent({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requestCtx();
  const raw = (await searchParams).status;
  const status: Tab = typeof raw === 'string' && raw in tabs ? (raw as Tab) : 'reported';
  const rows = await listReviewsForModeration(ctx, { status });
  return (
    <>
      <PageHeader title="Review moderation" description="Reported reviews stay visible until you decide. Hidden reviews no longer count towards the provider's rating." />
      <nav aria-label="Review status" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(tabs) as Tab[]).map((t) => (
          <Link key={t} href={t === 'reported' ? '/admin/reviews' : `/admin/reviews?status=${t}`} aria-current={t === status ? 'page' : undefined} className={buttonClasses({ variant: t === status ? 'primary' : 'secondary', size: 'sm' })}>
            {tabs[t]}
          </Link>
        ))}
      </nav>
      <p className="mb-3 text-sm text-muted" role="status">
        {rows.length} {rows.length === 1 ? 'review' : 'reviews'}
        {rows.length === 200 ? ' (the newest 200)' : ''}
      </p>
      {rows.length === 0 ? (
        <EmptyState icon={<ShieldCheck aria-hidden="true" />} title={status === 'reported' ? 'No reported reviews' : 'No reviews here'} description={status === 'reported' ? 'Nothing is waiting for moderation.' : 'Try another status.'} />
      ) : (
        <ul className="grid gap-3">
          {rows.map((r) => (
            <li key={r.id}>
              <Card>
                <CardContent className="grid gap-2 pt-4">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <p className="font-medium">
                      {r.providerName} <span className="text-muted">· booking {r.bookingReference}</span>
                    </p>
                    <Badge tone={tone[r.status]}>{r.status.charAt(0).toUpperCase() + r.status.slice(1)}</Badge>
                  </div>
                  <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                    <Stars rating={r.rating} /> <span>{formatDateTime(r.createdAt)}</span>
                  </div>
                  {r.body ? <p className="whitespace-pre-line break-words">{r.body}</p> : <p className="text-sm italic text-muted">No text, rating only.</p>}
                  {r.reply ? (
                    <blockquote className="border-l-2 border-border pl-3 text-sm">
                      <p className="font-medium">Provider reply</p>
                      <p className="whitespace-pre-line break-words">{r.reply}</p>
                    </blockquote>
                  ) : null}
                  {r.reportReason ? (
                    <p className="text-sm">
                      <span className="font-medium">Reported:</span> <span className="break-words">{r.reportReason}</span>
                    </p>
                  ) : null}
                  <ModerationButtons reviewId={r.id} status={r.status} label={`review of ${r.providerName}, booking ${r.bookingReference}`} />
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('reviews.moderate', ModerationContent, 'Loading reviews…');
