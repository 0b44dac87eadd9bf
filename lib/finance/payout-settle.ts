/**
 * settlePayout: records the gateway's answer for a pending payout — paid, or failed (the money
 * returns to payable by a reverse posting). Called by the payout steps themselves, by a gateway
 * webhook (system/webhook actors, accepted explicitly) or by finance recording a bank's answer.
 * Repeats are harmless: a settled payout keeps its first outcome.
 */
import { z } from 'zod';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { parseInput } from '@/lib/core/validate';
import { payoutView, settleLocked, type PayoutView } from './payout-internal';

export const settlePayoutInput = z.discriminatedUnion('status', [
  z.object({ payoutId: z.string().uuid(), status: z.literal('paid'), gatewayRef: z.string().trim().min(1).max(200) }),
  z.object({ payoutId: z.string().uuid(), status: z.literal('failed'), gatewayRef: z.string().trim().min(1).max(200), failureReason: z.string().trim().min(1, 'is required').max(200) }),
]);

export async function settlePayout(ctx: Ctx, raw: unknown): Promise<PayoutView & { changed: boolean }> {
  // Gateway webhooks and jobs carry no roles; people need payouts.manage_any.
  if (ctx.actor.kind !== 'system' && ctx.actor.kind !== 'webhook') authorize(ctx.actor, 'payouts.manage_any');
  const input = parseInput(settlePayoutInput, raw);
  const result = input.status === 'paid' ? { ref: input.gatewayRef, status: 'paid' as const } : { ref: input.gatewayRef, status: 'failed' as const, failureReason: input.failureReason };
  return withTx(ctx, async (c) => {
    const r = await settleLocked(c, input.payoutId, result);
    return { ...payoutView(r.payout), changed: r.changed };
  });
}
