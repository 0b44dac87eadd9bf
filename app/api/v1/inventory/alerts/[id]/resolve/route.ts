// POST /api/v1/inventory/alerts/{id}/resolve — resolved with a note.
import { defineRoute } from '@/lib/core/route';
import { resolveAlertContract } from '@/lib/inventory/contracts';
import { resolveAlert } from '@/lib/inventory/resolve-alert';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(resolveAlertContract, ({ ctx, body, params }) => resolveAlert(ctx, { ...body, alertId: params.id }));
