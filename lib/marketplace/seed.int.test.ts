import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import { seedId } from '@/db/seed/ids';
import { seedAll } from '@/db/seed/index';
import { seedListingId } from '@/db/seed/marketplace';
import { demoProviderSlug } from '@/db/seed/london-data';
import { reconcile } from '@/lib/finance/ledger';
import { localDiskStore, setFileStore } from '@/lib/storage';
import { anonCtx, ctxFor } from '@/test/factories';
import { listMyOrders } from './order-queries';
import { browseListings, businessFront, moderationQueue } from './queries';

describe('marketplace demo seed', () => {
  beforeAll(async () => {
    setFileStore(localDiskStore(mkdtempSync(join(tmpdir(), 'marketplace-seed-'))));
    await seedAll(db());
  }, 240_000);

  it('lists the demo sellers’ items, queues one, rejects one, and has a collected order — re-runnable', async () => {
    const feed = await browseListings(anonCtx(), {});
    const titles = feed.items.map((i) => i.title);
    expect(titles).toContain('18V cordless drill hire');
    expect(titles).toContain('White flexible grout, 5 kg');
    expect(titles).not.toContain('Electric wet tile cutter hire');
    const rent = await browseListings(anonCtx(), { mode: 'rent' });
    expect(rent.items.every((i) => i.kind === 'tool_rental')).toBe(true);

    const queue = await moderationQueue(await ctxFor(seedId('user:operations@fixnado.test')));
    expect(queue.map((q) => q.id)).toContain(seedListingId('thames:tile-cutter-hire'));
    const rejected = rowsOf<{ status: string; status_reason: string }>(await db().execute(sql`select status, status_reason from listings where id = ${seedListingId('thames:drill-sale')}`));
    expect(rejected[0]).toMatchObject({ status: 'rejected' });

    const front = await businessFront(anonCtx(), demoProviderSlug);
    expect(front.seller.status).toBe('approved');
    expect(front.listings.length).toBeGreaterThanOrEqual(6);
    expect(front.listings.some((l) => l.kind === 'service_package')).toBe(true);
    expect(front.zones.length).toBeGreaterThan(0);

    const orders = await listMyOrders(await ctxFor(seedId('user:customer@fixnado.test')));
    expect(orders.some((o) => o.status === 'collected' && o.listingTitle === 'White flexible grout, 5 kg')).toBe(true);

    const count = async () => rowsOf<{ l: number; o: number }>(await db().execute(sql`select (select count(*)::int from listings) as l, (select count(*)::int from orders) as o`))[0]!;
    const before = await count();
    await seedAll(db());
    expect(await count()).toEqual(before);
    expect((await reconcile(db())).transactionsUnbalanced).toBe(0);
  }, 240_000);
});
