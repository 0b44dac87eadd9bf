import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { reconcile } from '@/lib/inventory/reconciliation';

export const metadata: Metadata = { title: 'Inventory reconciliation' };

async function ReconciliationContent() {
  const ctx = await requestCtx();
  const r = await reconcile(ctx);
  const cols = ['SKU', 'On hand', 'Σ on hand moves', 'Reserved', 'Σ reserved moves', 'Out', 'Σ out moves', 'Units in stock', 'Result'];
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/inventory" className="text-link underline underline-offset-4">
            Inventory
          </Link>
        }
        title="Reconciliation"
        description="Each counter against the sum of its moves (and serialised stock against the units in stock). Any difference is drift and should never happen."
      />
      <p role="status" className="text-sm">
        {r.itemsChecked} item{r.itemsChecked === 1 ? '' : 's'} checked:{' '}
        {r.driftCount === 0 ? <Badge tone="success">no drift</Badge> : <Badge tone="danger">{r.driftCount} with drift</Badge>}
      </p>
      <div role="region" aria-label="Reconciliation by item" tabIndex={0} className="overflow-x-auto rounded-lg border">
        <table className="w-full border-collapse text-sm">
          <thead className="border-b bg-surface-muted">
            <tr>
              {cols.map((h, i) => (
                <th key={h} scope="col" className={`px-3 py-2 font-semibold whitespace-nowrap ${i > 0 && i < 8 ? 'text-end' : 'text-start'}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.itemId} className="border-b last:border-b-0">
                <th scope="row" className="px-3 py-2 text-start font-mono font-medium">
                  <Link href={`/provider/inventory/${row.itemId}`} className="text-link underline underline-offset-4">
                    {row.sku}
                  </Link>
                </th>
                {[row.onHand, row.movesOnHand, row.reserved, row.movesReserved, row.outOnRent, row.movesOut, row.unitsInStock ?? '—'].map((n, i) => (
                  <td key={i} className="px-3 py-2 text-end tabular-nums">
                    {n}
                  </td>
                ))}
                <td className="px-3 py-2">{row.drift.length ? <span className="text-danger">{row.drift.join('; ')}</span> : <Badge tone="success">ok</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export default guardedPage('inventory.manage', ReconciliationContent, 'Loading reconciliation…');
