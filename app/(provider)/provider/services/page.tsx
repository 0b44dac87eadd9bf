import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { ServicesTable, type ServiceRow } from '@/components/catalog/services-table.client';
import { requestCtx } from '@/lib/core/auth/session';
import { listServices } from '@/lib/catalog/queries';

export const metadata: Metadata = { title: 'Services' };

async function ServicesContent({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requestCtx();
  const showArchived = (await searchParams).archived === '1';
  const services = await listServices(ctx, { includeArchived: showArchived });
  const rows: ServiceRow[] = services.map((s) => ({
    id: s.id,
    title: s.title,
    categoryName: s.categoryName,
    priceMinor: s.priceMinor,
    currency: s.currency,
    taxInclusive: s.taxInclusive,
    durationMinutes: s.durationMinutes,
    crewSize: s.crewSize,
    minNoticeMinutes: s.minNoticeMinutes,
    requiresConfirmation: s.requiresConfirmation,
    status: s.status,
  }));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Services"
        description="What you offer: price, duration, crew size, buffers and notice. Choose the zones for each service under Zones & coverage."
        actions={
          <Link href="/provider/services/new" className={buttonClasses()}>
            <Plus aria-hidden="true" />
            New service
          </Link>
        }
      />
      <p className="text-sm">
        <Link href={showArchived ? '/provider/services' : '/provider/services?archived=1'} className="text-link underline underline-offset-4">
          {showArchived ? 'Hide archived services' : 'Show archived services'}
        </Link>
      </p>
      <ServicesTable rows={rows} />
    </div>
  );
}

export default guardedPage('services.manage', ServicesContent, 'Loading services…');
