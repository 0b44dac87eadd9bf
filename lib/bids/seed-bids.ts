/**
 * Demo bids: a custom job posted by the demo customer in Brixton, a bid on it by Thames Home
 * Services (provider@) placed through the real verb, and a short Q&A — so the customer's bids
 * panel, the provider's job page and "My bids" have something to show. The job's deadline is two
 * weeks after seeding, so it can still be awarded in the demo. Skipped when it already exists.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { customJobs, services } from '@/db/schema';
import { demoActor } from '@/db/seed/identity';
import { seedId } from '@/db/seed/ids';
import { providerOrgId } from '@/db/seed/catalog';
import { demoProviderSlug } from '@/db/seed/london-data';
import { governingZone } from '@/lib/bookings/create-booking';
import type { Ctx, UserActor } from '@/lib/core/context';
import { placeBid } from './place-bid';
import { postBidMessage } from './post-bid-message';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BRIXTON = { lon: -0.1145, lat: 51.4613 };
export const DEMO_BID_JOB_REFERENCE = 'JB-DEMOBID';


export async function seedBids(tx: Tx, at: Date): Promise<void> {
  const [existing] = await tx.select({ id: customJobs.id }).from(customJobs).where(eq(customJobs.reference, DEMO_BID_JOB_REFERENCE)).limit(1);
  if (existing) return;
  const orgId = providerOrgId(demoProviderSlug);
  const [svc] = await tx
    .select({ categoryId: services.categoryId })
    .from(services)
    .where(and(eq(services.providerOrgId, orgId), eq(services.title, 'Handyman by the hour'), eq(services.status, 'active')));
  const zone = await governingZone(tx, BRIXTON.lon, BRIXTON.lat);
  if (!svc || !zone) return;

  const now = new Date(Math.max(Date.now(), at.getTime()));
  const customer = demoActor('customer@fixnado.test');
  const admin = demoActor('provider@fixnado.test');
  const ctx = (actor: UserActor, when: Date): Ctx => ({ actor, tx, requestId: `seed-bids-${when.getTime()}`, now: when });
  const jobId = seedId('custom-job:demo-bids');
  await tx.insert(customJobs).values({
    id: jobId,
    reference: DEMO_BID_JOB_REFERENCE,
    customerId: customer.userId,
    title: 'Fix a sticking sash window and rehang a door',
    description: 'The bedroom sash window sticks halfway and the kitchen door scrapes the floor. Both need sorting before winter.',
    categoryId: svc.categoryId,
    location: JSON.stringify({ type: 'Point', coordinates: [BRIXTON.lon, BRIXTON.lat] }),
    addressLine: '14 Electric Avenue, London SW9 8JX',
    zoneId: zone.id,
    budgetMinMinor: 8000n,
    budgetMaxMinor: 25000n,
    currency: zone.currency,
    bidDeadline: new Date(now.getTime() + 14 * DAY),
    createdAt: new Date(now.getTime() - 2 * HOUR),
    updatedAt: new Date(now.getTime() - 2 * HOUR),
  });
  const { bidId } = await placeBid(ctx(admin, new Date(now.getTime() - HOUR)), {
    jobId,
    amountMinor: 16500,
    etaDays: 3,
    message: 'Two hours on site: ease and re-cord the sash, plane and rehang the door. Materials included.',
  });
  await postBidMessage(ctx(customer, new Date(now.getTime() - 30 * 60_000)), { bidId, body: 'Does that include new sash cords if they are worn?' });
  await postBidMessage(ctx(admin, new Date(now.getTime() - 20 * 60_000)), { bidId, body: 'Yes, cords and pulleys are included in the price.' });
}
