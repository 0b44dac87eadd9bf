import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { timeZoneOptions } from '@/components/zones/format';
import { ImportZonesForm } from '@/components/zones/import-form.client';

export const metadata: Metadata = { title: 'Import zones' };

async function ImportContent() {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin/zones" className="inline-flex min-h-6 items-center gap-1 text-link underline-offset-4 hover:underline">
            <ArrowLeft aria-hidden="true" className="size-4" />
            All zones
          </Link>
        }
        title="Import zones"
        description="Create many platform zones at once from GeoJSON. Every feature is checked first; if one fails, nothing is imported and the failing feature is named."
      />
      <ImportZonesForm scope="platform" basePath="/admin/zones" timeZones={timeZoneOptions()} />
    </>
  );
}

export default guardedPage('zones.manage_platform', ImportContent);
