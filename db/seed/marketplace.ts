import type { Tx } from '../client';

/** Demo data for marketplace (filled in by the marketplace work; called from db/seed/index.ts in dependency order). */
export async function seedMarketplace(_tx: Tx, _at: Date): Promise<void> {}
