import type { Tx } from '../client';

/** Demo data for inventory (filled in by the inventory work; called from db/seed/index.ts in dependency order). */
export async function seedInventory(_tx: Tx, _at: Date): Promise<void> {}
