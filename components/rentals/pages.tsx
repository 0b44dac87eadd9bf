/**
 * Server parts of the rental pages for the renter (/account/rentals), the provider desk
 * (/provider/rentals) and operations (/admin/rentals). Scope and visibility come from lib/rentals.
 */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { rentalStatuses } from '@/lib/rentals/policy';
import { countRentals, getRental, listRentals, type RentalListItem, type Scope } from '@/lib/rentals/queries';
import { wire } from '@/lib/rentals/wire';
import { db } from '@/db/client';
import { organisations } from '@/db/schema';
import { asc, eq } from 'drizzle-orm';
import { CustomerActions } from './customer-actions.client';
import { money, rentalStatusLabel, rentalTone, when } from './format';
import { ProviderActions } from './provider-actions.client';
import { RentalView, type RentalDetailWire } from './rental-view';

const back = (href: string, label: string) => (
  <Link href={href} className="inline-flex min-h-6 items-center gap-1 hover:text-fg">
    <ArrowLeft aria-hidden="true" className="size-4" />
    {label}
  </Link>
);

function RentalTable({ items, base, who }: { items: RentalListItem[]; base: string; who: 'provider' | 'customer' | 'both' }) {
  return (
    // A focusable scroll region, so keyboard users can scroll the table on a phone.
    <div className="overflow-x-auto rounded-lg border border-border" role="region" aria-label="Rentals table" tabIndex={0}>
      <table className="w-full min-w-[36rem] text-sm" data-testid="rental-table">
        <thead className="bg-surface-muted text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              Rental
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Window
            </th>
            {who !== 'customer' ? (
              <th scope="col" className="px-3 py-2">
                Renter
              </th>
            ) : null}
            {who !== 'provider' ? (
              <th scope="col" className="px-3 py-2">
                Provider
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} className="border-t border-border">
              <td className="px-3 py-2">
                <Link href={`${base}/${r.id}`} className="font-medium underline-offset-2 hover:underline">
                  {r.itemName} × {r.quantity}
                </Link>
                <span className="block text-xs text-muted">{r.reference}</span>
              </td>
              <td className="px-3 py-2">
                <Badge tone={rentalTone(r.status)}>{rentalStatusLabel(r.status)}</Badge>
                {r.overdue ? (
                  <Badge tone="danger" className="ml-1">
                    Overdue
                  </Badge>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {when(r.startsAt)} → {when(r.endsAt)}
              </td>
              {who !== 'customer' ? <td className="px-3 py-2">{r.customerName}</td> : null}
              {who !== 'provider' ? <td className="px-3 py-2">{r.providerName}</td> : null}
              <td className="px-3 py-2 text-right tabular-nums">{money(r.totalMinor, r.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function CustomerRentalList() {
  const ctx = await requestCtx();
  const items = await listRentals(ctx, 'customer');
  return (
    <>
      <PageHeader title="My rentals" description="Tools you rent from providers: requests, pickups, returns and settlements." />
      {items.length ? (
        <RentalTable items={items} base="/account/rentals" who="customer" />
      ) : (
        <EmptyState
          title="No rentals yet"
          description="Find a tool in the marketplace and choose “Rent this”."
          action={
            <Link href="/marketplace" className={buttonClasses()}>
              Browse the marketplace
            </Link>
          }
        />
      )}
    </>
  );
}

const deskTabs = ['requested', 'approved', 'pickup_scheduled', 'in_use', 'partially_returned', 'inspection_pending', 'disputed', 'settled', 'cancelled', 'rejected'] as const;

export async function ProviderRentalDesk({ status }: { status?: string }) {
  const ctx = await requestCtx();
  const current = rentalStatuses.find((s) => s === status);
  const [items, counts] = await Promise.all([listRentals(ctx, 'provider', current ? { status: current } : {}), countRentals(ctx, 'provider')]);
  return (
    <>
      <PageHeader title="Rental desk" description="Approve requests, hand tools over, record returns, inspect and settle." />
      <nav aria-label="Rental queues">
        <ul className="flex flex-wrap gap-1">
          <li>
            <Link href="/provider/rentals" aria-current={!current ? 'page' : undefined} className={buttonClasses({ variant: !current ? 'primary' : 'ghost', size: 'sm' })}>
              All
            </Link>
          </li>
          {deskTabs.map((s) => (
            <li key={s}>
              <Link href={`/provider/rentals?status=${s}`} aria-current={current === s ? 'page' : undefined} className={buttonClasses({ variant: current === s ? 'primary' : 'ghost', size: 'sm', className: 'whitespace-nowrap' })}>
                {rentalStatusLabel(s)} ({counts[s] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length ? <RentalTable items={items} base="/provider/rentals" who="provider" /> : <EmptyState title={current ? `No rentals ${rentalStatusLabel(current).toLowerCase()}` : 'No rentals yet'} description="Requests from the marketplace appear here." />}
    </>
  );
}

export async function AdminRentalList({ status, providerOrgId }: { status?: string; providerOrgId?: string }) {
  const ctx = await requestCtx();
  const current = rentalStatuses.find((s) => s === status);
  const providers = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.kind, 'provider')).orderBy(asc(organisations.name)).limit(500);
  const provider = providers.find((p) => p.id === providerOrgId)?.id;
  const items = await listRentals(ctx, 'operations', { ...(current ? { status: current } : {}), ...(provider ? { providerOrgId: provider } : {}) });
  return (
    <>
      <PageHeader title="Rentals" description="Every rental on the platform, read-only. Filter by state or provider." />
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter rentals">
        <label className="grid gap-1 text-sm">
          State
          <select name="status" defaultValue={current ?? ''} className="min-h-10 rounded-md border border-input bg-surface px-2">
            <option value="">All</option>
            {rentalStatuses.map((s) => (
              <option key={s} value={s}>
                {rentalStatusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          Provider
          <select name="providerOrgId" defaultValue={provider ?? ''} className="min-h-10 max-w-[16rem] rounded-md border border-input bg-surface px-2">
            <option value="">All</option>
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          Filter
        </button>
      </form>
      {items.length ? <RentalTable items={items} base="/admin/rentals" who="both" /> : <EmptyState title="No rentals match" description="Change the filters." />}
    </>
  );
}

async function loadDetail(id: string) {
  const ctx = await requestCtx();
  try {
    const d = await getRental(ctx, id);
    return { ctx, d };
  } catch (err) {
    if (isAppError(err) && (err.code === 'NOT_FOUND' || err.code === 'VALIDATION')) notFound();
    throw err;
  }
}

const toWireDetail = (d: Awaited<ReturnType<typeof getRental>>): RentalDetailWire => {
  const { paymentMethod: _pm, ...rental } = d.rental;
  return wire({ ...d, rental }) as unknown as RentalDetailWire;
};

export async function RentalDetailPage({ id, viewer }: { id: string; viewer: 'customer' | 'provider' | 'operations' }) {
  const { d } = await loadDetail(id);
  if (!d.sides.includes(viewer)) notFound();
  const w = toWireDetail(d);
  const base = viewer === 'customer' ? '/account/rentals' : viewer === 'provider' ? '/provider/rentals' : '/admin/rentals';
  const r = d.rental;
  return (
    <>
      <PageHeader eyebrow={back(base, viewer === 'provider' ? 'Rental desk' : viewer === 'customer' ? 'My rentals' : 'Rentals')} title={`Rental ${r.reference}`} description={`${d.itemName} · ${d.providerName}`} />
      {viewer === 'customer' ? <CustomerActions rentalId={r.id} status={r.status} endsAt={r.endsAt.toISOString()} side="customer" /> : null}
      {viewer === 'provider' ? (
        <>
          <ProviderActions
            rentalId={r.id}
            status={r.status}
            currency={r.currency}
            quantity={r.quantity}
            returnedQuantity={r.returnedQuantity}
            depositMinor={Number(r.depositMinor)}
            startsAt={r.startsAt.toISOString()}
            inspected={!!r.inspectedAt}
            tracking={d.tracking}
            outUnits={d.outUnits}
            knownLines={[...w.charges, ...w.pendingLateLines]}
          />
          {['approved', 'pickup_scheduled', 'in_use', 'partially_returned', 'inspection_pending'].includes(r.status) ? <CustomerActions rentalId={r.id} status={r.status} endsAt={r.endsAt.toISOString()} side="provider" /> : null}
        </>
      ) : null}
      <RentalView d={w} photoBase={`/api/v1/rentals/${r.id}/photos`} />
    </>
  );
}
