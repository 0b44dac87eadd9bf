import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { seedId } from '@/db/seed/ids';
import { seedAll } from '@/db/seed/index';
import { SEED_ITEM_KEYS, seedItemId, seedUnitId } from '@/db/seed/inventory';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { ctxFor } from '@/test/factories';
import { listAlerts, listItems, listUnits } from './queries';
import { reconcile } from './reconciliation';

describe('inventory demo seed', () => {
  beforeAll(async () => {
    setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'inventory-seed-'))));
    await seedAll(db());
  }, 240_000);

  it('gives provider@ a mixed stock with a low-stock alert and an archived item, provider2@ its own, all in balance and re-runnable', async () => {
    const provider = await ctxFor(seedId('user:provider@fixnado.test'));
    const active = await listItems(provider);
    // Opening stock as seeded (the rentals and marketplace seeds may move some of it later).
    const opening = async (itemId: string) =>
      Number(rowsOf<{ n: number }>(await db().execute(sql`select coalesce(sum(on_hand_delta), 0)::int as n from inventory_moves where item_id = ${itemId} and reason = 'opening stock'`))[0]!.n);
    const rows = await Promise.all(active.map(async (i) => [i.sku, i.tracking, i.mode, await opening(i.id)]));
    expect(rows).toEqual([
      ['THS-DRILL-18V', 'serialised', 'hybrid', 3],
      ['THS-GROUT-5KG', 'bulk', 'purchase', 40],
      ['THS-LADDER-3S', 'bulk', 'rental', 7],
      ['THS-PAINT-5L', 'bulk', 'hybrid', 25],
      ['THS-PWASH-2000', 'serialised', 'rental', 1],
      ['THS-SEALANT', 'bulk', 'purchase', 3],
      ['THS-TILECUT', 'serialised', 'rental', 2],
    ]);
    const ladders = active.find((i) => i.sku === 'THS-LADDER-3S')!;
    expect(ladders.onHand + ladders.outOnRent).toBe(6); // 7 received, 1 written off with a reason
    expect(active.find((i) => i.sku === 'THS-DRILL-18V')).toMatchObject({ id: seedItemId('thames:drill'), dailyRateMinor: 1800, depositMinor: 6000 });
    expect(active.find((i) => i.sku === 'THS-PWASH-2000')).toMatchObject({ insuranceRequired: true, dailyRateMinor: 3500, depositMinor: 15000 });
    expect((await listUnits(provider, seedItemId('thames:drill'))).map((u) => u.id)).toContain(seedUnitId('thames:drill', 'DRL-0001'));
    expect((await listItems(provider, { archived: true })).map((i) => i.sku)).toEqual(['THS-SANDER-OLD']);
    expect((await listAlerts(provider, { status: 'open', kind: 'low_stock' })).map((a) => a.sku)).toContain('THS-SEALANT');
    expect((await reconcile(provider)).driftCount).toBe(0);

    const second = await ctxFor(seedId('user:provider2@fixnado.test'));
    expect((await listItems(second)).map((i) => i.sku)).toEqual(['EEH-MIXER', 'EEH-PLASTER-25', 'EEH-SDS-DRILL']);

    const moves = async () => Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from inventory_moves`))[0]!.n);
    const before = await moves();
    await seedAll(db());
    expect(await moves()).toBe(before);
    expect(SEED_ITEM_KEYS).toHaveLength(11);
  }, 240_000);
});
