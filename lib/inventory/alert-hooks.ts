/**
 * Alerts raised and cleared by other domains inside their own transactions: rentals open an
 * `overdue_return` alert when a rental is past due and resolve it when the units are back; an
 * inspection with damage opens `damage_reported`. At most one unresolved alert per (item, kind,
 * rental) — a repeat only refreshes its detail (unique index inventory_alerts_one_live).
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '@/db/client';
import type { Ctx } from '@/lib/core/context';
import { newId } from '@/lib/core/ids';

export interface RaiseAlertInput {
  itemId: string;
  providerOrgId: string;
  kind: 'overdue_return' | 'damage_reported';
  severity?: 'warning' | 'critical';
  rentalId?: string | null;
  detail: string;
}

/** Opens the alert, or refreshes the live one; returns true when a new alert was opened. */
export async function raiseAlert(ctx: Ctx & { tx: Tx }, a: RaiseAlertInput): Promise<boolean> {
  const rows = await ctx.tx.execute(sql`
    insert into inventory_alerts (id, item_id, provider_org_id, kind, severity, status, rental_id, detail, opened_at, created_at, updated_at)
    values (${newId()}, ${a.itemId}, ${a.providerOrgId}, ${a.kind}, ${a.severity ?? 'warning'}, 'open', ${a.rentalId ?? null}, ${a.detail}, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz, ${ctx.now.toISOString()}::timestamptz)
    on conflict (item_id, kind, coalesce(rental_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status <> 'resolved'
    do update set severity = excluded.severity, detail = excluded.detail, updated_at = excluded.updated_at
    returning (xmax = 0) as inserted`);
  return Boolean(rowsOf<{ inserted: boolean }>(rows)[0]?.inserted);
}

/** Resolves the live alerts of a kind for a rental (the condition cleared by itself). */
export async function autoResolveAlerts(ctx: Ctx & { tx: Tx }, a: { rentalId: string; kind: 'overdue_return' | 'damage_reported'; note: string }): Promise<void> {
  await ctx.tx.execute(sql`
    update inventory_alerts set status = 'resolved', resolved_at = ${ctx.now.toISOString()}::timestamptz, auto_resolved = true, resolution_note = ${a.note}, updated_at = ${ctx.now.toISOString()}::timestamptz
    where rental_id = ${a.rentalId} and kind = ${a.kind} and status <> 'resolved'`);
}
