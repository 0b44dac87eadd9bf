import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { applyMove } from './apply-move';
import { sellerStatus, insuredSellerSql } from '@/lib/compliance/status';
import { makeOrg } from '@/test/factories';
import { approveSeller, itemCounters, makeItem } from '@/test/commerce-fixtures';

const sys = (tx: Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0]) => ({ actor: { kind: 'system' as const, job: 'test', roles: [] as [] }, tx, requestId: 't', now: new Date() });

describe('stock move primitive and seller status (foundation)', () => {
  it('moves counters under the rules and opens/clears a low-stock alert', async () => {
    const org = await makeOrg('provider');
    const item = await makeItem(org.id, { quantity: 3, safetyStock: 2 });
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'reserve', reservedDelta: 2 }));
    expect(await itemCounters(item.id)).toEqual({ onHand: 3, reserved: 2, out: 0 });
    const alerts = rowsOf<{ severity: string }>(await db().execute(sql`select severity from inventory_alerts where item_id = ${item.id} and status = 'open'`));
    expect(alerts.map((a) => a.severity)).toEqual(['warning']);
    await expect(db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'reserve', reservedDelta: 2 }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'release', reservedDelta: -2 }));
    const open = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from inventory_alerts where item_id = ${item.id} and status <> 'resolved'`));
    expect(open[0]!.n).toBe(0);
  });

  it('derives the seller status the same way in SQL and in TypeScript', async () => {
    const org = await makeOrg('provider');
    const now = new Date();
    const q = async () => rowsOf<{ ok: boolean }>(await db().execute(sql`select ${insuredSellerSql(sql`${org.id}::uuid`, now)} as ok`))[0]!.ok;
    expect((await sellerStatus(db(), org.id, now)).status).toBe('pending_documents');
    expect(await q()).toBe(false);
    await approveSeller(org.id, now);
    expect((await sellerStatus(db(), org.id, now)).status).toBe('approved');
    expect((await sellerStatus(db(), org.id, now)).score).toBe(100);
    expect(await q()).toBe(true);
  });
});
