import { inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import { providerHours, servicemanHours, servicemen } from '../schema';
import { categoryId, providerBasePoint, providerOrgId } from './catalog';
import { seedId } from './ids';
import { demoProviderSlug, providers } from './london-data';

export const servicemanSeedId = (providerSlug: string, index: number) => seedId(`serviceman:${providerSlug}:${index}`);

const demoCrew = [
  { name: 'Sam Serviceman', lead: true, userEmail: 'serviceman@fixnado.test' },
  { name: 'Dev Patel', lead: true },
  { name: 'Grace Okafor', lead: true },
  { name: 'Tom Whitaker', lead: false },
];
// Mon–Fri 08:00–18:00 and Sat 09:00–13:00, local wall clock in Europe/London.
const demoHours: Array<[number, string, string]> = [...[1, 2, 3, 4, 5].map((d): [number, string, string] => [d, '08:00', '18:00']), [6, '09:00', '13:00']];

const firstNames = ['Alex', 'Jordan', 'Sam', 'Chris', 'Morgan', 'Jamie', 'Taylor', 'Riley', 'Casey', 'Robin', 'Ash', 'Charlie'];
const lastNames = ['Khan', 'Smith', 'Jones', 'Nowak', 'Adeyemi', 'Murphy', 'Silva', 'Chen', 'Evans', 'Ahmed', 'Brown', 'Rossi'];

/**
 * Crews for the demo providers: the demo provider gets four people (the demo serviceman account
 * leads), every other provider two or three (enough for its largest crew size), skilled in the
 * categories of its services and working its opening hours. Deterministic ids; rows are inserted
 * once and left alone on a re-run, since providers and servicemen edit them in the demo.
 * `categoryId` is referenced so a renamed category slug fails loudly here rather than silently.
 */
export async function seedCrew(tx: Tx): Promise<void> {
  const orgIds = providers.map((p) => providerOrgId(p.slug));
  const opening = await tx
    .select({ orgId: providerHours.orgId, weekday: providerHours.weekday, opensAt: providerHours.opensAt, closesAt: providerHours.closesAt })
    .from(providerHours)
    .where(inArray(providerHours.orgId, orgIds));
  const hoursByOrg = new Map<string, Array<[number, string, string]>>();
  for (const h of opening) {
    const list = hoursByOrg.get(h.orgId) ?? [];
    list.push([h.weekday, h.opensAt.slice(0, 5), h.closesAt.slice(0, 5)]);
    hoursByOrg.set(h.orgId, list);
  }

  const people: Array<typeof servicemen.$inferInsert> = [];
  const hours: Array<typeof servicemanHours.$inferInsert> = [];
  providers.forEach((p, pi) => {
    const orgId = providerOrgId(p.slug);
    const skills = [...new Set(p.services.map(([category]) => category))].sort();
    for (const s of skills) categoryId(s);
    const base = JSON.stringify({ type: 'Point', coordinates: providerBasePoint(p) });
    const isDemo = p.slug === demoProviderSlug;
    const largestCrew = Math.max(...p.services.map((s) => s[4] ?? 1));
    const crew = isDemo
      ? demoCrew
      : Array.from({ length: Math.min(3, Math.max(2, largestCrew)) }, (_, i) => ({
          name: `${firstNames[(pi * 3 + i) % firstNames.length]} ${lastNames[(pi * 5 + i * 7) % lastNames.length]}`,
          // The first two can lead; a third joins as support.
          lead: i < 2,
          userEmail: undefined,
        }));
    const pattern = isDemo ? demoHours : (hoursByOrg.get(orgId) ?? demoHours);
    crew.forEach((m, i) => {
      const id = servicemanSeedId(p.slug, i);
      people.push({
        id,
        providerOrgId: orgId,
        userId: 'userEmail' in m && m.userEmail ? seedId(`user:${m.userEmail}`) : null,
        displayName: m.name,
        skills,
        timeZone: 'Europe/London',
        basePoint: base,
        canLead: m.lead,
        status: 'active',
      });
      pattern
        .slice()
        .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
        .forEach(([weekday, startsAt, endsAt], k) => {
          hours.push({ id: seedId(`serviceman-hours:${p.slug}:${i}:${weekday}:${k}`), servicemanId: id, weekday, startsAt, endsAt });
        });
    });
  });
  await tx.insert(servicemen).values(people).onConflictDoNothing();
  // Hours go only to people who have none yet: a schedule someone edited (replace-all, new row
  // ids) must not get the seeded rows back on a re-run.
  const ids = people.map((m) => m.id as string);
  const scheduled = new Set(
    (await tx.selectDistinct({ id: servicemanHours.servicemanId }).from(servicemanHours).where(inArray(servicemanHours.servicemanId, ids))).map((r) => r.id),
  );
  const fresh = hours.filter((h) => !scheduled.has(h.servicemanId));
  if (fresh.length) await tx.insert(servicemanHours).values(fresh).onConflictDoNothing();
}
