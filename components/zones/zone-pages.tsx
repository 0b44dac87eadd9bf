import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { formatDateTime } from '@/lib/core/format-time';
import { mapClientConfig } from '@/lib/geo/map-config';
import { canManageZone } from '@/lib/geo/owner';
import { getZone } from '@/lib/geo/queries';
import { platformSlaDefaults } from '@/lib/geo/sla-defaults';
import { demandTone, param, statusTone, timeZoneOptions } from './format';
import { ZoneEditor } from './zone-editor.client';
import { ZoneStatusControls } from './zone-status-controls.client';

const LONDON = { longitude: -0.1276, latitude: 51.5072, zoom: 10 };

/** `?lon=&lat=&zoom=` opens the drawing map somewhere else (e.g. to draw beyond existing zones). */
function viewFrom(sp: Record<string, string | string[] | undefined>) {
  const lon = Number(param(sp.lon));
  const lat = Number(param(sp.lat));
  const zoom = Number(param(sp.zoom));
  const ok = (v: number, lo: number, hi: number) => param(sp.lon) !== '' && Number.isFinite(v) && v >= lo && v <= hi;
  if (!ok(lon, -180, 180) || !ok(lat, -90, 90)) return LONDON;
  return { longitude: lon, latitude: lat, zoom: Number.isFinite(zoom) && zoom >= 1 && zoom <= 20 ? zoom : 12 };
}

function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="inline-flex min-h-6 items-center gap-1 text-link underline-offset-4 hover:underline">
      <ArrowLeft aria-hidden="true" className="size-4" />
      {label}
    </Link>
  );
}

export async function NewZonePage({
  scope,
  basePath,
  backLabel,
  searchParams,
}: {
  scope: 'platform' | 'own';
  basePath: string;
  backLabel: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={basePath} label={backLabel} />}
        title={scope === 'platform' ? 'New zone' : 'New coverage area'}
        description="Draw the area on the map or paste GeoJSON, then fill in the details. Nothing is saved until every check passes."
      />
      <ZoneEditor
        scope={scope}
        basePath={basePath}
        mapConfig={mapClientConfig()}
        timeZones={timeZoneOptions()}
        slaDefaults={{ ...platformSlaDefaults }}
        zone={null}
        canEdit
        initialView={viewFrom(searchParams)}
        neighbourScope={scope === 'platform' ? 'all' : 'own'}
      />
    </>
  );
}

export async function ZoneDetailPage({ zoneId, basePath, backLabel }: { zoneId: string; basePath: string; backLabel: string }) {
  const ctx = await requestCtx();
  const zone = await getZone(ctx, zoneId).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const canEdit = canManageZone(ctx.actor, zone) && zone.status !== 'archived';
  const [w, s, e, n] = zone.bbox;
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={basePath} label={backLabel} />}
        title={zone.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone[zone.status]}>{zone.status.charAt(0).toUpperCase() + zone.status.slice(1)}</Badge>
            <Badge tone={demandTone[zone.demandLevel]}>{zone.demandLevel.charAt(0).toUpperCase() + zone.demandLevel.slice(1)} demand</Badge>
            <span>
              {zone.ownerName}
              {zone.ownerKind === 'platform' ? ` · priority ${zone.priority}` : ''} · {zone.areaKm2.toLocaleString('en-GB', { maximumFractionDigits: 2 })} km² · {zone.vertexCount} vertices · updated{' '}
              {formatDateTime(zone.updatedAt)}
            </span>
          </span>
        }
        actions={canManageZone(ctx.actor, zone) ? <ZoneStatusControls zoneId={zone.id} zoneName={zone.name} status={zone.status} /> : undefined}
      />
      <ZoneEditor
        // A new version (after a save elsewhere or a refresh) starts the form from the stored values.
        key={`${zone.id}:${zone.version}`}
        scope={zone.ownerKind === 'platform' ? 'platform' : 'own'}
        basePath={basePath}
        mapConfig={mapClientConfig()}
        timeZones={timeZoneOptions(zone.timeZone)}
        slaDefaults={{ ...platformSlaDefaults }}
        zone={zone}
        canEdit={canEdit}
        initialView={{ longitude: (w + e) / 2, latitude: (s + n) / 2, zoom: 11 }}
        neighbourScope={zone.ownerKind === 'platform' ? 'all' : 'own'}
      />
    </>
  );
}
