/**
 * Test-only builders for geo integration tests: zones are inserted directly (no dependency on the
 * zone verbs), providers get a profile, services, coverage and hours. Never imported by app code.
 */
import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { places, providerHours, providerProfiles, serviceCategories, services, zoneCoverage } from '@/db/schema';
import { newId } from '@/lib/core/ids';
import { makeOrg } from '@/test/factories';
import type { DemandLevel, ZoneStatus } from './types';

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export type Box = [number, number, number, number];

export const boxWkt = ([w, s, e, nn]: Box) => `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${nn}, ${w} ${nn}, ${w} ${s}))`;

/** A square box of `halfDeg` around a point. */
export const around = (lon: number, lat: number, halfDeg: number): Box => [lon - halfDeg, lat - halfDeg, lon + halfDeg, lat + halfDeg];

export async function makeCategory(slug = `cat-${unique()}`, name = slug) {
  const id = newId();
  await db().insert(serviceCategories).values({ id, slug, name });
  return { id, slug, name };
}

export async function makeZone(opts: { ownerOrgId: string; ownerKind?: 'platform' | 'provider'; name?: string; box: Box; demand?: DemandLevel; status?: ZoneStatus }) {
  const id = newId();
  const name = opts.name ?? `Zone ${unique()}`;
  await db().execute(sql`
    insert into zones (id, owner_org_id, owner_kind, name, geom, demand_level, status)
    values (${id}, ${opts.ownerOrgId}, ${opts.ownerKind ?? 'platform'}, ${name},
            ST_Multi(ST_GeomFromText(${boxWkt(opts.box)}, 4326)), ${opts.demand ?? 'medium'}, ${opts.status ?? 'active'})`);
  return { id, name };
}

export interface HoursRow {
  weekday: number;
  opens: string;
  closes: string;
}

export async function makeProvider(opts: {
  base: [number, number];
  name?: string;
  timeZone?: string;
  rating?: { x100: number; count: number };
  offersRentals?: boolean;
  offersSales?: boolean;
  hours?: HoursRow[];
  tagline?: string;
}) {
  const org = await makeOrg('provider', opts.name);
  if (opts.timeZone) await db().execute(sql`update organisations set time_zone = ${opts.timeZone} where id = ${org.id}`);
  await db()
    .insert(providerProfiles)
    .values({
      orgId: org.id,
      tagline: opts.tagline ?? '',
      basePoint: JSON.stringify({ type: 'Point', coordinates: opts.base }),
      ratingX100: opts.rating?.x100 ?? null,
      ratingCount: opts.rating?.count ?? 0,
      offersRentals: opts.offersRentals ?? false,
      offersSales: opts.offersSales ?? false,
    });
  for (const h of opts.hours ?? []) {
    await db().insert(providerHours).values({ id: newId(), orgId: org.id, weekday: h.weekday, opensAt: h.opens, closesAt: h.closes });
  }
  return org;
}

export async function makeService(opts: { providerOrgId: string; categoryId: string; title?: string; priceMinor?: number; currency?: string; status?: 'draft' | 'active' | 'paused' | 'archived' }) {
  const id = newId();
  await db()
    .insert(services)
    .values({
      id,
      providerOrgId: opts.providerOrgId,
      categoryId: opts.categoryId,
      title: opts.title ?? `Service ${unique()}`,
      priceMinor: BigInt(opts.priceMinor ?? 5000),
      currency: opts.currency ?? 'GBP',
      durationMinutes: 60,
      status: opts.status ?? 'active',
    });
  return id;
}

export async function cover(opts: { providerOrgId: string; zoneId: string; serviceId: string; priority?: number; from?: Date; to?: Date | null }) {
  await db()
    .insert(zoneCoverage)
    .values({
      id: newId(),
      providerOrgId: opts.providerOrgId,
      zoneId: opts.zoneId,
      serviceId: opts.serviceId,
      priority: opts.priority ?? 1,
      effectiveFrom: opts.from ?? new Date('2020-01-01T00:00:00Z'),
      effectiveTo: opts.to ?? null,
    });
}

/** A provider with one active service covering `zoneId` — the common case. */
export async function makeServingProvider(opts: Parameters<typeof makeProvider>[0] & { zoneId: string; categoryId: string; priority?: number; priceMinor?: number; title?: string }) {
  const org = await makeProvider(opts);
  const serviceId = await makeService({ providerOrgId: org.id, categoryId: opts.categoryId, priceMinor: opts.priceMinor, title: opts.title });
  await cover({ providerOrgId: org.id, zoneId: opts.zoneId, serviceId, priority: opts.priority });
  return { ...org, serviceId };
}

export async function makePlace(opts: { name: string; kind: 'area' | 'postcode' | 'landmark' | 'station'; lon: number; lat: number; region?: string; rank?: number }) {
  const id = newId();
  await db()
    .insert(places)
    .values({ id, name: opts.name, kind: opts.kind, region: opts.region ?? 'London', point: JSON.stringify({ type: 'Point', coordinates: [opts.lon, opts.lat] }), rank: opts.rank ?? 0 });
  return id;
}

/** Every weekday, 08:00–18:00. */
export const weekdayHours: HoursRow[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' }));
