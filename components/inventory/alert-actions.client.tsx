'use client';

import { acknowledgeAlertAction, resolveAlertAction } from '@/lib/inventory/actions';
import { ConfirmDialog } from './confirm-dialog.client';

/** Acknowledge (open only) and resolve with a note (open or acknowledged). */
export function AlertActions({ alertId, label, status }: { alertId: string; label: string; status: string }) {
  if (status === 'resolved') return null;
  return (
    <span className="flex flex-wrap gap-2">
      {status === 'open' ? (
        <ConfirmDialog
          trigger={
            <>
              Acknowledge<span className="sr-only"> {label}</span>
            </>
          }
          title={`Acknowledge: ${label}`}
          description="Marks the alert as seen. It re-opens if low stock becomes critical."
          confirmLabel="Acknowledge"
          note={{ label: 'Note', required: false }}
          run={(note) => acknowledgeAlertAction({ alertId, note })}
          success="Alert acknowledged"
        />
      ) : null}
      <ConfirmDialog
        trigger={
          <>
            Resolve<span className="sr-only"> {label}</span>
          </>
        }
        title={`Resolve: ${label}`}
        description="Closes the alert with a note saying what was done."
        confirmLabel="Resolve"
        note={{ label: 'Resolution note', required: true }}
        run={(note) => resolveAlertAction({ alertId, note })}
        success="Alert resolved"
      />
    </span>
  );
}
