import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { Download, FileUp, Plus, Search } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { Button } from '@/components/ui/button';
import { buttonClasses } from '@/components/ui/button-classes';
import { Label } from '@/components/ui/label';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { ageLabel, param } from '@/components/zones/format';
import { SnapshotButton } from '@/components/zones/snapshot-button.client';
import { ZonesTable, type ZoneRowView } from '@/components/zones/zones-table.client';
import { requirePermission } from '@/lib/core/auth/guards';
import { can } from '@/lib/core/auth/permissions';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { listZones } from '@/lib/geo/queries';
import { latestRun, pendingManualRuns } from '@/lib/geo/snapshot/queries';
import { demandLevels, zoneStatuses, type DemandLevel, type ZoneStatus } from '@/lib/geo/types';

export const metadata: Metadata = { title: 'Zones' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const scopes = { platform: 'Platform zones', provider: 'Provider coverage areas', all: 'All zones (incl. provider areas)' } as const;
type Scope = keyof typeof scopes;

async function ZonesPageContent({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission('zones.read_all');
  const ctx = await requestCtx();
  const sp = await searchParams;
  const requested = param(sp.scope);
  const scope: Scope = requested === 'all' || requested === 'provider' ? requested : 'platform';
  const statusRaw = param(sp.status);
  const status = (zoneStatuses as readonly string[]).includes(statusRaw) ? (statusRaw as ZoneStatus) : undefined;
  const demandRaw = param(sp.demand);
  const demand = (demandLevels as readonly string[]).includes(demandRaw) ? (demandRaw as DemandLevel) : undefined;
  const q = param(sp.q);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(param(sp.page), 10) || 1));

  const [result, run, pending] = await Promise.all([
    listZones(ctx, { scope: scope === 'provider' ? 'all' : scope, ownerKind: scope === 'provider' ? 'provider' : undefined, status, demand, q: q || undefined, page }),
    latestRun(),
    pendingManualRuns(),
  ]);
  const at = ctx.now;
  const rows: ZoneRowView[] = result.zones.map((z) => ({
    id: z.id,
    href: `/admin/zones/${z.id}`,
    name: z.name,
    ownerName: z.ownerName,
    ownerKind: z.ownerKind,
    demandLevel: z.demandLevel,
    status: z.status,
    priority: z.ownerKind === 'platform' ? z.priority : undefined,
    areaKm2: z.areaKm2,
    providers: z.metrics?.activeProviders ?? null,
    services: z.metrics?.activeServices ?? null,
    slaBreaches: z.metrics?.slaBreaches ?? null,
    supplyDemandRatioBp: z.metrics?.supplyDemandRatioBp ?? null,
    openDemand: z.metrics?.openDemand ?? null,
    inventoryMatches: z.metrics?.inventoryMatches ?? null,
    metricsAt: z.metrics?.computedAt ?? null,
    metricsAtLabel: z.metrics ? formatDateTime(z.metrics.computedAt) : null,
    metricsAgeLabel: z.metrics ? ageLabel(z.metrics.computedAt, at) : null,
  }));
  const lastRunAt = run?.finishedAt ?? null;
  const lastRunLabel = lastRunAt
    ? `${formatDateTime(lastRunAt)} (${ageLabel(lastRunAt, at)}, ${run!.zonesRecomputed} ${run!.zonesRecomputed === 1 ? 'zone' : 'zones'} recomputed)`
    : null;
  const canManage = can(actor, 'zones.manage_platform');
  const filtered = Boolean(status || demand || q || scope !== 'platform');
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (p: number) => {
    const u = new URLSearchParams();
    if (scope !== 'platform') u.set('scope', scope);
    if (status) u.set('status', status);
    if (demand) u.set('demand', demand);
    if (q) u.set('q', q);
    if (p > 1) u.set('page', String(p));
    const s = u.toString();
    return s ? `/admin/zones?${s}` : '/admin/zones';
  };

  return (
    <>
      <PageHeader
        title="Zones"
        description="Service zones with their latest analytics. Matching and the explorer use active platform zones; providers choose which of them they serve."
        actions={
          <>
            {canManage ? (
              <>
                <Link href="/admin/zones/new" className={buttonClasses()}>
                  <Plus aria-hidden="true" />
                  New zone
                </Link>
                <Link href="/admin/zones/import" className={buttonClasses({ variant: 'secondary' })}>
                  <FileUp aria-hidden="true" />
                  Import GeoJSON
                </Link>
              </>
            ) : null}
            <a href="/api/v1/geo/zones/export?scope=platform&format=featurecollection" download className={buttonClasses({ variant: 'secondary' })}>
              <Download aria-hidden="true" />
              Export GeoJSON
            </a>
          </>
        }
      />
      <div className="grid gap-4">
        {can(actor, 'zones.snapshot') ? <SnapshotButton lastRunLabel={lastRunLabel} queued={pending.length > 0} /> : null}
        <form method="get" role="search" aria-label="Filter zones" className="flex flex-wrap items-end gap-2">
          <div className="grid min-w-0 basis-44 gap-1.5">
            <Label htmlFor="zones-scope">Show</Label>
            <Select id="zones-scope" name="scope" defaultValue={scope}>
              {Object.entries(scopes).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 basis-44 gap-1.5">
            <Label htmlFor="zones-status">Status</Label>
            <Select id="zones-status" name="status" defaultValue={status ?? ''} placeholder="Any but archived">
              {zoneStatuses.map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0).toUpperCase() + s.slice(1)}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 basis-28 gap-1.5">
            <Label htmlFor="zones-demand">Demand</Label>
            <Select id="zones-demand" name="demand" defaultValue={demand ?? ''} placeholder="Any">
              {demandLevels.map((d) => (
                <option key={d} value={d}>
                  {d.charAt(0).toUpperCase() + d.slice(1)}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid min-w-0 flex-1 basis-44 gap-1.5">
            <Label htmlFor="zones-q">Name contains</Label>
            <Input id="zones-q" type="search" name="q" defaultValue={q} maxLength={120} autoComplete="off" />
          </div>
          <Button type="submit" variant="secondary">
            <Search aria-hidden="true" />
            Apply
          </Button>
          {filtered ? (
            <Link href="/admin/zones" className={buttonClasses({ variant: 'ghost' })}>
              Clear filters
            </Link>
          ) : null}
        </form>
        <p className="text-sm text-muted" role="status">
          {result.total} {result.total === 1 ? 'zone' : 'zones'}
          {pages > 1 ? `, page ${result.page} of ${pages}` : ''}. Analytics come from the latest run; ages show how old each zone’s figures are.
        </p>
        <ZonesTable
          rows={rows}
          filtered={filtered}
          showOwner={scope === 'all'}
          emptyAction={
            filtered ? (
              <Link href="/admin/zones" className={buttonClasses({ variant: 'secondary' })}>
                Show all zones
              </Link>
            ) : canManage ? (
              <Link href="/admin/zones/new" className={buttonClasses()}>
                New zone
              </Link>
            ) : undefined
          }
        />
        <Pager label="Zone list pages" page={result.page} pages={pages} href={pageHref} />
      </div>
    </>
  );
}

export default guardedPage('zones.read_all', ZonesPageContent, 'Loading zones…');
