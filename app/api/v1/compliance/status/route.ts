// GET /api/v1/compliance/status — the insured-seller status and score of the caller's business.
import { ownStatusContract } from '@/lib/compliance/contracts';
import { ownSellerStatus } from '@/lib/compliance/queries';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(ownStatusContract, async ({ ctx }) => {
  const s = await ownSellerStatus(ctx);
  return {
    ...s,
    documents: s.documents.map((d) => ({ ...d, verifiedAt: d.verifiedAt ? d.verifiedAt.toISOString() : null })),
    suspension: s.suspension ? { reason: s.suspension.reason, since: s.suspension.since.toISOString() } : null,
    verifiedAt: s.verifiedAt ? s.verifiedAt.toISOString() : null,
  };
});
