import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/ui/pager';
import { guardedPage } from '@/components/layout/guarded-page';
import { formatMinor, orderStatusLabels, orderTone } from '@/components/marketplace/format';
import { buttonClasses } from '@/components/ui/button-classes';
import { FormError } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { formatDateTime } from '@/lib/core/format-time';
import { orderSearchInput, searchOrders, type OrderSearchResult } from '@/lib/marketplace/order-queries';
import { orderStatuses } from '@/lib/marketplace/policy';
import { OrdersTable, type OpsOrderRow } from './orders-table.client';

export const metadata: Metadata = { title: 'Orders · operations' };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim();

function ordersHref(f: { status?: string; q?: string; from?: string; to?: string; page?: number }): string {
  const qs = new URLSearchParams();
  for (const k of ['status', 'q', 'from', 'to'] as const) if (f[k]) qs.set(k, f[k]);
  if (f.page && f.page > 1) qs.set('page', String(f.page));
  const s = qs.toString();
  return s ? `/admin/orders?${s}` : '/admin/orders';
}

async function OrdersDesk({ searchParams }: { searchParams: Promise<Params> }) {
  const ctx = await requestCtx();
  const sp = await searchParams;
  const raw = { status: first(sp.status) || undefined, q: first(sp.q).slice(0, 100) || undefined, from: first(sp.from) || undefined, to: first(sp.to) || undefined, page: first(sp.page) || undefined };
  // A hand-edited URL with a bad date or page is explained above the table rather than failing the page.
  const parsed = orderSearchInput.safeParse(raw);
  const filters = parsed.success ? parsed.data : { page: 1 };
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${String(i.path[0] ?? 'filter')}: ${i.message}`);
  const result: OrderSearchResult = parsed.success ? await searchOrders(ctx, filters) : { rows: [], total: 0, page: 1, pageSize: 50 };
  const filtered = !!(raw.status || raw.q || raw.from || raw.to);

  const rows: OpsOrderRow[] = result.rows.map((o) => ({
    id: o.id,
    reference: o.reference,
    placedAt: o.paidAt,
    placedLabel: formatDateTime(o.paidAt),
    seller: o.sellerName,
    customerName: o.customerName,
    customerEmail: o.customerEmail ?? '—',
    item: o.listingTitle,
    quantity: o.quantity,
    totalMinor: o.totalMinor,
    totalLabel: formatMinor(o.totalMinor, o.currency),
    currency: o.currency,
    status: o.status,
    statusLabel: orderStatusLabels[o.status],
    statusTone: orderTone[o.status],
    fulfilment: o.fulfilment === 'delivery' ? 'Delivery' : 'Pickup',
  }));
  const start = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const end = (result.page - 1) * result.pageSize + rows.length;
  const summary = result.total === 0 ? 'Showing 0 orders' : `Showing ${start}–${end} of ${result.total} ${result.total === 1 ? 'order' : 'orders'}`;
  const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));
  const keep = parsed.success ? { status: filters.status, q: filters.q, from: filters.from, to: filters.to } : {};

  return (
    <>
      <PageHeader title="Orders" description="Every marketplace purchase across sellers, newest first. Open an order to see its money and timeline, or to refund it when a seller does not act." />
      <form method="get" action="/admin/orders" role="search" aria-label="Filter orders" className="mb-4 flex flex-wrap items-end gap-3">
        {/* Labels point at their controls by id: a control wrapped in its label adds its value to its name. */}
        <div className="grid gap-1 text-sm font-medium">
          <label htmlFor="orders-status">Status</label>
          <select id="orders-status" name="status" defaultValue={raw.status ?? ''} className="min-h-10 rounded-md border border-input bg-surface px-2">
            <option value="">All</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {orderStatusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="grid w-full gap-1 text-sm font-medium sm:w-72">
          <label htmlFor="orders-q">Search</label>
          <Input id="orders-q" name="q" defaultValue={raw.q ?? ''} placeholder="Reference, seller or customer email" />
        </div>
        <div className="grid gap-1 text-sm font-medium">
          <label htmlFor="orders-from">Placed from</label>
          <Input id="orders-from" type="date" name="from" defaultValue={raw.from ?? ''} className="w-40" />
        </div>
        <div className="grid gap-1 text-sm font-medium">
          <label htmlFor="orders-to">Placed to</label>
          <Input id="orders-to" type="date" name="to" defaultValue={raw.to ?? ''} className="w-40" />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
            Filter
          </button>
          {filtered ? (
            <Link href="/admin/orders" className={buttonClasses({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-3 text-xs text-muted">Dates are calendar days in UK time (Europe/London).</p>
      {problems.length ? <FormError className="mb-4" message={problems} /> : null}
      <OrdersTable rows={rows} filtered={filtered} summary={summary} />
      <Pager className="mt-4" label="Pages" page={result.page} pages={lastPage} href={(page) => ordersHref({ ...keep, page })} previous="Newer orders" next="Older orders" />
    </>
  );
}

export default guardedPage('orders.read_all', OrdersDesk, 'Loading orders…');
