import { eq } from 'drizzle-orm';
import { inventoryAlerts } from '@/db/schema';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { afterDecision, ensureManage, lockAlert, refuse } from './decide-alert';
import { inventoryOrgId } from './internal';
import { resolveAlertInput } from './schemas';

/**
 * resolveAlert(ctx, { alertId, note }) — open or acknowledged → resolved, with a note saying what
 * was done. A low-stock alert resolved while stock is still low re-opens on the next stock move.
 */
export async function resolveAlert(ctx: Ctx, raw: unknown): Promise<{ alertId: string; status: 'resolved' }> {
  ensureManage(ctx);
  const input = parseInput(resolveAlertInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const a = await lockAlert(c, orgId, input.alertId);
    if (a.status === 'resolved') refuse(a, 'resolved');
    await c.tx
      .update(inventoryAlerts)
      .set({ status: 'resolved', resolvedAt: c.now, resolvedBy: c.actor.kind === 'user' ? c.actor.userId : null, autoResolved: false, resolutionNote: input.note, updatedAt: c.now })
      .where(eq(inventoryAlerts.id, a.id));
    await afterDecision(c, a, 'resolved', input.note);
    return { alertId: a.id, status: 'resolved' as const };
  });
}
