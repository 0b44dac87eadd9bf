import type { Metadata } from 'next';
import Link from 'next/link';
import { BellOff } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { AlertItem } from '@/components/inventory/alert-item';
import { alertKindLabels } from '@/components/inventory/labels';
import { buttonClasses } from '@/components/ui/button-classes';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { EmptyState } from '@/components/ui/states';
import { requestCtx } from '@/lib/core/auth/session';
import { listAlerts } from '@/lib/inventory/queries';
import { listAlertsInput } from '@/lib/inventory/schemas';

export const metadata: Metadata = { title: 'Inventory alerts' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

async function AlertsContent({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // Unresolved by default: the list is a to-do list.
  const status = 'status' in sp ? one(sp.status) : 'open';
  const kind = one(sp.kind);
  const parsed = listAlertsInput.safeParse({ status, kind });
  const ctx = await requestCtx();
  const alerts = await listAlerts(ctx, parsed.success ? parsed.data : {});
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/inventory" className="text-link underline underline-offset-4">
            Inventory
          </Link>
        }
        title="Alerts"
        description="Low stock (available below safety stock; critical at none left), overdue returns and reported damage."
      />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border p-4" aria-label="Filter alerts">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Status</span>
          <Select name="status" defaultValue={status}>
            <option value="">All</option>
            <option value="open">Open</option>
            <option value="acknowledged">Acknowledged</option>
            <option value="resolved">Resolved</option>
          </Select>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Kind</span>
          <Select name="kind" defaultValue={kind}>
            <option value="">All</option>
            {Object.entries(alertKindLabels).map(([k, l]) => (
              <option key={k} value={k}>
                {l}
              </option>
            ))}
          </Select>
        </label>
        <button type="submit" className={buttonClasses({ size: 'sm' })}>
          Apply filters
        </button>
      </form>
      {alerts.length === 0 ? (
        <EmptyState icon={<BellOff />} title="No alerts here" description="Nothing matches these filters." />
      ) : (
        <ul className="grid gap-2">
          {alerts.map((a) => (
            <AlertItem
              key={a.id}
              alert={a}
              heading={
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/provider/inventory/${a.itemId}`} className="font-mono text-link underline underline-offset-4">
                    {a.sku}
                  </Link>
                  <span>{a.itemName}</span>
                </span>
              }
            />
          ))}
        </ul>
      )}
    </div>
  );
}

export default guardedPage('inventory.manage', AlertsContent, 'Loading alerts…');
