import type { Metadata } from 'next';
import Link from 'next/link';
import { ShieldCheck } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatDate, formatMinor, kindLabels, statusLabels } from '@/components/marketplace/format';
import { ModerationButtons } from '@/components/marketplace/moderation-buttons.client';
import { ModerationTrail } from '@/components/marketplace/moderation-trail';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { moderationQueue } from '@/lib/marketplace/queries';

export const metadata: Metadata = { title: 'Listing moderation' };

const tabs = ['pending_review', 'approved', 'suspended', 'rejected'] as const;
type Tab = (typeof tabs)[number];

const stateText: Record<string, string> = { valid: 'valid', missing: 'missing', under_review: 'under review', rejected: 'rejected', expired: 'expired' };

async function Content({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status } = await searchParams;
  const current: Tab = (tabs as readonly string[]).includes(status ?? '') ? (status as Tab) : 'pending_review';
  const rows = await moderationQueue(await requestCtx(), current);
  return (
    <>
      <PageHeader title="Listing moderation" description="Listings waiting for review, oldest first, with the seller's compliance. Live listings can be suspended; suspended ones reinstated for another review." />
      <nav aria-label="Listing status" className="mb-4 flex flex-wrap gap-1">
        {tabs.map((t) => (
          <Link
            key={t}
            href={`/admin/moderation?status=${t}`}
            aria-current={current === t ? 'page' : undefined}
            className={`flex min-h-10 items-center rounded-md px-3 text-sm ${current === t ? 'bg-surface-muted font-semibold' : 'text-muted hover:text-fg'}`}
          >
            {statusLabels[t]}
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <EmptyState icon={<ShieldCheck />} title={current === 'pending_review' ? 'Nothing waiting for review' : `No ${statusLabels[current].toLowerCase()} listings`} />
      ) : (
        <ul className="grid gap-4" aria-label="Listings">
          {rows.map((r) => (
            <li key={r.id} className="grid gap-4 rounded-lg border bg-surface p-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="moderation-item">
              <div className="grid content-start gap-2">
                <h2 className="text-lg font-semibold break-words">{r.title}</h2>
                <p className="text-sm text-muted">
                  {kindLabels[r.kind]} · {r.itemName ?? r.serviceTitle ?? '—'} · {formatMinor(r.priceMinor, r.currency)}
                  {r.kind === 'tool_rental' ? ' / day' : ''} · v{r.version}
                  {r.submittedAt ? ` · submitted ${formatDate(r.submittedAt)}` : ''}
                </p>
                {r.description ? <p className="text-sm whitespace-pre-line">{r.description}</p> : null}
                {r.statusReason ? <p className="text-sm">Reason: {r.statusReason}</p> : null}
                <section aria-label={`Compliance of ${r.sellerName}`} className="grid gap-1 rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/p/${r.sellerSlug}`} className="font-medium text-link underline underline-offset-4">
                      {r.sellerName}
                    </Link>
                    <Badge tone={r.seller.status === 'approved' ? 'success' : r.seller.status === 'suspended' ? 'danger' : 'warning'}>
                      {r.seller.status === 'approved' ? 'Insured seller' : r.seller.status === 'suspended' ? 'Seller suspended' : 'Documents pending'}
                    </Badge>
                    <span className="text-muted">score {r.seller.score}%</span>
                  </div>
                  {r.seller.suspension ? <p>Suspended: {r.seller.suspension.reason}</p> : null}
                  <ul className="grid gap-0.5">
                    {r.seller.documents.map((d) => (
                      <li key={d.docType}>
                        {d.label}: {stateText[d.state] ?? d.state}
                        {d.expiresOn ? `, expires ${d.expiresOn}` : ''}
                      </li>
                    ))}
                  </ul>
                </section>
                <ModerationButtons listingId={r.id} title={r.title} status={r.status} />
              </div>
              <ModerationTrail events={r.events} title="Last actions" headingLevel="h3" />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default guardedPage('listings.moderate', Content, 'Loading the moderation queue…');
