// GET /api/v1/inventory/export.csv — the provider's items as CSV (same filters as the list).
import { defineRoute } from '@/lib/core/route';
import { exportCsvContract } from '@/lib/inventory/contracts';
import { inventoryCsv } from '@/lib/inventory/export-csv';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(exportCsvContract, async ({ ctx, query }) => {
  const csv = await inventoryCsv(ctx, query);
  const day = ctx.now.toISOString().slice(0, 10);
  // The BOM makes Excel read UTF-8 (names with accents) instead of the legacy code page.
  return new Response(`\uFEFF${csv}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="inventory-${day}.csv"`, 'cache-control': 'no-store' },
  });
});
