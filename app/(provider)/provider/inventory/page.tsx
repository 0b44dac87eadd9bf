import type { Metadata } from 'next';
import Link from 'next/link';
import { Bell, Download, Plus, Scale } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { ItemsTable } from '@/components/inventory/items-table.client';
import { kindLabels, modeLabels, trackingLabels } from '@/components/inventory/labels';
import { buttonClasses } from '@/components/ui/button-classes';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { requestCtx } from '@/lib/core/auth/session';
import { listAlerts, listItems } from '@/lib/inventory/queries';
import { reconcile } from '@/lib/inventory/reconciliation';
import { listItemsInput } from '@/lib/inventory/schemas';

export const metadata: Metadata = { title: 'Inventory' };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

async function InventoryContent({ searchParams }: { searchParams: Promise<SP> }) {
  const sp = await searchParams;
  const raw = { q: one(sp.q), kind: one(sp.kind), mode: one(sp.mode), tracking: one(sp.tracking), lowStock: one(sp.lowStock), archived: one(sp.archived) };
  // A hand-edited URL with an unknown filter value shows everything rather than an error page.
  const parsed = listItemsInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : listItemsInput.parse({});
  const ctx = await requestCtx();
  const [items, open, recon] = await Promise.all([listItems(ctx, filters), listAlerts(ctx, { status: 'open' }), reconcile(ctx)]);
  const filtered = Object.values(raw).some(Boolean);
  const total = (k: 'onHand' | 'reserved' | 'outOnRent' | 'available') => items.reduce((n, i) => n + i[k], 0);
  const qs = new URLSearchParams(Object.entries(raw).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Inventory"
        description="Tools and materials you rent or sell: stock on hand, reserved for pickups and out on rent. Every change is a move in the history."
        actions={
          <>
            <Link href="/provider/inventory/new" className={buttonClasses()}>
              <Plus aria-hidden="true" />
              New item
            </Link>
            <a href={`/api/v1/inventory/export.csv${qs ? `?${qs}` : ''}`} className={buttonClasses({ variant: 'secondary' })} download>
              <Download aria-hidden="true" />
              Export CSV
            </a>
          </>
        }
      />
      <section aria-label="Stock totals" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {(
          [
            ['On hand', total('onHand')],
            ['Reserved', total('reserved')],
            ['Out on rent', total('outOnRent')],
            ['Available', total('available')],
          ] as const
        ).map(([label, n]) => (
          <Card key={label} className="p-4">
            <p className="text-sm text-muted">{label}</p>
            <p className="text-2xl font-semibold tabular-nums">{n}</p>
          </Card>
        ))}
      </section>
      <div className="flex flex-wrap gap-3 text-sm">
        <Link href="/provider/inventory/alerts" className={buttonClasses({ variant: open.length ? 'primary' : 'secondary', size: 'sm' })}>
          <Bell aria-hidden="true" />
          {open.length ? `${open.length} open alert${open.length === 1 ? '' : 's'}` : 'Alerts'}
        </Link>
        <Link href="/provider/inventory/reconciliation" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          <Scale aria-hidden="true" />
          Reconciliation: {recon.driftCount === 0 ? 'in balance' : `${recon.driftCount} item${recon.driftCount === 1 ? '' : 's'} drifted`}
        </Link>
      </div>
      <form method="get" className="grid gap-3 rounded-lg border p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter items">
        <label className="grid gap-1 text-sm sm:col-span-3 lg:col-span-2">
          <span className="font-medium">Search SKU or name</span>
          <Input name="q" type="search" defaultValue={raw.q} maxLength={80} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Kind</span>
          <Select name="kind" defaultValue={raw.kind}>
            <option value="">All</option>
            {Object.entries(kindLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Mode</span>
          <Select name="mode" defaultValue={raw.mode}>
            <option value="">All</option>
            {Object.entries(modeLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Tracking</span>
          <Select name="tracking" defaultValue={raw.tracking}>
            <option value="">All</option>
            {Object.entries(trackingLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Show</span>
          <Select name="archived" defaultValue={raw.archived}>
            <option value="">Active items</option>
            <option value="true">Archived items</option>
          </Select>
        </label>
        <label className="flex items-center gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="lowStock" value="true" defaultChecked={filters.lowStock === true} className="size-4" />
          Low stock only
        </label>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-4 lg:justify-end">
          <button type="submit" className={buttonClasses({ size: 'sm' })}>
            Apply filters
          </button>
          {filtered ? (
            <Link href="/provider/inventory" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <ItemsTable rows={items} filtered={filtered} />
    </div>
  );
}

export default guardedPage('inventory.manage', InventoryContent, 'Loading inventory…');
