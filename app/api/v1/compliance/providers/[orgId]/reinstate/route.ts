// POST /api/v1/compliance/providers/{orgId}/reinstate — operations lift a suspension with a note.
import { reinstateProviderContract } from '@/lib/compliance/contracts';
import { reinstateProvider } from '@/lib/compliance/reinstate-provider';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(reinstateProviderContract, ({ ctx, params, body }) => reinstateProvider(ctx, { orgId: params.orgId, note: body.note }));
