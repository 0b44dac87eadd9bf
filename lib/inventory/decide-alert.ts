import { and, eq } from 'drizzle-orm';
import { inventoryAlerts } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { type Ctx } from '@/lib/core/context';
import { AppError, notFound } from '@/lib/core/errors';
import type { ITx } from './internal';

export type AlertRow = typeof inventoryAlerts.$inferSelect;

/** The alert, row-locked, when it belongs to the provider; NOT_FOUND otherwise. */
export async function lockAlert(c: ITx, orgId: string, alertId: string): Promise<AlertRow> {
  const [a] = await c.tx
    .select()
    .from(inventoryAlerts)
    .where(and(eq(inventoryAlerts.id, alertId), eq(inventoryAlerts.providerOrgId, orgId)))
    .for('update');
  if (!a) throw notFound('That alert');
  return a;
}

export function refuse(a: AlertRow, to: 'acknowledged' | 'resolved'): never {
  throw new AppError('CONFLICT', `This alert is ${a.status}; it cannot be ${to}.`, { from: a.status, to });
}

export async function afterDecision(c: ITx, a: AlertRow, to: 'acknowledged' | 'resolved', note: string): Promise<void> {
  await recordAudit(c, {
    action: to === 'acknowledged' ? 'inventory.acknowledge_alert' : 'inventory.resolve_alert',
    entityType: 'inventory_alert',
    entityId: a.id,
    tenantId: a.providerOrgId,
    data: { itemId: a.itemId, kind: a.kind, from: a.status, to, note: note ? note.slice(0, 200) : undefined },
  });
  await emitEvent(c, 'inventory.alert_changed', { alertId: a.id, itemId: a.itemId, kind: a.kind, status: to }, a.providerOrgId);
}

export const ensureManage = (ctx: Ctx) => authorize(ctx.actor, 'inventory.manage');
