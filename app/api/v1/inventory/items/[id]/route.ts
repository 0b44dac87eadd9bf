// GET /api/v1/inventory/items/{id} — item, units, alerts; PATCH — edit (optimistic version) or archive.
import { archiveItem } from '@/lib/inventory/archive-item';
import { getItemContract, updateItemContract } from '@/lib/inventory/contracts';
import { getItem, listAlerts, listUnits } from '@/lib/inventory/queries';
import { updateItem } from '@/lib/inventory/update-item';
import { defineRoute } from '@/lib/core/route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(getItemContract, async ({ ctx, params }) => {
  const item = await getItem(ctx, params.id!);
  return { item, units: await listUnits(ctx, item.id), alerts: await listAlerts(ctx, { itemId: item.id }) };
});

export const PATCH = defineRoute(updateItemContract, async ({ ctx, body, params }) => {
  const { archive, ...fields } = body;
  if (archive) return archiveItem(ctx, { itemId: params.id, version: fields.version });
  return updateItem(ctx, { ...fields, itemId: params.id });
});
