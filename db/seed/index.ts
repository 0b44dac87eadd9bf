import type { Db } from '../client';
import { runZoneSnapshot } from '@/lib/geo/snapshot/run-snapshot';
import { seedBilling } from '@/lib/billing/seed-billing';
import { seedPayouts } from '@/lib/finance/payout-seed';
import { seedBids } from '@/lib/bids/seed-bids';
import { seedCatalog } from './catalog';
import { seedCustomJobs } from './custom-jobs';
import { seedFinance } from './finance';
import { seedCrew } from './crew';
import { seedGeo } from './geo';
import { seedIdentity } from './identity';
import { seedReviews } from './reviews';
import { seedDisputes } from './disputes';
import { seedToggles } from './toggles';
import { seedCompliance } from './compliance';
import { seedInventory } from './inventory';
import { seedMarketplace } from './marketplace';
import { seedRentals } from './rentals';

/**
 * Deterministic, re-runnable demo data (London). Each domain adds its own seed file and is called
 * here in dependency order, all in one transaction so a failed seed leaves nothing half-written.
 * The last step is one zone analytics run, so the explorer and dashboards have metrics at once
 * (it needs no job queue: the run is computed right here, inside the seed's transaction).
 */
export async function seedAll(database: Db, at: Date = new Date('2026-01-01T09:00:00Z')): Promise<void> {
  await database.transaction(async (tx) => {
    await seedIdentity(tx, at);
    await seedToggles(tx);
    await seedCatalog(tx);
    await seedFinance(tx);
    await seedGeo(tx, at);
    await seedCrew(tx);
    // Before any booking is paid, so seeded invoices carry the suppliers' and buyers' details.
    await seedBilling(tx);
    // Completed demo bookings with reviews (through the real verbs), so ratings and review screens have data.
    await seedReviews(tx, at);
    // Disputes on completed jobs (one resolved with a partial refund, one awaiting the provider).
    await seedDisputes(tx, at);
    await seedPayouts(tx);
    // A custom job with a bid and its Q&A (through the real bid verbs).
    await seedBids(tx, at);
    // A second bidding provider (provider2@) and two open custom jobs with photos.
    await seedCustomJobs(tx, at);
    // Compliance documents first: only approved, in-date sellers may list.
    await seedCompliance(tx, at);
    await seedInventory(tx, at);
    // Listings through the real moderation verbs (needs compliance and inventory).
    await seedMarketplace(tx, at);
    // Rentals in several states and a purchase (needs listings).
    await seedRentals(tx, at);
    // Metrics are "as of seeding", so their age on screen is honest (never before `at`).
    await runZoneSnapshot({ trigger: 'schedule', at: new Date(Math.max(Date.now(), at.getTime())), tx });
  });
}
