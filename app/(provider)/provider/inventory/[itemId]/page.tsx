import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { guardedPage } from '@/components/layout/guarded-page';
import { AlertItem } from '@/components/inventory/alert-item';
import { ArchiveItemButton } from '@/components/inventory/archive-item.client';
import { ItemForm } from '@/components/inventory/item-form.client';
import { kindLabels, modeLabels, moveKindLabels, signed, trackingLabels } from '@/components/inventory/labels';
import { StockActions } from '@/components/inventory/stock-actions.client';
import { UnitsPanel } from '@/components/inventory/units-panel.client';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getItem, listAlerts, listMoves, listUnits } from '@/lib/inventory/queries';

export const metadata: Metadata = { title: 'Inventory item' };

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

async function ItemContent({ params, searchParams }: { params: Promise<{ itemId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { itemId } = await params;
  const sp = await searchParams;
  const before = typeof sp.before === 'string' && /^\d{1,15}$/.test(sp.before) ? Number(sp.before) : undefined;
  const ctx = await requestCtx();
  // Another provider's item is NOT_FOUND in the domain (no existence leak) → a 404 page.
  const item = await getItem(ctx, itemId).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [units, alerts, history] = await Promise.all([listUnits(ctx, item.id), listAlerts(ctx, { itemId: item.id, limit: 20 }), listMoves(ctx, item.id, { before, limit: 25 })]);
  const active = item.status === 'active';
  const live = alerts.filter((a) => a.status !== 'resolved');
  const past = alerts.filter((a) => a.status === 'resolved').slice(0, 5);
  return (
    <div className="grid gap-8">
      <PageHeader
        eyebrow={
          <Link href="/provider/inventory" className="text-link underline underline-offset-4">
            Inventory
          </Link>
        }
        title={
          <>
            <span className="font-mono">{item.sku}</span> · {item.name}
          </>
        }
        description={
          <span className="flex flex-wrap gap-2">
            <Badge tone={active ? 'success' : 'neutral'}>{item.status}</Badge>
            <Badge>{kindLabels[item.kind]}</Badge>
            <Badge>{modeLabels[item.mode]}</Badge>
            <Badge>{trackingLabels[item.tracking]}</Badge>
            {item.insuranceRequired ? <Badge tone="info">Insured renters only</Badge> : null}
          </span>
        }
        actions={active ? <ArchiveItemButton itemId={item.id} version={item.version} sku={item.sku} /> : null}
      />

      <section aria-labelledby="stock-h" className="grid gap-3">
        <h2 id="stock-h" className="text-lg font-semibold">
          Stock
        </h2>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(
            [
              ['On hand', item.onHand, ''],
              ['Reserved', item.reserved, 'for pickups'],
              ['Out on rent', item.outOnRent, ''],
              ['Available', item.available, item.safetyStock ? `safety stock ${item.safetyStock}` : ''],
            ] as const
          ).map(([label, n, note]) => (
            <Card key={label} className="p-4">
              <p className="text-sm text-muted">{label}</p>
              <p className="text-2xl font-semibold tabular-nums">{n}</p>
              {note ? <p className="text-xs text-muted">{note}</p> : null}
            </Card>
          ))}
        </div>
        {active ? <StockActions item={item} units={units} /> : <p className="text-sm text-muted">This item is archived: its stock can no longer change.</p>}
      </section>

      <section aria-labelledby="alerts-h" className="grid gap-3">
        <h2 id="alerts-h" className="text-lg font-semibold">
          Alerts
        </h2>
        {live.length === 0 ? <p className="text-sm text-muted">No open alerts.</p> : null}
        <ul className="grid gap-2">
          {[...live, ...past].map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      </section>

      {item.tracking === 'serialised' ? (
        <section aria-labelledby="units-h" className="grid gap-3">
          <h2 id="units-h" className="text-lg font-semibold">
            Units
          </h2>
          <UnitsPanel itemId={item.id} sku={item.sku} units={units} active={active} />
        </section>
      ) : null}

      <section aria-labelledby="moves-h" className="grid gap-3">
        <h2 id="moves-h" className="text-lg font-semibold">
          Move history
        </h2>
        <div role="region" aria-label="Move history table" tabIndex={0} className="overflow-x-auto rounded-lg border">
          <table className="w-full border-collapse text-sm">
            <thead className="border-b bg-surface-muted">
              <tr>
                {['When', 'Move', 'Change', 'On hand after', 'Reserved after', 'Out after', 'Unit', 'Reason', 'By'].map((h, i) => (
                  <th key={h} scope="col" className={`px-3 py-2 font-semibold whitespace-nowrap ${i >= 2 && i <= 5 ? 'text-end' : 'text-start'}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.moves.length === 0 ? (
                <tr>
                  <td colSpan={9} className="px-3 py-6 text-center text-muted">
                    No moves yet.
                  </td>
                </tr>
              ) : (
                history.moves.map((m) => (
                  <tr key={m.id} className="border-b last:border-b-0">
                    <td className="px-3 py-2 whitespace-nowrap">{when(m.createdAt)}</td>
                    <th scope="row" className="px-3 py-2 text-start font-medium whitespace-nowrap">
                      {moveKindLabels[m.kind] ?? m.kind}
                    </th>
                    <td className="px-3 py-2 text-end whitespace-nowrap tabular-nums">
                      {[m.onHandDelta ? `on hand ${signed(m.onHandDelta)}` : '', m.reservedDelta ? `reserved ${signed(m.reservedDelta)}` : '', m.outDelta ? `out ${signed(m.outDelta)}` : ''].filter(Boolean).join(', ') ||
                        (m.kind === 'count' ? 'matches' : '0')}
                    </td>
                    <td className="px-3 py-2 text-end tabular-nums">{m.onHandAfter}</td>
                    <td className="px-3 py-2 text-end tabular-nums">{m.reservedAfter}</td>
                    <td className="px-3 py-2 text-end tabular-nums">{m.outAfter}</td>
                    <td className="px-3 py-2 font-mono whitespace-nowrap">{m.unitSerial ?? ''}</td>
                    <td className="min-w-40 px-3 py-2">
                      {m.reason}
                      {m.countedQty !== null ? <span className="text-muted"> (counted {m.countedQty})</span> : null}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{m.actorName ?? 'System'}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <nav aria-label="Move history pages" className="flex gap-4 text-sm">
          {before ? (
            <Link href={`/provider/inventory/${item.id}`} className="text-link underline underline-offset-4">
              Newest moves
            </Link>
          ) : null}
          {history.nextBefore ? (
            <Link href={`/provider/inventory/${item.id}?before=${history.nextBefore}`} className="text-link underline underline-offset-4">
              Older moves
            </Link>
          ) : null}
        </nav>
      </section>

      {active ? (
        <section aria-labelledby="details-h" className="grid gap-3">
          <h2 id="details-h" className="text-lg font-semibold">
            Details
          </h2>
          <ItemForm initial={item} />
        </section>
      ) : null}
    </div>
  );
}

export default guardedPage('inventory.manage', ItemContent, 'Loading item…');
