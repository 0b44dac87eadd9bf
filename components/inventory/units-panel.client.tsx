'use client';

import { Badge } from '@/components/ui/badge';
import { addUnitsAction, setUnitStatusAction } from '@/lib/inventory/actions';
import { ConfirmDialog } from './confirm-dialog.client';
import { unitStatusLabels, unitStatusTone } from './labels';
import type { UnitChoice } from './stock-actions.client';

const transitions: Record<string, Array<{ to: 'in_stock' | 'maintenance' | 'retired'; label: string; body: string; danger?: boolean }>> = {
  in_stock: [
    { to: 'maintenance', label: 'Maintenance', body: 'Takes the unit out of available stock (an adjust −1) until it is back.' },
    { to: 'retired', label: 'Retire', body: 'Writes the unit off for good (a write-off −1).', danger: true },
  ],
  maintenance: [
    { to: 'in_stock', label: 'Back in stock', body: 'Returns the unit to available stock (an adjust +1).' },
    { to: 'retired', label: 'Retire', body: 'Retires the unit for good; it already left stock when it went to maintenance.', danger: true },
  ],
};

/** Serialised units with their status and the changes allowed from it; units out on rent change only through the rental. */
export function UnitsPanel({ itemId, sku, units, active }: { itemId: string; sku: string; units: UnitChoice[]; active: boolean }) {
  return (
    <div className="grid gap-3">
      {units.length === 0 ? <p className="text-sm text-muted">No units yet.</p> : null}
      <ul className="grid gap-2">
        {units.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm">{u.serial}</span>
              <Badge tone={unitStatusTone[u.status]}>{unitStatusLabels[u.status] ?? u.status}</Badge>
              {u.soldOrderReference ? <span className="text-sm text-muted">to order {u.soldOrderReference}</span> : null}
            </span>
            {active ? (
              <span className="flex flex-wrap gap-2">
                {(transitions[u.status] ?? []).map((t) => (
                  <ConfirmDialog
                    key={t.to}
                    trigger={
                      <>
                        {t.label}
                        <span className="sr-only"> {u.serial}</span>
                      </>
                    }
                    title={`${t.label}: ${u.serial}`}
                    description={t.body}
                    confirmLabel={t.label}
                    danger={t.danger}
                    note={{ label: 'Reason', required: true, description: 'Kept in the move history and the audit log.' }}
                    run={(reason) => setUnitStatusAction({ itemId, unitId: u.id, status: t.to, reason })}
                    success={`${sku} ${u.serial}: ${unitStatusLabels[t.to]}`}
                  />
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {active ? (
        <div>
          <ConfirmDialog
            trigger="Add units"
            title={`Add units to ${sku}`}
            description="Each serial number becomes a unit and is received into stock (+1 each). Separate several with commas."
            confirmLabel="Add units"
            note={{ label: 'Serial numbers', required: true }}
            run={(serials) => addUnitsAction({ itemId, serials, idempotencyKey: crypto.randomUUID() })}
            success={`${sku}: units added`}
          />
        </div>
      ) : null}
    </div>
  );
}
