import type { Db } from '../client';
import { seedIdentity } from './identity';
import { seedToggles } from './toggles';

/**
 * Deterministic, re-runnable demo data (London). Each domain adds its own seed file and is called
 * here in dependency order, all in one transaction so a failed seed leaves nothing half-written.
 */
export async function seedAll(database: Db, at: Date = new Date('2026-01-01T09:00:00Z')): Promise<void> {
  await database.transaction(async (tx) => {
    await seedIdentity(tx, at);
    await seedToggles(tx);
  });
}
