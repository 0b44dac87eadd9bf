import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/db/client';
import { inventoryItems } from '@/db/schema';
import { emitEvent } from '@/lib/analytics/events';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { AppError } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { evaluateLowStock } from './apply-move';
import { assertActive, inventoryOrgId, loadItemForWrite, toItemDto, type ItemDto } from './internal';
import { archiveItemInput } from './schemas';
import { staleVersion } from './update-item';

/**
 * archiveItem(ctx, { itemId, version? }) — takes an item out of the console and out of new
 * rentals. Refused while any unit is reserved for a pickup, out on rent, or promised to a rental
 * whose window has not ended: those must be settled first. Its low-stock alert resolves.
 */
export async function archiveItem(ctx: Ctx, raw: unknown): Promise<ItemDto> {
  authorize(ctx.actor, 'inventory.manage');
  const input = parseInput(archiveItemInput, raw);
  const orgId = inventoryOrgId(ctx.actor);
  return withTx(ctx, async (c) => {
    const item = await loadItemForWrite(c, orgId, input.itemId);
    if (input.version !== undefined && item.version !== input.version) throw staleVersion(item, input.version);
    assertActive(item, 'archiving again');
    if (item.reserved > 0 || item.outOnRent > 0) {
      throw new AppError('CONFLICT', `${item.sku} cannot be archived: ${item.reserved} reserved and ${item.outOnRent} out on rent. Settle those rentals first.`, {
        from: 'active',
        to: 'archived',
        reserved: item.reserved,
        outOnRent: item.outOnRent,
      });
    }
    const [live] = rowsOf<{ n: number }>(
      await c.tx.execute(sql`select count(*)::int as n from rental_reservations where item_id = ${item.id} and active and upper(period) > ${c.now.toISOString()}::timestamptz`),
    );
    if (live && live.n > 0) {
      throw new AppError('CONFLICT', `${item.sku} cannot be archived: ${live.n} rental reservation(s) still ahead. Cancel or finish them first.`, { from: 'active', to: 'archived' });
    }
    const [updated] = await c.tx
      .update(inventoryItems)
      .set({ status: 'archived', version: item.version + 1, updatedAt: c.now })
      .where(eq(inventoryItems.id, item.id))
      .returning();
    await evaluateLowStock(c, updated!);
    await recordAudit(c, { action: 'inventory.archive_item', entityType: 'inventory_item', entityId: item.id, tenantId: orgId, data: { sku: item.sku, onHand: item.onHand } });
    await emitEvent(c, 'inventory.item_changed', { itemId: item.id, providerOrgId: orgId, change: 'archived' }, orgId);
    return toItemDto(updated!);
  });
}
