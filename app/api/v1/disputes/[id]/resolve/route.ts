// POST /api/v1/disputes/{id}/resolve — operations decide the outcome; money moves through the ledger.
import { defineRoute } from '@/lib/core/route';
import { toWire } from '@/lib/core/money';
import { resolveDisputeContract } from '@/lib/disputes/contracts';
import { resolveDispute } from '@/lib/disputes/resolve-dispute';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(resolveDisputeContract, async ({ ctx, body, params }) => {
  const r = await resolveDispute(ctx, { ...body, disputeId: params.id });
  return { ...r, refundMinor: toWire(r.refundMinor), refundedNowMinor: toWire(r.refundedNowMinor) };
});
