/**
 * Custom jobs demo data: a second provider business with its own admin login (provider2@, the
 * demo password) covering south London zones for Handyman work — so a job there can be bid on by
 * two providers — and two open jobs by the demo customer, each with a photo drawn in code, posted
 * through the real verb (zone, currency, audit, event). Re-runnable: the organisation, login and
 * coverage are upserted, and jobs are posted only when the customer has none of these titles yet.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { customJobs, memberships, organisations, services, users, zoneCoverage } from '../schema';
import type { Ctx, UserActor } from '@/lib/core/context';
import { postJob } from '@/lib/custom-jobs/post-job';
import { tinyPng } from '@/lib/custom-jobs/tiny-png';
import { hashPassword } from '@/lib/identity/password';
import { categoryId, providerOrgId } from './catalog';
import { boroughZoneId } from './geo';
import { DEMO_PASSWORD } from './identity';
import { seedId } from './ids';

const DAY = 86_400_000;

/**
 * East End Handyman (a catalogue provider) gets an admin login and reaches into south London too,
 * so Handyman jobs there have two bidders: Thames Home Services (provider@) and this one.
 */
export const SECOND_PROVIDER = {
  slug: 'east-end-handyman',
  admin: { email: 'provider2@fixnado.test', name: 'Rory Provider' },
  extraZones: ['lambeth', 'southwark'],
};
export const secondProviderOrgId = () => providerOrgId(SECOND_PROVIDER.slug);

const DEMO_JOBS = [
  {
    key: 'shelves',
    title: 'Put up floating shelves in the living room',
    description: 'Three oak floating shelves (already bought) to hang on a plastered brick wall, level and evenly spaced. Wall plugs and fixings needed.',
    point: { lon: -0.1146, lat: 51.4622 },
    addressLine: '22 Coldharbour Lane, London SW9 8PR',
    budget: [6000, 12000],
    days: 10,
    rgb: [180, 120, 60] as [number, number, number],
  },
  {
    key: 'fence',
    title: 'Repair a leaning garden fence panel',
    description: 'One 6 ft fence panel leans after the storm; the post at the end looks rotten at the base and may need replacing with a concrete spur.',
    point: { lon: -0.0795, lat: 51.4705 },
    addressLine: '5 Camberwell Grove, London SE5 8JA',
    budget: [8000, 20000],
    days: 5,
    rgb: [70, 140, 70] as [number, number, number],
  },
];

export async function seedCustomJobs(tx: Tx, at: Date): Promise<void> {
  const orgId = secondProviderOrgId();
  const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new Error(`seed: provider ${SECOND_PROVIDER.slug} is missing (seed the catalogue first)`);
  const offered = await tx.select({ id: services.id }).from(services).where(and(eq(services.providerOrgId, orgId), eq(services.categoryId, categoryId('handyman'))));
  await tx
    .insert(zoneCoverage)
    .values(
      SECOND_PROVIDER.extraZones.flatMap((key) =>
        offered.map((svc) => ({
          id: seedId(`coverage:${SECOND_PROVIDER.slug}:${key}:${svc.id}`),
          providerOrgId: orgId,
          zoneId: boroughZoneId(key),
          serviceId: svc.id,
          priority: 5,
          effectiveFrom: new Date(at.getTime() - 180 * DAY),
          effectiveTo: null,
        })),
      ),
    )
    .onConflictDoNothing();

  // The admin login, the same way the identity seed makes provider@.
  const adminId = seedId(`user:${SECOND_PROVIDER.admin.email}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx
    .insert(users)
    .values({ id: adminId, email: SECOND_PROVIDER.admin.email, name: SECOND_PROVIDER.admin.name, passwordHash, emailVerifiedAt: at })
    .onConflictDoUpdate({
      target: users.id,
      set: { name: SECOND_PROVIDER.admin.name, passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${at.toISOString()}::timestamptz)`, disabledAt: null },
    });
  for (const [role, org] of [
    ['customer', null],
    ['provider_admin', orgId],
  ] as const) {
    await tx
      .insert(memberships)
      .values({ id: seedId(`membership:${SECOND_PROVIDER.admin.email}:${role}`), userId: adminId, orgId: org, role })
      .onConflictDoNothing();
  }

  // Two open jobs by the demo customer, through the real verb.
  const customerEmail = 'customer@fixnado.test';
  const customerId = seedId(`user:${customerEmail}`);
  const existing = await tx
    .select({ title: customJobs.title })
    .from(customJobs)
    .where(
      and(
        eq(customJobs.customerId, customerId),
        inArray(
          customJobs.title,
          DEMO_JOBS.map((j) => j.title),
        ),
      ),
    );
  const [customer] = await tx.select({ name: users.name }).from(users).where(eq(users.id, customerId));
  if (!customer) return;
  const actor: UserActor = {
    kind: 'user',
    userId: customerId,
    email: customerEmail,
    name: customer.name,
    roles: ['customer'],
    memberships: [{ orgId: null, orgKind: null, orgName: null, role: 'customer', expiresAt: null }],
    providerId: null,
    enterpriseId: null,
  };
  // Jobs are "posted" now (or at the seed instant if later), so their deadlines are in the future.
  const now = new Date(Math.max(Date.now(), at.getTime()));
  for (const [i, job] of DEMO_JOBS.entries()) {
    if (existing.some((e) => e.title === job.title)) continue;
    const ctx: Ctx = { actor, tx, requestId: `seed-custom-jobs-${job.key}`, now: new Date(now.getTime() - (DEMO_JOBS.length - i) * 3_600_000) };
    await postJob(ctx, {
      title: job.title,
      description: job.description,
      categoryId: categoryId('handyman'),
      location: job.point,
      addressLine: job.addressLine,
      budgetMinMinor: job.budget[0],
      budgetMaxMinor: job.budget[1],
      currency: 'GBP',
      bidDeadline: new Date(now.getTime() + job.days * DAY).toISOString(),
      photos: [{ bytes: tinyPng({ width: 320, height: 240, rgb: job.rgb }), name: `${job.key}.png` }],
    });
  }
}
