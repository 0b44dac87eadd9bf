import { sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { organisations, providerHours, providerProfiles, serviceCategories, services } from '../schema';
import { seedId } from './ids';
import { boroughs, categories, demoProviderSlug, providers, type Hours, type ProviderSeed } from './london-data';

/** Weekly opening hours per pattern, local wall-clock in Europe/London: [ISO weekday, opens, closes]. */
const hourPatterns: Record<Hours, Array<[number, string, string]>> = {
  weekdays: [1, 2, 3, 4, 5].map((d) => [d, '08:00', '18:00']),
  'weekdays-sat': [...[1, 2, 3, 4, 5].map((d): [number, string, string] => [d, '08:00', '18:00']), [6, '09:00', '14:00']],
  'seven-days': [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '08:00', '20:00']),
  extended: [...[1, 2, 3, 4, 5].map((d): [number, string, string] => [d, '07:00', '21:00']), [6, '09:00', '17:00'], [7, '10:00', '16:00']],
  // Round the clock: PostgreSQL's `time` accepts 24:00, so the day has no gap at midnight.
  always: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, '00:00', '24:00']),
};

export const categoryId = (slug: string) => seedId(`category:${slug}`);
/** The demo provider keeps the identity seed's organisation; the others get their own. */
export const providerOrgId = (slug: string) => (slug === demoProviderSlug ? seedId('org:provider') : seedId(`org:provider:${slug}`));
export const serviceId = (slug: string, index: number) => seedId(`service:${slug}:${index}`);

const boroughByKey = new Map(boroughs.map((b) => [b.key, b]));

export function providerBasePoint(p: ProviderSeed): [number, number] {
  const borough = boroughByKey.get(p.base);
  if (!borough) throw new Error(`seed: provider ${p.slug} is based in unknown borough ${p.base}`);
  return [Number((borough.centre[0] + p.offset[0]).toFixed(5)), Number((borough.centre[1] + p.offset[1]).toFixed(5))];
}

/**
 * Service categories and the demo provider businesses: organisation, public profile (base point,
 * tagline, what it offers), opening hours and 1–4 active services with London prices in pence.
 * Ratings stay empty — they come from reviews of completed bookings. Rows a provider may edit in
 * the demo (profile, hours, services) are inserted once and left alone on a re-run.
 */
export async function seedCatalog(tx: Tx): Promise<void> {
  await tx
    .insert(serviceCategories)
    .values(categories.map((c, i) => ({ id: categoryId(c.slug), slug: c.slug, name: c.name, sortOrder: (i + 1) * 10 })))
    .onConflictDoUpdate({ target: serviceCategories.id, set: { name: sql`excluded.name`, sortOrder: sql`excluded.sort_order` } });

  await tx
    .insert(organisations)
    .values(providers.map((p) => ({ id: providerOrgId(p.slug), kind: 'provider' as const, name: p.name, slug: p.slug, timeZone: 'Europe/London' })))
    .onConflictDoUpdate({ target: organisations.id, set: { name: sql`excluded.name`, slug: sql`excluded.slug` } });

  await tx
    .insert(providerProfiles)
    .values(
      providers.map((p) => {
        const served = p.serves.map((k) => boroughByKey.get(k)?.name ?? k);
        return {
          orgId: providerOrgId(p.slug),
          tagline: p.tagline,
          description: `${p.name} serves ${served.slice(0, -1).join(', ')}${served.length > 1 ? ' and ' : ''}${served[served.length - 1]}.`,
          basePoint: JSON.stringify({ type: 'Point', coordinates: providerBasePoint(p) }),
          acceptsOnDemand: p.onDemand,
          offersRentals: p.rentals ?? false,
          offersSales: p.sales ?? false,
        };
      }),
    )
    .onConflictDoNothing();

  await tx
    .insert(providerHours)
    .values(
      providers.flatMap((p) =>
        hourPatterns[p.hours].map(([weekday, opensAt, closesAt]) => ({
          id: seedId(`hours:${p.slug}:${weekday}`),
          orgId: providerOrgId(p.slug),
          weekday,
          opensAt,
          closesAt,
        })),
      ),
    )
    .onConflictDoNothing();

  await tx
    .insert(services)
    .values(
      providers.flatMap((p) =>
        p.services.map(([category, title, priceMinor, durationMinutes, crewSize], i) => ({
          id: serviceId(p.slug, i),
          providerOrgId: providerOrgId(p.slug),
          categoryId: categoryId(category),
          title,
          description: `${title} by ${p.name}.`,
          priceMinor: BigInt(priceMinor),
          currency: 'GBP',
          taxInclusive: true,
          durationMinutes,
          crewSize: crewSize ?? 1,
          bufferAfterMinutes: durationMinutes >= 1440 ? 0 : 15,
          minNoticeMinutes: p.onDemand ? 0 : 24 * 60,
          status: 'active' as const,
        })),
      ),
    )
    .onConflictDoNothing();
}
