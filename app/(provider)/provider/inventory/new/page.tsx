import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { blankItem, ItemForm } from '@/components/inventory/item-form.client';
import { PageHeader } from '@/components/ui/page-header';
import { newId } from '@/lib/core/ids';

export const metadata: Metadata = { title: 'New inventory item' };

async function NewItemContent() {
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/inventory" className="text-link underline underline-offset-4">
            Inventory
          </Link>
        }
        title="New item"
        description="A tool or material you rent or sell. The opening quantity is recorded as a receive move."
      />
      <ItemForm initial={blankItem} idempotencyKey={newId()} />
    </div>
  );
}

export default guardedPage('inventory.manage', NewItemContent, 'Loading…');
