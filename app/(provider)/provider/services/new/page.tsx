import type { Metadata } from 'next';
import Link from 'next/link';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { blankService, ServiceForm } from '@/components/catalog/service-form.client';
import { requestCtx } from '@/lib/core/auth/session';
import { newId } from '@/lib/core/ids';
import { listCategoryChoices } from '@/lib/catalog/queries';

export const metadata: Metadata = { title: 'New service' };

async function NewServiceContent() {
  const ctx = await requestCtx();
  const categories = await listCategoryChoices(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/services" className="text-link underline underline-offset-4">
            Services
          </Link>
        }
        title="New service"
        description="It starts as a draft; publish it when it is ready to book."
      />
      <ServiceForm initial={blankService} categories={categories} idempotencyKey={newId()} />
    </div>
  );
}

export default guardedPage('services.manage', NewServiceContent, 'Loading…');
