// GET /api/v1/inventory/alerts?status=&kind= — the provider's stock alerts.
import { defineRoute } from '@/lib/core/route';
import { listAlertsContract } from '@/lib/inventory/contracts';
import { listAlerts } from '@/lib/inventory/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listAlertsContract, async ({ ctx, query }) => ({ alerts: await listAlerts(ctx, query) }));
