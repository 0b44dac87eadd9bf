'use client';

import { Archive } from 'lucide-react';
import { archiveItemAction } from '@/lib/inventory/actions';
import { ConfirmDialog } from './confirm-dialog.client';

export function ArchiveItemButton({ itemId, version, sku }: { itemId: string; version: number; sku: string }) {
  return (
    <ConfirmDialog
      trigger={
        <>
          <Archive aria-hidden="true" />
          Archive
        </>
      }
      title={`Archive ${sku}?`}
      description="It leaves the console and can no longer be rented or moved. Not possible while units are reserved or out on rent."
      confirmLabel="Archive"
      danger
      run={() => archiveItemAction({ itemId, version })}
      success={`${sku} archived`}
    />
  );
}
