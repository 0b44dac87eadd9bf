import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { featureToggles } from '@/db/schema';
import { env } from '@/lib/core/env';

/** Demo toggles covering the three states a feature can be in: on, part-way rolled out, off. */
const demoToggles = [
  { key: 'explorer.clusters', description: 'Group nearby providers into clusters on the explorer map.', enabled: true, rolloutPercent: 100 },
  { key: 'bookings.instant', description: 'Book without waiting for the provider to accept (half of signed-in users).', enabled: true, rolloutPercent: 50 },
  { key: 'ai.assist', description: 'AI help when writing a custom job request.', enabled: false, rolloutPercent: 0 },
] as const;

/**
 * Upserts the demo toggles for this environment. Re-running restores the demo values, so a seeded
 * database is always in the same state whatever was clicked since. Seeding is not an admin action,
 * so it writes no audit rows (the verb `setToggle` is for people).
 */
export async function seedToggles(tx: Tx): Promise<void> {
  const environment = env().APP_ENV;
  await tx
    .insert(featureToggles)
    .values(demoToggles.map((t) => ({ ...t, environment, updatedBy: null })))
    .onConflictDoUpdate({
      target: [featureToggles.key, featureToggles.environment],
      set: {
        description: sql`excluded.description`,
        enabled: sql`excluded.enabled`,
        rolloutPercent: sql`excluded.rollout_percent`,
        updatedBy: null,
        updatedAt: sql`now()`,
      },
    });
}
