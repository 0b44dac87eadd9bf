import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db/client';
import type { Ctx } from '@/lib/core/context';
import { ctxFor, expectAppError, makeUser } from '@/test/factories';
import { itemCounters } from '@/test/commerce-fixtures';
import { acknowledgeAlert } from './acknowledge-alert';
import { addUnits } from './add-units';
import { applyMove } from './apply-move';
import { archiveItem } from './archive-item';
import { createItem } from './create-item';
import { inventoryCsv } from './export-csv';
import { getItem, listAlerts, listItems, listMoves, listUnits } from './queries';
import { reconcile } from './reconciliation';
import { recordMove } from './record-move';
import { resolveAlert } from './resolve-alert';
import { setUnitStatus } from './set-unit-status';
import { updateItem } from './update-item';

/** RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') rows[rows.length - 1]!.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') rows[rows.length - 1]!.push(cell), (cell = ''), rows.push([]), i++;
    else cell += ch;
  }
  rows[rows.length - 1]!.push(cell);
  return rows;
}

let skuN = 0;
const sku = (p = 'T') => `${p}-${Date.now().toString(36)}-${skuN++}`;
const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db().execute(s));

async function provider() {
  const u = await makeUser(['provider_admin']);
  return { ctx: await ctxFor(u.id), orgId: u.orgs.provider!, userId: u.id };
}

const bulk = (ctx: Ctx, o: Record<string, unknown> = {}) =>
  createItem(ctx, { sku: sku(), name: 'Grout bag 5 kg', kind: 'material', mode: 'purchase', tracking: 'bulk', salePriceMinor: 899, currency: 'GBP', openingQuantity: 10, ...o });

const sys = (tx: Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0]) => ({ actor: { kind: 'system' as const, job: 'test', roles: [] as [] }, tx, requestId: 't', now: new Date() });

const openAlerts = (itemId: string) =>
  q<{ id: string; severity: string; status: string }>(sql`select id, severity, status from inventory_alerts where item_id = ${itemId} and kind = 'low_stock' and status <> 'resolved'`);

describe('items', () => {
  it('creates bulk and serialised items with opening receive moves, units and an audit row', async () => {
    const p = await provider();
    const b = await bulk(p.ctx, { openingQuantity: 40 });
    expect(b).toMatchObject({ onHand: 40, available: 40, salePriceMinor: 899, dailyRateMinor: null, version: 1, status: 'active' });
    const bm = await listMoves(p.ctx, b.id);
    expect(bm.moves.map((m) => [m.kind, m.onHandDelta, m.onHandAfter, m.reason])).toEqual([['receive', 40, 40, 'opening stock']]);

    const s = await createItem(p.ctx, {
      sku: sku('DRL'), name: 'Cordless drill', kind: 'tool', mode: 'hybrid', tracking: 'serialised',
      dailyRateMinor: 1800, depositMinor: 6000, salePriceMinor: 12900, currency: 'GBP', serials: 'SN-A\nSN-B, SN-C', insuranceRequired: 'on',
    });
    expect(s).toMatchObject({ onHand: 3, dailyRateMinor: 1800, depositMinor: 6000, insuranceRequired: true });
    const units = await listUnits(p.ctx, s.id);
    expect(units.map((u) => [u.serial, u.status])).toEqual([['SN-A', 'in_stock'], ['SN-B', 'in_stock'], ['SN-C', 'in_stock']]);
    const sm = await listMoves(p.ctx, s.id);
    expect(sm.moves.map((m) => [m.kind, m.onHandDelta, m.onHandAfter, m.unitSerial])).toEqual([['receive', 1, 3, 'SN-C'], ['receive', 1, 2, 'SN-B'], ['receive', 1, 1, 'SN-A']]);

    const auto = await createItem(p.ctx, { sku: 'AUTO-1', name: 'Tile cutter', kind: 'tool', mode: 'rental', tracking: 'serialised', dailyRateMinor: 2000, currency: 'GBP', openingQuantity: 2 });
    expect((await listUnits(p.ctx, auto.id)).map((u) => u.serial)).toEqual(['AUTO-1-001', 'AUTO-1-002']);

    const audit = await q<{ action: string; tenant_id: string }>(sql`select action, tenant_id from audit_log where entity_id = ${s.id}`);
    expect(audit).toEqual([{ action: 'inventory.create_item', tenant_id: p.orgId }]);
  });

  it('refuses a SKU already used by the same provider (409 naming sku) but not by another provider', async () => {
    const a = await provider();
    const b = await provider();
    await bulk(a.ctx, { sku: 'LADDER-6' });
    const err = await expectAppError(bulk(a.ctx, { sku: 'LADDER-6' }), 'CONFLICT');
    expect(err.message).toContain('LADDER-6');
    expect(err.details.fieldErrors).toHaveProperty('sku');
    await expect(bulk(b.ctx, { sku: 'LADDER-6' })).resolves.toMatchObject({ sku: 'LADDER-6' });
  });

  it('requires the price fields each mode needs and names them', async () => {
    const p = await provider();
    const e1 = await expectAppError(bulk(p.ctx, { mode: 'rental', salePriceMinor: undefined }), 'VALIDATION');
    expect(e1.details.fieldErrors).toHaveProperty('dailyRateMinor');
    const e2 = await expectAppError(bulk(p.ctx, { mode: 'hybrid', dailyRateMinor: 500, salePriceMinor: undefined }), 'VALIDATION');
    expect(e2.details.fieldErrors).toHaveProperty('salePriceMinor');
    const e3 = await expectAppError(bulk(p.ctx, { sku: '=bad sku' }), 'VALIDATION');
    expect(e3.details.fieldErrors).toHaveProperty('sku');
    const e4 = await expectAppError(createItem(p.ctx, { sku: sku(), name: 'Drill', kind: 'tool', mode: 'rental', tracking: 'serialised', dailyRateMinor: 100, currency: 'GBP', openingQuantity: 3, serials: ['A', 'B'] }), 'VALIDATION');
    expect(e4.details.fieldErrors).toHaveProperty('serials');
  });

  it('edits with an optimistic version (stale → 409) and re-evaluates low stock when the safety stock changes', async () => {
    const p = await provider();
    const item = await bulk(p.ctx);
    const v2 = await updateItem(p.ctx, { itemId: item.id, version: 1, name: 'Grout bag 10 kg', salePriceMinor: 1299 });
    expect(v2).toMatchObject({ version: 2, name: 'Grout bag 10 kg', salePriceMinor: 1299 });
    const stale = await expectAppError(updateItem(p.ctx, { itemId: item.id, version: 1, name: 'Other' }), 'CONFLICT');
    expect(stale.message).toMatch(/version 1, now 2/);
    await updateItem(p.ctx, { itemId: item.id, version: 2, safetyStock: 12 });
    expect(await openAlerts(item.id)).toMatchObject([{ severity: 'warning', status: 'open' }]);
    // Switching to rental needs a daily rate, and drops the sale price.
    await expectAppError(updateItem(p.ctx, { itemId: item.id, version: 3, mode: 'rental' }), 'VALIDATION');
    const r = await updateItem(p.ctx, { itemId: item.id, version: 3, mode: 'rental', dailyRateMinor: 500 });
    expect(r).toMatchObject({ mode: 'rental', dailyRateMinor: 500, salePriceMinor: null, version: 4 });
  });

  it('archives only when nothing is reserved or out on rent', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { safetyStock: 20 });
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'reserve', reservedDelta: 2 }));
    const e = await expectAppError(archiveItem(p.ctx, { itemId: item.id }), 'CONFLICT');
    expect(e.message).toMatch(/2 reserved/);
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'checkout', onHandDelta: -2, reservedDelta: -2, outDelta: 2 }));
    await expectAppError(archiveItem(p.ctx, { itemId: item.id }), 'CONFLICT');
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'return', onHandDelta: 2, outDelta: -2 }));
    const archived = await archiveItem(p.ctx, { itemId: item.id });
    expect(archived.status).toBe('archived');
    expect(await openAlerts(item.id)).toEqual([]);
    await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: 1 }), 'CONFLICT');
    expect((await listItems(p.ctx, { archived: 'true' })).map((i) => i.id)).toEqual([item.id]);
    expect((await listItems(p.ctx)).map((i) => i.id)).not.toContain(item.id);
  });

  it('keeps tenants apart: a foreign item or alert is NOT_FOUND; a customer is FORBIDDEN', async () => {
    const a = await provider();
    const b = await provider();
    const item = await bulk(a.ctx, { safetyStock: 50 });
    await expectAppError(getItem(b.ctx, item.id), 'NOT_FOUND');
    await expectAppError(updateItem(b.ctx, { itemId: item.id, version: 1, name: 'Mine now' }), 'NOT_FOUND');
    await expectAppError(recordMove(b.ctx, { itemId: item.id, kind: 'adjust', quantity: -1, reason: 'theft' }), 'NOT_FOUND');
    await expectAppError(listMoves(b.ctx, item.id), 'NOT_FOUND');
    const [alert] = await openAlerts(item.id);
    await expectAppError(acknowledgeAlert(b.ctx, { alertId: alert!.id }), 'NOT_FOUND');
    expect(await listItems(b.ctx)).toEqual([]);
    const cust = await makeUser(['customer']);
    await expectAppError(listItems(await ctxFor(cust.id)), 'FORBIDDEN');
    await expectAppError(reconcile(b.ctx, { providerOrgId: a.orgId }), 'FORBIDDEN');
    expect(await itemCounters(item.id)).toEqual({ onHand: 10, reserved: 0, out: 0 });
  });
});

describe('stock moves', () => {
  it('receives, adjusts ± with a reason, writes off and counts, with the balances after each move', async () => {
    const p = await provider();
    const item = await bulk(p.ctx);
    await recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: '5' });
    await recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: '-3', reason: 'damaged in van' });
    await recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: 1, reason: 'found on shelf' });
    await recordMove(p.ctx, { itemId: item.id, kind: 'write_off', quantity: 2, reason: 'water damage' });
    const c1 = await recordMove(p.ctx, { itemId: item.id, kind: 'count', countedQty: 9, reason: 'monthly count' });
    expect(c1.item.onHand).toBe(9);
    const c2 = await recordMove(p.ctx, { itemId: item.id, kind: 'count', countedQty: 9, reason: 'spot check' });
    expect(c2.item.onHand).toBe(9);
    const { moves } = await listMoves(p.ctx, item.id);
    expect(moves.map((m) => [m.kind, m.onHandDelta, m.onHandAfter, m.countedQty])).toEqual([
      ['count', 0, 9, 9],
      ['count', -2, 9, 9],
      ['write_off', -2, 11, null],
      ['adjust', 1, 13, null],
      ['adjust', -3, 12, null],
      ['receive', 5, 15, null],
      ['receive', 10, 10, null],
    ]);
    const audit = await q<{ action: string; n: number }>(sql`select action, count(*)::int as n from audit_log where entity_id = ${item.id} group by action order by action`);
    expect(audit).toEqual([
      { action: 'inventory.adjust', n: 2 },
      { action: 'inventory.count', n: 2 },
      { action: 'inventory.create_item', n: 1 },
      { action: 'inventory.receive', n: 1 },
      { action: 'inventory.write_off', n: 1 },
    ]);
  });

  it('refuses impossible moves with a clear CONFLICT, and missing reasons or quantities with field errors', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 3 });
    const e = await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: -4, reason: 'lost' }), 'CONFLICT');
    expect(e.message).toMatch(/Only 3 .* on hand/);
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'reserve', reservedDelta: 2 }));
    const e2 = await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'write_off', quantity: 2, reason: 'broken' }), 'CONFLICT');
    expect(e2.message).toMatch(/2 already reserved/);
    expect((await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: -1 }), 'VALIDATION')).details.fieldErrors).toHaveProperty('reason');
    expect((await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: 0, reason: 'nothing' }), 'VALIDATION')).details.fieldErrors).toHaveProperty('quantity');
    expect((await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: -2 }), 'VALIDATION')).details.fieldErrors).toHaveProperty('quantity');
    expect((await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'count', reason: 'count' }), 'VALIDATION')).details.fieldErrors).toHaveProperty('countedQty');
    expect(await itemCounters(item.id)).toEqual({ onHand: 3, reserved: 2, out: 0 });
  });

  it('the database itself refuses negative stock, reserved above on hand and edits of the move ledger', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 2 });
    await expect(db().execute(sql`update inventory_items set on_hand = -1 where id = ${item.id}`)).rejects.toThrow();
    await expect(db().execute(sql`update inventory_items set reserved = 3 where id = ${item.id}`)).rejects.toThrow();
    await expect(db().execute(sql`update inventory_moves set on_hand_delta = 5 where item_id = ${item.id}`)).rejects.toThrow();
    await expect(db().execute(sql`delete from inventory_moves where item_id = ${item.id}`)).rejects.toThrow();
    expect((await listMoves(p.ctx, item.id)).moves).toHaveLength(1);
    expect(await itemCounters(item.id)).toEqual({ onHand: 2, reserved: 0, out: 0 });
  });

  it('pages the move history newest first with a cursor', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 1 });
    for (let i = 0; i < 6; i++) await recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: 1 });
    const first = await listMoves(p.ctx, item.id, { limit: 4 });
    expect(first.moves.map((m) => m.onHandAfter)).toEqual([7, 6, 5, 4]);
    const second = await listMoves(p.ctx, item.id, { limit: 4, before: first.nextBefore });
    expect(second.moves.map((m) => m.onHandAfter)).toEqual([3, 2, 1]);
    expect(second.nextBefore).toBeNull();
  });

  it.skipIf(!process.env.DATABASE_URL)('20 parallel −1 adjustments on 10 units: exactly 10 succeed, on hand 0, no drift (needs real PostgreSQL for concurrency)', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 10 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => recordMove({ ...p.ctx, requestId: `race-${i}` }, { itemId: item.id, kind: 'adjust', quantity: -1, reason: 'race test' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { code: string }).code).toBe('CONFLICT');
    expect(await itemCounters(item.id)).toEqual({ onHand: 0, reserved: 0, out: 0 });
    const { moves } = await listMoves(p.ctx, item.id, { limit: 50 });
    expect(moves.map((m) => m.onHandAfter)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await reconcile(p.ctx)).driftCount).toBe(0);
  });
});

describe('serialised units', () => {
  it('maintenance, back in stock, retire and add move the counters with the units; a unit out on rent cannot be retired', async () => {
    const p = await provider();
    const item = await createItem(p.ctx, { sku: sku('PW'), name: 'Pressure washer', kind: 'tool', mode: 'rental', tracking: 'serialised', dailyRateMinor: 3500, depositMinor: 15000, currency: 'GBP', serials: ['PW-1', 'PW-2', 'PW-3'] });
    const [u1, u2, u3] = await listUnits(p.ctx, item.id);
    await setUnitStatus(p.ctx, { itemId: item.id, unitId: u1!.id, status: 'maintenance', reason: 'pump leaking' });
    expect(await itemCounters(item.id)).toMatchObject({ onHand: 2 });
    await setUnitStatus(p.ctx, { itemId: item.id, unitId: u1!.id, status: 'in_stock', reason: 'pump replaced' });
    await recordMove(p.ctx, { itemId: item.id, kind: 'write_off', unitId: u2!.id, reason: 'stolen from van' });
    expect((await listUnits(p.ctx, item.id)).find((u) => u.id === u2!.id)?.status).toBe('retired');
    await expectAppError(setUnitStatus(p.ctx, { itemId: item.id, unitId: u2!.id, status: 'in_stock', reason: 'oops' }), 'CONFLICT');
    // Out on rent (as the rentals checkout leaves it): cannot be retired here.
    await db().execute(sql`update inventory_units set status = 'out' where id = ${u3!.id}`);
    await db().transaction((tx) => applyMove(sys(tx), { itemId: item.id, kind: 'checkout', onHandDelta: -1, outDelta: 1, unitId: u3!.id }));
    const e = await expectAppError(setUnitStatus(p.ctx, { itemId: item.id, unitId: u3!.id, status: 'retired', reason: 'lost' }), 'CONFLICT');
    expect(e.message).toMatch(/out on rent/);
    await addUnits(p.ctx, { itemId: item.id, serials: 'PW-4' });
    await expectAppError(addUnits(p.ctx, { itemId: item.id, serials: ['PW-4'] }), 'CONFLICT');
    expect(await itemCounters(item.id)).toEqual({ onHand: 2, reserved: 0, out: 1 });
    // A serialised count must match the units in stock; a mismatch is resolved per unit.
    await expectAppError(recordMove(p.ctx, { itemId: item.id, kind: 'count', countedQty: 1, reason: 'count' }), 'CONFLICT');
    await recordMove(p.ctx, { itemId: item.id, kind: 'count', countedQty: 2, reason: 'count' });
    expect((await reconcile(p.ctx)).drift).toEqual([]);
  });
});

describe('alerts', () => {
  it('opens low stock as a warning, escalates to critical (re-opening an acknowledged one), calms and auto-resolves', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 10, safetyStock: 5 });
    expect(await openAlerts(item.id)).toEqual([]);
    await recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: -6, reason: 'used on job' });
    const [w] = await openAlerts(item.id);
    expect(w).toMatchObject({ severity: 'warning', status: 'open' });
    await acknowledgeAlert(p.ctx, { alertId: w!.id });
    await expectAppError(acknowledgeAlert(p.ctx, { alertId: w!.id }), 'CONFLICT');
    await recordMove(p.ctx, { itemId: item.id, kind: 'adjust', quantity: -4, reason: 'used on job' });
    expect(await openAlerts(item.id)).toEqual([{ id: w!.id, severity: 'critical', status: 'open' }]);
    await recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: 2 });
    expect(await openAlerts(item.id)).toEqual([{ id: w!.id, severity: 'warning', status: 'open' }]);
    await recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: 10 });
    expect(await openAlerts(item.id)).toEqual([]);
    const [resolved] = await listAlerts(p.ctx, { itemId: item.id });
    expect(resolved).toMatchObject({ status: 'resolved', autoResolved: true, resolutionNote: 'Stock recovered' });
  });

  it('resolves with a note (audited), filters by status and kind, and refuses a second resolve', async () => {
    const p = await provider();
    const item = await bulk(p.ctx, { openingQuantity: 1, safetyStock: 3 });
    const [a] = await listAlerts(p.ctx, { status: 'open', kind: 'low_stock' });
    expect(a).toMatchObject({ itemId: item.id, severity: 'warning', sku: item.sku });
    expect(await listAlerts(p.ctx, { kind: 'overdue_return' })).toEqual([]);
    expect((await expectAppError(resolveAlert(p.ctx, { alertId: a!.id, note: '' }), 'VALIDATION')).details.fieldErrors).toHaveProperty('note');
    await resolveAlert(p.ctx, { alertId: a!.id, note: 'reorder placed with supplier' });
    await expectAppError(resolveAlert(p.ctx, { alertId: a!.id, note: 'again please' }), 'CONFLICT');
    expect(await listAlerts(p.ctx, { status: 'open' })).toEqual([]);
    expect(await listAlerts(p.ctx, { status: 'resolved' })).toMatchObject([{ id: a!.id, autoResolved: false, resolutionNote: 'reorder placed with supplier' }]);
    const audit = await q<{ action: string; actor_id: string; tenant_id: string }>(sql`select action, actor_id, tenant_id from audit_log where entity_id = ${a!.id}`);
    expect(audit).toEqual([{ action: 'inventory.resolve_alert', actor_id: p.userId, tenant_id: p.orgId }]);
    // Still low: the next move opens a fresh alert.
    await recordMove(p.ctx, { itemId: item.id, kind: 'receive', quantity: 1 });
    expect(await openAlerts(item.id)).toHaveLength(1);
  });
});

describe('reconciliation and export', () => {
  it('shows zero drift for healthy stock and catches a counter or ledger that was changed behind applyMove', async () => {
    const p = await provider();
    const a = await bulk(p.ctx, { openingQuantity: 8 });
    const b = await createItem(p.ctx, { sku: sku('TC'), name: 'Tile cutter', kind: 'tool', mode: 'rental', tracking: 'serialised', dailyRateMinor: 2000, currency: 'GBP', serials: ['TC-1', 'TC-2'] });
    await recordMove(p.ctx, { itemId: a.id, kind: 'adjust', quantity: -3, reason: 'used' });
    const ok = await reconcile(p.ctx);
    expect(ok).toMatchObject({ itemsChecked: 2, driftCount: 0, providerOrgId: p.orgId });
    expect(ok.rows.find((r) => r.itemId === a.id)).toMatchObject({ onHand: 5, movesOnHand: 5 });

    await db().execute(sql`update inventory_items set on_hand = on_hand + 1 where id = ${a.id}`);
    await db().execute(sql`update inventory_units set status = 'maintenance' where item_id = ${b.id} and serial = 'TC-1'`);
    const bad = await reconcile(p.ctx);
    expect(bad.driftCount).toBe(2);
    expect(bad.drift.find((r) => r.itemId === a.id)?.drift).toEqual(['on_hand 6 ≠ Σ moves 5']);
    expect(bad.drift.find((r) => r.itemId === b.id)?.drift).toEqual(['on_hand 2 ≠ 1 units in stock']);

    // A ledger row written behind applyMove (wrong delta) is drift too.
    const c = await bulk(p.ctx, { openingQuantity: 4 });
    await db().execute(sql`insert into inventory_moves (id, item_id, provider_org_id, kind, on_hand_delta, on_hand_after, reserved_after, out_after, reason)
      values (gen_random_uuid(), ${c.id}, ${p.orgId}, 'adjust', 3, 4, 0, 0, 'injected')`);
    expect((await reconcile(p.ctx)).drift.find((r) => r.itemId === c.id)?.drift).toEqual(['on_hand 4 ≠ Σ moves 7']);

    const ops = await makeUser(['operations']);
    const opsReport = await reconcile(await ctxFor(ops.id), { providerOrgId: p.orgId });
    expect(opsReport).toMatchObject({ itemsChecked: 3, driftCount: 3 });
  });

  it('exports CSV with formula-looking text neutralised and quoting intact', async () => {
    const p = await provider();
    await bulk(p.ctx, { sku: 'CSV-1', name: '=HYPERLINK("http://x","click")', location: 'Shelf 3, bay "B"', salePriceMinor: 1250 });
    const csv = await inventoryCsv(p.ctx);
    const rows = parseCsv(csv);
    expect(rows[0]!.slice(0, 3)).toEqual(['SKU', 'Name', 'Kind']);
    const row = rows.find((r) => r[0] === 'CSV-1')!;
    expect(row[1]).toBe(`'=HYPERLINK("http://x","click")`);
    expect(row[rows[0]!.indexOf('Sale price')]).toBe('12.50');
    expect(row[rows[0]!.indexOf('Location')]).toBe('Shelf 3, bay "B"');
    expect(parseCsv(await inventoryCsv(p.ctx, { q: 'nothing-matches' }))).toHaveLength(1);
  });
});
