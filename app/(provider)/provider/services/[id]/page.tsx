import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { guardedPage } from '@/components/layout/guarded-page';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { ServiceForm } from '@/components/catalog/service-form.client';
import { ServiceStatusControls } from '@/components/catalog/service-status-controls.client';
import { serviceStatusTone } from '@/components/catalog/services-table.client';
import { requestCtx } from '@/lib/core/auth/session';
import { isAppError } from '@/lib/core/errors';
import { getService, listCategoryChoices } from '@/lib/catalog/queries';

export const metadata: Metadata = { title: 'Service' };

async function ServiceContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requestCtx();
  // Another provider's service is NOT_FOUND in the domain (no existence leak) → a 404 page.
  const service = await getService(ctx, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const categories = await listCategoryChoices(ctx);
  return (
    <div className="grid gap-6">
      <PageHeader
        eyebrow={
          <Link href="/provider/services" className="text-link underline underline-offset-4">
            Services
          </Link>
        }
        title={service.title}
        description={<Badge tone={serviceStatusTone[service.status]}>{service.status}</Badge>}
        actions={<ServiceStatusControls serviceId={service.id} title={service.title} status={service.status} />}
      />
      {service.status === 'archived' ? (
        <p className="text-sm text-muted">This service is archived and can no longer be changed.</p>
      ) : (
        <ServiceForm initial={service} categories={categories} />
      )}
    </div>
  );
}

export default guardedPage('services.manage', ServiceContent, 'Loading service…');
