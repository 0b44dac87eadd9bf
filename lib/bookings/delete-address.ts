/**
 * deleteAddress(ctx, {addressId}) — a customer deletes one of their saved addresses. Someone
 * else's id looks exactly like a missing one (NOT_FOUND). Bookings keep their own copy of the
 * address, so deleting never changes a booking.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { savedAddresses } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { notFound, unauthenticated } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { ADDRESS_PERMISSION } from './saved-addresses';

export const deleteAddressInput = z.object({ addressId: z.uuid({ message: 'must be a valid id' }) });

export async function deleteAddress(ctx: Ctx, raw: unknown): Promise<{ addressId: string; deleted: true }> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  authorize(ctx.actor, ADDRESS_PERMISSION);
  const userId = ctx.actor.userId;
  const input = parseInput(deleteAddressInput, raw);
  return withTx(ctx, async (c) => {
    const removed = await c.tx
      .delete(savedAddresses)
      .where(and(eq(savedAddresses.id, input.addressId), eq(savedAddresses.userId, userId)))
      .returning({ id: savedAddresses.id, label: savedAddresses.label });
    if (!removed.length) throw notFound('That address');
    await recordAudit(c, { action: 'addresses.delete', entityType: 'saved_address', entityId: input.addressId, tenantId: null, data: { label: removed[0].label } });
    return { addressId: input.addressId, deleted: true as const };
  });
}
