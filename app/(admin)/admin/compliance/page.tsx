import type { Metadata } from 'next';
import Link from 'next/link';
import { ProvidersTable } from '@/components/compliance/providers-table.client';
import { ReviewQueue } from '@/components/compliance/review-queue.client';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { providersOverview, reviewQueue } from '@/lib/compliance/queries';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';

export const metadata: Metadata = { title: 'Compliance' };

const tabs = { queue: 'Review queue', providers: 'Providers' } as const;
type Tab = keyof typeof tabs;

async function ComplianceAdmin({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requestCtx();
  const sp = await searchParams;
  const tab: Tab = sp.tab === 'providers' ? 'providers' : 'queue';
  const q = typeof sp.q === 'string' ? sp.q.slice(0, 100) : '';
  return (
    <>
      <PageHeader title="Compliance" description="Review providers’, crews’ and renters’ documents, and suspend or reinstate sellers. Every decision is audited and the subject is told." />
      <nav aria-label="Compliance sections" className="mb-4 flex flex-wrap gap-2">
        {(Object.keys(tabs) as Tab[]).map((t) => (
          <Link key={t} href={t === 'queue' ? '/admin/compliance' : '/admin/compliance?tab=providers'} aria-current={t === tab ? 'page' : undefined} className={buttonClasses({ variant: t === tab ? 'primary' : 'secondary', size: 'sm' })}>
            {tabs[t]}
          </Link>
        ))}
      </nav>
      {tab === 'queue' ? <QueueTab ctx={ctx} /> : <ProvidersTab ctx={ctx} q={q} />}
    </>
  );
}

async function QueueTab({ ctx }: { ctx: Awaited<ReturnType<typeof requestCtx>> }) {
  const items = await reviewQueue(ctx);
  return (
    <section aria-labelledby="queue-heading" className="grid gap-3">
      <h2 id="queue-heading" className="text-lg font-semibold">
        {items.length} {items.length === 1 ? 'document' : 'documents'} waiting
      </h2>
      <ReviewQueue
        rows={items.map((i) => ({
          id: i.id,
          label: i.label,
          documentNumber: i.documentNumber,
          issuedOn: i.issuedOn,
          expiresOn: i.expiresOn,
          fileUrl: i.fileUrl,
          fileName: i.fileName,
          submittedAtText: formatDateTime(i.submittedAt),
          subject: { kind: i.subject.kind, name: i.subject.name, businessName: i.subject.businessName },
          subjectStatus: i.subjectStatus,
          lastDecisions: i.lastDecisions.map((d) => ({ id: d.id, label: d.label, status: d.status, reviewedAtText: d.reviewedAt ? formatDateTime(d.reviewedAt) : null, rejectionReason: d.rejectionReason })),
        }))}
      />
    </section>
  );
}

async function ProvidersTab({ ctx, q }: { ctx: Awaited<ReturnType<typeof requestCtx>>; q: string }) {
  const rows = await providersOverview(ctx, { q });
  return (
    <section aria-labelledby="providers-heading" className="grid gap-3">
      <h2 id="providers-heading" className="sr-only">
        Providers
      </h2>
      <form role="search" className="flex flex-wrap items-end gap-2" action="/admin/compliance">
        <input type="hidden" name="tab" value="providers" />
        <div className="grid gap-1">
          <label htmlFor="provider-search" className="text-sm font-medium">
            Search providers
          </label>
          <Input id="provider-search" name="q" defaultValue={q} className="w-64 max-w-full" />
        </div>
        <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Search
        </button>
      </form>
      <p className="text-sm text-muted" role="status">
        {rows.length} {rows.length === 1 ? 'provider' : 'providers'} · {rows.filter((r) => r.status === 'approved').length} approved · {rows.filter((r) => r.suspended).length} suspended
      </p>
      <ProvidersTable
        rows={rows.map((r) => ({
          orgId: r.orgId,
          name: r.name,
          status: r.status,
          score: r.score,
          suspensionReason: r.suspensionReason,
          suspendedAtText: r.suspendedAt ? formatDateTime(r.suspendedAt) : null,
          underReview: r.underReview,
          nextExpiresOn: r.nextExpiresOn,
        }))}
      />
    </section>
  );
}

export default guardedPage('compliance.review', ComplianceAdmin, 'Loading compliance…');
