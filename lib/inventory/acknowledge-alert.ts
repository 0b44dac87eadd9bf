import { eq } from 'drizzle-orm';
import { inventoryAlerts } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { afterDecision, ensureManage, lockAlert, refuse } from './decide-alert';
import { inventoryOrgId } from './internal';
import { acknowledgeAlertInput } from './schemas';

/** acknowledgeAlert(ctx, { alertId, note? }) — open → acknowledged ("we know, we are on it"). */
export async function acknowledgeAlert(ctx: Ctx, raw: unknown): Promise<{ alertId: string; status: 'acknowledged' }> {
  ensureManage(ctx);
  const input = parseInput(acknowledgeAlertInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const a = await lockAlert(c, orgId, input.alertId);
    if (a.status !== 'open') refuse(a, 'acknowledged');
    await c.tx
      .update(inventoryAlerts)
      .set({ status: 'acknowledged', acknowledgedAt: c.now, acknowledgedBy: c.actor.kind === 'user' ? c.actor.userId : null, updatedAt: c.now })
      .where(eq(inventoryAlerts.id, a.id));
    await afterDecision(c, a, 'acknowledged', input.note);
    return { alertId: a.id, status: 'acknowledged' as const };
  });
}
