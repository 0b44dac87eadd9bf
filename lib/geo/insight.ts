/**
 * The explorer's zone insight panel: the zone, its latest analytics (with the time of the last
 * finished run, so the panel can show how old the numbers are) and which categories are offered
 * there by how many providers. Public, for active platform zones only — drafts, paused or archived
 * zones and providers' own areas answer NOT_FOUND like an unknown id.
 */
import { bookingStatusCounts } from './snapshot/metric-sources';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { exec, type Ctx } from '@/lib/core/context';
import { notFound } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/ids';
import { visibleListingSql } from '@/lib/marketplace/visibility';
import { buildZoneSla } from './sla-defaults';
import type { DemandLevel, ZoneInsight } from './types';

interface ZoneRow {
  id: string;
  name: string;
  demand_level: DemandLevel;
  time_zone: string;
  currency: string;
  sla_acceptance_on_demand_minutes: number | null;
  sla_acceptance_scheduled_minutes: number | null;
  sla_arrival_minutes: number | null;
  sla_completion_minutes: number | null;
  bookings_by_status: Record<string, number> | string | null;
  sla_breaches: number | null;
  mean_minutes_to_acceptance: number | null;
  active_providers: number | null;
  active_services: number | null;
  open_demand: number | null;
  supply_demand_ratio_bp: number | null;
  inventory_matches: number | null;
  computed_at: Date | string | null;
  last_run_at: Date | string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export async function zoneInsight(ctx: Ctx, zoneId: string): Promise<ZoneInsight> {
  // A malformed id cannot name a zone: the same answer as an unknown one.
  if (!isUuid(zoneId)) throw notFound('That zone');
  const id = zoneId.toLowerCase();
  const x = exec(ctx);
  const at = ctx.now.toISOString();
  const [zoneRes, servicesRes] = await Promise.all([
    x.execute(sql`
      select z.id, z.name, z.demand_level, z.time_zone, z.currency,
             z.sla_acceptance_on_demand_minutes, z.sla_acceptance_scheduled_minutes, z.sla_arrival_minutes, z.sla_completion_minutes,
             m.bookings_by_status, m.sla_breaches, m.mean_minutes_to_acceptance, m.active_providers, m.active_services,
             m.open_demand, m.supply_demand_ratio_bp, m.computed_at,
             -- Live, not snapshotted: VISIBLE goods listings (rent or buy) of sellers covering the zone,
             -- so a lapsed seller's stock drops out at once (lib/marketplace/visibility.ts).
             (select count(*)::int from listings l
               where l.kind in ('tool_rental', 'tool_sale', 'material') and ${visibleListingSql(ctx.now, 'l')}
                 and exists (select 1 from zone_coverage zc where zc.provider_org_id = l.provider_org_id and zc.zone_id = z.id
                   and zc.effective_from <= ${at}::timestamptz and (zc.effective_to is null or zc.effective_to > ${at}::timestamptz))) as inventory_matches,
             (select max(r.finished_at) from zone_snapshot_runs r where r.finished_at is not null) as last_run_at
      from zones z
      left join zone_metrics m on m.zone_id = z.id
      where z.id = ${id} and z.status = 'active' and z.owner_kind = 'platform'`),
    x.execute(sql`
      select c.slug, c.name, count(distinct zc.provider_org_id)::int as providers
      from zone_coverage zc
      join services s on s.id = zc.service_id and s.status = 'active' and s.provider_org_id = zc.provider_org_id
      join service_categories c on c.id = s.category_id
      join organisations o on o.id = zc.provider_org_id and o.kind = 'provider'
      where zc.zone_id = ${id}
        and zc.effective_from <= ${at}::timestamptz
        and (zc.effective_to is null or zc.effective_to > ${at}::timestamptz)
      group by c.slug, c.name, c.sort_order
      order by providers desc, c.sort_order, c.name`),
  ]);
  const [z] = rowsOf<ZoneRow>(zoneRes);
  if (!z) throw notFound('That zone');
  const metrics: ZoneInsight['metrics'] =
    z.computed_at === null
      ? null
      : {
          zoneId: z.id,
          bookingsByStatus: bookingStatusCounts(typeof z.bookings_by_status === 'string' ? JSON.parse(z.bookings_by_status) : z.bookings_by_status),
          slaBreaches: Number(z.sla_breaches ?? 0),
          meanMinutesToAcceptance: z.mean_minutes_to_acceptance === null ? null : Number(z.mean_minutes_to_acceptance),
          activeProviders: Number(z.active_providers ?? 0),
          activeServices: Number(z.active_services ?? 0),
          openDemand: Number(z.open_demand ?? 0),
          supplyDemandRatioBp: z.supply_demand_ratio_bp === null ? null : Number(z.supply_demand_ratio_bp),
          inventoryMatches: Number(z.inventory_matches ?? 0),
          computedAt: iso(z.computed_at)!,
          lastRunAt: iso(z.last_run_at),
        };
  return {
    zone: {
      id: z.id,
      name: z.name,
      demandLevel: z.demand_level,
      timeZone: z.time_zone,
      currency: z.currency,
      sla: buildZoneSla({
        acceptanceOnDemandMinutes: z.sla_acceptance_on_demand_minutes,
        acceptanceScheduledMinutes: z.sla_acceptance_scheduled_minutes,
        arrivalMinutes: z.sla_arrival_minutes,
        completionMinutes: z.sla_completion_minutes,
      }),
    },
    metrics,
    services: rowsOf<{ slug: string; name: string; providers: number | string }>(servicesRes).map((r) => ({
      categorySlug: r.slug,
      categoryName: r.name,
      providers: Number(r.providers),
    })),
  };
}
