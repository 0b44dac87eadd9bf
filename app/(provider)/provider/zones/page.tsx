import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus, Search } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { PageHeader } from '@/components/ui/page-header';
import { CoverageEditor, type CandidateZone } from '@/components/zones/coverage-editor.client';
import { param } from '@/components/zones/format';
import { ZonesTable, type ZoneRowView } from '@/components/zones/zones-table.client';
import { requirePermission } from '@/lib/core/auth/guards';
import { requestCtx } from '@/lib/core/auth/session';
import { listCoverage } from '@/lib/geo/coverage';
import { listProviderServices } from '@/lib/geo/catalog-queries';
import { listZones } from '@/lib/geo/queries';

export const metadata: Metadata = { title: 'Zones & coverage' };

async function ProviderZonesContent({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('coverage.manage');
  const ctx = await requestCtx();
  const zq = param((await searchParams).zq);
  const [own, coverage, providerServices, platformHits] = await Promise.all([
    listZones(ctx, { scope: 'own' }),
    listCoverage(ctx),
    listProviderServices(ctx),
    zq ? listZones(ctx, { scope: 'platform', status: 'active', q: zq }) : Promise.resolve(null),
  ]);

  const ownRows: ZoneRowView[] = own.zones.map((z) => ({
    id: z.id,
    href: `/provider/zones/${z.id}`,
    name: z.name,
    ownerName: z.ownerName,
    ownerKind: z.ownerKind,
    demandLevel: z.demandLevel,
    status: z.status,
    areaKm2: z.areaKm2,
    providers: z.metrics?.activeProviders ?? null,
    services: z.metrics?.activeServices ?? null,
    slaBreaches: z.metrics?.slaBreaches ?? null,
    supplyDemandRatioBp: z.metrics?.supplyDemandRatioBp ?? null,
    openDemand: z.metrics?.openDemand ?? null,
    inventoryMatches: z.metrics?.inventoryMatches ?? null,
    metricsAt: z.metrics?.computedAt ?? null,
    metricsAtLabel: null,
    metricsAgeLabel: null,
  }));

  const lower = zq.toLowerCase();
  const candidates: CandidateZone[] = zq
    ? [
        ...(platformHits?.zones ?? []),
        ...own.zones.filter((z) => z.status !== 'archived' && z.name.toLowerCase().includes(lower)),
      ].map((z) => ({ id: z.id, name: z.name, ownerKind: z.ownerKind, status: z.status, demandLevel: z.demandLevel, timeZone: z.timeZone }))
    : [];

  const serviceList = providerServices.map((s) => ({ id: s.id, title: s.status === 'active' ? s.title : `${s.title} (${s.status})` }));

  return (
    <div className="grid gap-8">
      <PageHeader
        title="Zones & coverage"
        description="Choose the zones you serve with each service, their priority and dates. Your own coverage areas are zones only your business uses."
        actions={
          <Link href="/provider/zones/new" className={buttonClasses()}>
            <Plus aria-hidden="true" />
            New coverage area
          </Link>
        }
      />

      <section aria-labelledby="coverage-heading" className="grid gap-4">
        <h2 id="coverage-heading" className="text-lg font-semibold">
          Coverage
        </h2>
        <form method="get" role="search" aria-label="Find zones to serve" className="flex flex-wrap items-end gap-2">
          <div className="grid min-w-0 flex-1 basis-56 gap-1.5">
            <Label htmlFor="coverage-zq">Find a zone by name</Label>
            <Input id="coverage-zq" type="search" name="zq" defaultValue={zq} maxLength={120} autoComplete="off" />
          </div>
          <Button type="submit" variant="secondary">
            <Search aria-hidden="true" />
            Search zones
          </Button>
        </form>
        {zq ? (
          <p className="text-sm text-muted" role="status">
            {candidates.length} {candidates.length === 1 ? 'zone matches' : 'zones match'} “{zq}”.
          </p>
        ) : null}
        <CoverageEditor zones={coverage.zones} services={serviceList} candidates={candidates} today={ctx.now.toISOString().slice(0, 10)} />
      </section>

      <section aria-labelledby="own-heading" className="grid gap-3">
        <h2 id="own-heading" className="text-lg font-semibold">
          Your coverage areas
        </h2>
        <ZonesTable
          rows={ownRows}
          filtered={false}
          showOwner={false}
          emptyAction={
            <Link href="/provider/zones/new" className={buttonClasses({ variant: 'secondary' })}>
              New coverage area
            </Link>
          }
        />
      </section>
    </div>
  );
}

export default guardedPage('coverage.manage', ProviderZonesContent, 'Loading zones and coverage…');
