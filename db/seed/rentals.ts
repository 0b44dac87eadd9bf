import type { Tx } from '../client';

/** Demo data for rentals (filled in by the rentals work; called from db/seed/index.ts in dependency order). */
export async function seedRentals(_tx: Tx, _at: Date): Promise<void> {}
