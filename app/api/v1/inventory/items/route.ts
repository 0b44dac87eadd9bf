// GET /api/v1/inventory/items — the provider's items (filters); POST — create an item (Idempotency-Key honoured).
import { defineRoute } from '@/lib/core/route';
import { createItem } from '@/lib/inventory/create-item';
import { createItemContract, listItemsContract } from '@/lib/inventory/contracts';
import { listItems } from '@/lib/inventory/queries';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listItemsContract, async ({ ctx, query }) => ({ items: await listItems(ctx, query) }));

export const POST = defineRoute(createItemContract, async ({ ctx, body }) => Response.json(await createItem(ctx, body), { status: 201 }));
