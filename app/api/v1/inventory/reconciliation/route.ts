// GET /api/v1/inventory/reconciliation — counters vs Σ moves; the provider's own, or any for operations.
import { defineRoute } from '@/lib/core/route';
import { reconciliationContract } from '@/lib/inventory/contracts';
import { reconcile } from '@/lib/inventory/reconciliation';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(reconciliationContract, ({ ctx, query }) => reconcile(ctx, query));
