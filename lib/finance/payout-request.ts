/**
 * requestPayout: pay out the whole payable balance now. A provider admin asks for its own
 * provider; finance (or admin) may pay out any provider. The amount is the payable balance read
 * under the provider's payout-account lock, so it can never exceed what is owed, and two requests
 * at once make exactly one payout (the second is a CONFLICT; the `payouts_one_pending` index is
 * the net under the lock).
 */
import { z } from 'zod';
import { db } from '@/db/client';
import { authorize, can } from '@/lib/core/auth/permissions';
import type { Ctx } from '@/lib/core/context';
import { AppError, forbidden, notFound } from '@/lib/core/errors';
import { newId } from '@/lib/core/ids';
import { parseInput } from '@/lib/core/validate';
import { managedProviderOrgId } from '@/lib/catalog/tenant';
import { createPayoutLocked, lockPayoutAccount, payoutView, sendPayout, type PayoutView } from './payout-internal';

export const requestPayoutInput = z.object({
  /** Finance names the provider; a provider admin may leave it out (its own provider). */
  providerOrgId: z.string().uuid().optional(),
});

/** Which provider the caller may pay out: its own (payouts.manage_own) or any (payouts.manage_any). */
function targetProvider(ctx: Ctx, providerOrgId: string | undefined): string {
  if (can(ctx.actor, 'payouts.manage_own')) {
    const own = managedProviderOrgId(ctx.actor);
    if (!providerOrgId || providerOrgId === own) return own;
  }
  authorize(ctx.actor, 'payouts.manage_any');
  if (!providerOrgId) throw forbidden('Choose the provider to pay out.');
  return providerOrgId;
}

export async function requestPayout(ctx: Ctx, raw: unknown): Promise<PayoutView> {
  if (!can(ctx.actor, 'payouts.manage_own')) authorize(ctx.actor, 'payouts.manage_any');
  const input = parseInput(requestPayoutInput, raw);
  const orgId = targetProvider(ctx, input.providerOrgId);
  const created = await db().transaction(async (tx) => {
    const account = await lockPayoutAccount(tx, orgId);
    if (!account) {
      if (!can(ctx.actor, 'payouts.manage_own')) throw notFound('That provider’s payout account');
      throw new AppError('PRECONDITION_FAILED', 'Add your payout details before asking for a payout.');
    }
    const out = await createPayoutLocked({ ...ctx, tx }, account, { periodKey: `manual:${newId()}`, via: 'request', strict: true });
    if (!out.created) throw new Error('a strict payout request returned without a payout');
    return out.payout;
  });
  // The transfer runs after the commit: the ledger already shows the money as on its way.
  return payoutView(await sendPayout(created.id, ctx.now, 'finance.payout_request'));
}
