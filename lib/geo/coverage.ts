import { and, asc, eq, sql } from 'drizzle-orm';
import { services, zoneCoverage, zones } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { callerProviderOrgId } from './owner';
import type { DemandLevel, ZoneStatus } from './types';

export interface CoverageEntryView {
  serviceId: string;
  serviceTitle: string;
  priority: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Counts for matching right now: zone active and `now` inside the effective dates. */
  inEffect: boolean;
}

export interface CoverageZoneView {
  zoneId: string;
  zoneName: string;
  ownerKind: 'platform' | 'provider';
  status: ZoneStatus;
  demandLevel: DemandLevel;
  timeZone: string;
  entries: CoverageEntryView[];
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** The caller provider's coverage, grouped by zone (zone name order, then priority). */
export async function listCoverage(ctx: Ctx): Promise<{ zones: CoverageZoneView[] }> {
  authorize(ctx.actor, 'coverage.manage');
  const providerOrgId = callerProviderOrgId(ctx.actor);
  const rows = await exec(ctx)
    .select({
      zoneId: zones.id,
      zoneName: zones.name,
      ownerKind: zones.ownerKind,
      status: zones.status,
      demandLevel: zones.demandLevel,
      timeZone: zones.timeZone,
      serviceId: services.id,
      serviceTitle: services.title,
      priority: zoneCoverage.priority,
      effectiveFrom: zoneCoverage.effectiveFrom,
      effectiveTo: zoneCoverage.effectiveTo,
    })
    .from(zoneCoverage)
    .innerJoin(zones, eq(zones.id, zoneCoverage.zoneId))
    .innerJoin(services, and(eq(services.id, zoneCoverage.serviceId), eq(services.providerOrgId, zoneCoverage.providerOrgId)))
    .where(eq(zoneCoverage.providerOrgId, providerOrgId))
    .orderBy(asc(sql`lower(${zones.name})`), asc(zones.id), asc(zoneCoverage.priority), asc(sql`lower(${services.title})`));
  const now = ctx.now.getTime();
  const byZone = new Map<string, CoverageZoneView>();
  for (const r of rows) {
    let zone = byZone.get(r.zoneId);
    if (!zone) {
      zone = {
        zoneId: r.zoneId,
        zoneName: r.zoneName,
        ownerKind: r.ownerKind as 'platform' | 'provider',
        status: r.status,
        demandLevel: r.demandLevel,
        timeZone: r.timeZone,
        entries: [],
      };
      byZone.set(r.zoneId, zone);
    }
    const from = new Date(r.effectiveFrom).getTime();
    const to = r.effectiveTo ? new Date(r.effectiveTo).getTime() : null;
    zone.entries.push({
      serviceId: r.serviceId,
      serviceTitle: r.serviceTitle,
      priority: r.priority,
      effectiveFrom: iso(r.effectiveFrom),
      effectiveTo: r.effectiveTo ? iso(r.effectiveTo) : null,
      inEffect: r.status === 'active' && from <= now && (to === null || now < to),
    });
  }
  return { zones: [...byZone.values()] };
}
