/**
 * Completes a test-gateway payment that required an extra step (the 3-D Secure stand-in): the
 * customer who owns the payment confirms it and the hold becomes authorized. Only the test
 * gateway has this page; Stripe confirms through its own page and a webhook.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { payments } from '@/db/schema';
import { authorize } from '@/lib/core/auth/permissions';
import { withTx, type Ctx } from '@/lib/core/context';
import { conflict, notFound } from '@/lib/core/errors';
import { parseInput } from '@/lib/core/validate';
import { applyGatewayStatus } from './status';

export const confirmTestPaymentInput = z.object({
  ref: z.string().regex(/^test_pi_[0-9a-f]{24}$/, { error: 'is not a test payment reference' }),
});

export async function confirmTestPayment(ctx: Ctx, raw: unknown): Promise<{ paymentId: string; bookingId: string; status: 'authorized' }> {
  authorize(ctx.actor, 'payments.confirm');
  const input = parseInput(confirmTestPaymentInput, raw);
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  return withTx(ctx, async (c) => {
    const [p] = await c.tx
      .select()
      .from(payments)
      .where(and(eq(payments.gateway, 'test'), eq(payments.gatewayRef, input.ref)));
    // Someone else's payment is NOT_FOUND, so references cannot be probed.
    if (!p || !userId || p.customerId !== userId) throw notFound('That payment');
    if (p.status === 'authorized' || p.status === 'captured') return { paymentId: p.id, bookingId: p.bookingId, status: 'authorized' };
    if (p.status !== 'requires_action') throw conflict('This payment can no longer be confirmed.', { paymentStatus: p.status });
    await applyGatewayStatus(c, p, 'authorized', { via: 'test_confirm' });
    return { paymentId: p.id, bookingId: p.bookingId, status: 'authorized' };
  });
}
