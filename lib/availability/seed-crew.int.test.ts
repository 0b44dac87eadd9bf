import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { servicemen } from '@/db/schema';
import { seedCatalog, serviceId } from '@/db/seed/catalog';
import { seedCrew, servicemanSeedId } from '@/db/seed/crew';
import { seedId } from '@/db/seed/ids';
import { seedIdentity } from '@/db/seed/identity';
import { demoProviderSlug, providers } from '@/db/seed/london-data';
import { availableSlots } from './queries';
import { localTime } from '@/lib/core/zoned-time';

const count = async () => Number(rowsOf<{ n: string | number }>(await db().execute(sql`select (select count(*) from servicemen) + (select count(*) from serviceman_hours) as n`))[0].n);

describe('seedCrew', () => {
  it('gives every provider a crew, the demo serviceman leads, and a re-run changes nothing', async () => {
    const at = new Date('2026-01-01T09:00:00Z');
    await db().transaction(async (tx) => {
      await seedIdentity(tx, at);
      await seedCatalog(tx);
      await seedCrew(tx);
    });
    const first = await count();
    await db().transaction((tx) => seedCrew(tx));
    expect(await count()).toBe(first);

    const [sam] = await db().select().from(servicemen).where(eq(servicemen.id, servicemanSeedId(demoProviderSlug, 0)));
    expect(sam).toMatchObject({ userId: seedId('user:serviceman@fixnado.test'), canLead: true, providerOrgId: seedId('org:provider'), status: 'active' });
    expect(sam.skills).toEqual(expect.arrayContaining(['plumbing', 'electrical', 'handyman', 'appliance-repair']));
    const crews = rowsOf<{ org: string; n: string | number }>(await db().execute(sql`select provider_org_id as org, count(*) as n from servicemen group by provider_org_id`));
    expect(crews).toHaveLength(providers.length);
    for (const c of crews) expect(Number(c.n)).toBeGreaterThanOrEqual(2);

    // Demo plumbing on a Saturday: 09:00–13:00 with a 15-minute buffer after a 60-minute job.
    const r = await availableSlots(db(), { serviceId: serviceId(demoProviderSlug, 0), from: '2026-01-17', days: 1, at });
    const l = r.days[0].slots.map((s) => localTime(new Date(s.startsAt), 'Europe/London'));
    expect(l[0]).toBe('09:00');
    expect(l[l.length - 1]).toBe('11:30');
    // A removals job for three people finds a full crew.
    const removals = providers.find((p) => p.slug === 'swift-removals-london')!;
    const three = await availableSlots(db(), { serviceId: serviceId(removals.slug, 1), from: '2026-01-15', days: 1, at });
    expect(three.days[0].slots[0]?.servicemanIds).toHaveLength(3);
  });
});
