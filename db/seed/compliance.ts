import type { Tx } from '../client';

/** Demo data for compliance (filled in by the compliance work; called from db/seed/index.ts in dependency order). */
export async function seedCompliance(_tx: Tx, _at: Date): Promise<void> {}
