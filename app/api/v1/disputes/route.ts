// GET /api/v1/disputes?scope=… — the caller's disputes; POST — open a dispute (multipart with evidence, or JSON).
import { defineRoute } from '@/lib/core/route';
import { listDisputesContract, openDisputeContract } from '@/lib/disputes/contracts';
import { readDisputeForm } from '@/lib/disputes/multipart';
import { openDispute } from '@/lib/disputes/open-dispute';
import { listDisputes } from '@/lib/disputes/queries';
import { toListItemWire } from '@/lib/disputes/wire';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listDisputesContract, async ({ ctx, query }) => {
  const { scope, ...filters } = query;
  return { items: (await listDisputes(ctx, scope, filters)).map(toListItemWire) };
});

export const POST = defineRoute(openDisputeContract, async ({ ctx, req }) => {
  const r = await openDispute(ctx, await readDisputeForm(req));
  return { ...r, responseDueAt: r.responseDueAt.toISOString() };
});
