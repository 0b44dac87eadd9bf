// POST /api/v1/compliance/providers/{orgId}/suspend — operations suspend a provider from selling.
import { suspendProviderContract } from '@/lib/compliance/contracts';
import { suspendProvider } from '@/lib/compliance/suspend-provider';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(suspendProviderContract, ({ ctx, params, body }) => suspendProvider(ctx, { orgId: params.orgId, reason: body.reason }));
