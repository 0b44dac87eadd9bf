import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { places, zoneCoverage } from '../schema';
import { providerOrgId, serviceId } from './catalog';
import { seedId } from './ids';
import {
  boroughs,
  demoProviderArea,
  demoProviderSlug,
  draftZone,
  greaterLondonOutline,
  landmarks,
  postcodeDistricts,
  providers,
  type LonLatPair,
} from './london-data';

export const boroughZoneId = (key: string) => seedId(`zone:${key}`);
export const draftZoneId = () => seedId(`zone:${draftZone.key}`);
export const demoProviderAreaId = () => seedId(`zone:provider-area:${demoProviderSlug}`);

const ringWkt = (ring: LonLatPair[]) => `POLYGON((${ring.map(([x, y]) => `${x} ${y}`).join(', ')}))`;

/**
 * London's platform zones, the demo provider's own coverage area, who serves which zone, and the
 * offline gazetteer.
 *
 * Borough zones are built offline and deterministically: the Voronoi cells of the borough centres,
 * clipped to a simplified Greater London outline. Cells of one diagram tile the plane, so the
 * zones share edges and never overlap — the rule every platform zone must meet — while looking
 * like boroughs on the map. Zones and coverage are inserted once and left alone on a re-run
 * (operations and providers may edit them in the demo); the gazetteer is reference data and is
 * refreshed.
 */
export async function seedGeo(tx: Tx, at: Date): Promise<void> {
  const platformOrgId = seedId('org:platform');
  const known = new Set(boroughs.map((b) => b.key));
  for (const p of providers) {
    for (const key of [p.base, ...p.serves]) if (!known.has(key)) throw new Error(`seed: ${p.slug} refers to unknown borough ${key}`);
  }

  const boroughRows = boroughs.map((b) => ({
    id: boroughZoneId(b.key),
    name: b.name,
    lon: b.centre[0],
    lat: b.centre[1],
    demand: b.demand,
    sla_od: b.sla?.acceptanceOnDemandMinutes ?? null,
    sla_sch: b.sla?.acceptanceScheduledMinutes ?? null,
    sla_arr: b.sla?.arrivalMinutes ?? null,
    sla_comp: b.sla?.completionMinutes ?? null,
  }));
  await tx.execute(sql`
    WITH outline AS (SELECT ST_SetSRID(ST_GeomFromText(${ringWkt(greaterLondonOutline)}), 4326) AS g),
    pts AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(boroughRows)}::jsonb)
        AS p(id uuid, name text, lon float8, lat float8, demand text, sla_od int, sla_sch int, sla_arr int, sla_comp int)
    ),
    cells AS (
      SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(ST_SetSRID(ST_MakePoint(lon, lat), 4326)), 0,
              (SELECT ST_Expand(g, 0.5) FROM outline)))).geom AS cell
      FROM pts
    )
    INSERT INTO zones (id, owner_org_id, owner_kind, name, geom, demand_level, time_zone, currency, tax_region,
                       sla_acceptance_on_demand_minutes, sla_acceptance_scheduled_minutes, sla_arrival_minutes,
                       sla_completion_minutes, status)
    SELECT p.id, ${platformOrgId}::uuid, 'platform', p.name,
           ST_Multi(ST_CollectionExtract(ST_Intersection(c.cell, o.g), 3)),
           p.demand::demand_level, 'Europe/London', 'GBP', 'GB', p.sla_od, p.sla_sch, p.sla_arr, p.sla_comp, 'active'
    FROM pts p
    JOIN cells c ON ST_Contains(c.cell, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
    CROSS JOIN outline o
    ON CONFLICT DO NOTHING`);

  // The draft zone sits just outside the outline; subtracting the outline guarantees no overlap.
  await tx.execute(sql`
    INSERT INTO zones (id, owner_org_id, owner_kind, name, geom, demand_level, time_zone, currency, tax_region, status)
    SELECT ${draftZoneId()}::uuid, ${platformOrgId}::uuid, 'platform', ${draftZone.name},
           ST_Multi(ST_CollectionExtract(ST_Difference(
             ST_SetSRID(ST_GeomFromText(${ringWkt(draftZone.ring)}), 4326),
             ST_SetSRID(ST_GeomFromText(${ringWkt(greaterLondonOutline)}), 4326)), 3)),
           ${draftZone.demand}::demand_level, 'Europe/London', 'GBP', 'GB', 'draft'
    ON CONFLICT DO NOTHING`);

  const demoOrg = providerOrgId(demoProviderSlug);
  await tx.execute(sql`
    INSERT INTO zones (id, owner_org_id, owner_kind, name, geom, demand_level, time_zone, currency, tax_region, status)
    VALUES (${demoProviderAreaId()}::uuid, ${demoOrg}::uuid, 'provider', 'South Bank and Bermondsey',
            ST_Multi(ST_SetSRID(ST_GeomFromText(${ringWkt(demoProviderArea)}), 4326)),
            'high', 'Europe/London', 'GBP', 'GB', 'active')
    ON CONFLICT DO NOTHING`);

  // Every provider serves its boroughs with every service: the base borough first (priority 1),
  // the rest in the listed order; the demo provider also serves its own area first.
  const effectiveFrom = new Date(at.getTime() - 180 * 86_400_000);
  const coverage = providers.flatMap((p) => {
    const zoneIds = p.serves.map((key, i) => ({ zoneId: boroughZoneId(key), priority: Math.min(i + 1, 5) }));
    if (p.slug === demoProviderSlug) zoneIds.unshift({ zoneId: demoProviderAreaId(), priority: 1 });
    return zoneIds.flatMap(({ zoneId, priority }) =>
      p.services.map((_, i) => ({
        id: seedId(`coverage:${p.slug}:${zoneId}:${i}`),
        providerOrgId: providerOrgId(p.slug),
        zoneId,
        serviceId: serviceId(p.slug, i),
        priority,
        effectiveFrom,
        effectiveTo: null,
      })),
    );
  });
  await tx.insert(zoneCoverage).values(coverage).onConflictDoNothing();

  const gazetteer = [
    ...boroughs.map((b) => ({ name: b.name, kind: 'area' as const, point: b.centre, rank: b.demand === 'high' ? 70 : b.demand === 'medium' ? 60 : 50 })),
    ...postcodeDistricts.map(([name, lon, lat]) => ({ name, kind: 'postcode' as const, point: [lon, lat] as LonLatPair, rank: 40 })),
    ...landmarks.map(([kind, name, lon, lat, rank]) => ({ name, kind, point: [lon, lat] as LonLatPair, rank })),
  ];
  await tx
    .insert(places)
    .values(
      gazetteer.map((g) => ({
        id: seedId(`place:${g.kind}:${g.name}`),
        name: g.name,
        kind: g.kind,
        region: 'London',
        point: JSON.stringify({ type: 'Point', coordinates: g.point }),
        rank: g.rank,
      })),
    )
    .onConflictDoUpdate({
      target: places.id,
      set: { name: sql`excluded.name`, kind: sql`excluded.kind`, region: sql`excluded.region`, point: sql`excluded.point`, rank: sql`excluded.rank` },
    });
}
