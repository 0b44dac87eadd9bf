/**
 * Reconciliation (DOMAIN.md "on hand = Σ moves, any drift reported"): per item, each counter
 * against the sum of its move deltas, and for serialised items on_hand against the units in
 * stock. Every non-zero difference is a drift row; a healthy provider has none. A provider sees
 * its own stock; operations (inventory.read_all) any provider, or all of them.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { can } from '@/lib/core/auth/permissions';
import { exec, type Ctx } from '@/lib/core/context';
import { forbidden } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { inventoryOrgId } from './internal';
import { reconciliationInput } from './schemas';

export interface ReconciliationRow {
  itemId: string;
  providerOrgId: string;
  sku: string;
  name: string;
  tracking: 'serialised' | 'bulk';
  onHand: number;
  movesOnHand: number;
  reserved: number;
  movesReserved: number;
  outOnRent: number;
  movesOut: number;
  unitsInStock: number | null;
  /** What does not match, e.g. ["on_hand 5 ≠ Σ moves 4"]; empty when the item is in balance. */
  drift: string[];
}

export interface ReconciliationReport {
  checkedAt: string;
  providerOrgId: string | null;
  itemsChecked: number;
  driftCount: number;
  rows: ReconciliationRow[];
  drift: ReconciliationRow[];
}

function scopeOf(ctx: Ctx, requested: string | undefined): string | null {
  if (can(ctx.actor, 'inventory.read_all')) return requested ?? null;
  if (!can(ctx.actor, 'inventory.manage')) throw forbidden();
  const own = inventoryOrgId(ctx.actor);
  // A provider asking about another provider learns nothing, not even that it exists.
  if (requested && requested !== own) throw forbidden('You can reconcile only your own inventory.');
  return own;
}

export async function reconcile(ctx: Ctx, raw: unknown = {}): Promise<ReconciliationReport> {
  const input = parseInput(reconciliationInput, raw);
  const orgId = scopeOf(ctx, input.providerOrgId);
  const rows = rowsOf<{
    id: string;
    provider_org_id: string;
    sku: string;
    name: string;
    tracking: 'serialised' | 'bulk';
    on_hand: number;
    reserved: number;
    out_on_rent: number;
    m_on: string | number;
    m_res: string | number;
    m_out: string | number;
    units_in_stock: number;
  }>(
    await exec(ctx).execute(sql`
      select i.id, i.provider_org_id, i.sku, i.name, i.tracking, i.on_hand, i.reserved, i.out_on_rent,
        coalesce(m.on_sum, 0) as m_on, coalesce(m.res_sum, 0) as m_res, coalesce(m.out_sum, 0) as m_out,
        (select count(*)::int from inventory_units u where u.item_id = i.id and u.status = 'in_stock') as units_in_stock
      from inventory_items i
      left join (
        select item_id, sum(on_hand_delta) as on_sum, sum(reserved_delta) as res_sum, sum(out_delta) as out_sum
        from inventory_moves group by item_id
      ) m on m.item_id = i.id
      where ${orgId ? sql`i.provider_org_id = ${orgId}` : sql`true`}
      order by i.sku`),
  );
  const out: ReconciliationRow[] = rows.map((r) => {
    const row: ReconciliationRow = {
      itemId: r.id,
      providerOrgId: r.provider_org_id,
      sku: r.sku,
      name: r.name,
      tracking: r.tracking,
      onHand: Number(r.on_hand),
      movesOnHand: Number(r.m_on),
      reserved: Number(r.reserved),
      movesReserved: Number(r.m_res),
      outOnRent: Number(r.out_on_rent),
      movesOut: Number(r.m_out),
      unitsInStock: r.tracking === 'serialised' ? Number(r.units_in_stock) : null,
      drift: [],
    };
    if (row.onHand !== row.movesOnHand) row.drift.push(`on_hand ${row.onHand} ≠ Σ moves ${row.movesOnHand}`);
    if (row.reserved !== row.movesReserved) row.drift.push(`reserved ${row.reserved} ≠ Σ moves ${row.movesReserved}`);
    if (row.outOnRent !== row.movesOut) row.drift.push(`out on rent ${row.outOnRent} ≠ Σ moves ${row.movesOut}`);
    if (row.unitsInStock !== null && row.unitsInStock !== row.onHand) row.drift.push(`on_hand ${row.onHand} ≠ ${row.unitsInStock} units in stock`);
    return row;
  });
  const drift = out.filter((r) => r.drift.length > 0);
  return { checkedAt: ctx.now.toISOString(), providerOrgId: orgId, itemsChecked: out.length, driftCount: drift.length, rows: out, drift };
}
