// POST /api/v1/inventory/alerts/{id}/acknowledge — open → acknowledged.
import { defineRoute } from '@/lib/core/route';
import { acknowledgeAlert } from '@/lib/inventory/acknowledge-alert';
import { acknowledgeAlertContract } from '@/lib/inventory/contracts';

export const dynamic = 'force-dynamic';

export const POST = defineRoute(acknowledgeAlertContract, ({ ctx, body, params }) => acknowledgeAlert(ctx, { ...body, alertId: params.id }));
