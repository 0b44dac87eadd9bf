import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { NewZonePage } from '@/components/zones/zone-pages';

export const metadata: Metadata = { title: 'New zone' };

async function NewZoneContent({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <NewZonePage scope="platform" basePath="/admin/zones" backLabel="All zones" searchParams={await searchParams} />;
}

export default guardedPage('zones.manage_platform', NewZoneContent, 'Loading the zone editor…');
