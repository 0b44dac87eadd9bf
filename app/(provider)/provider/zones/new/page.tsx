import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { NewZonePage } from '@/components/zones/zone-pages';

export const metadata: Metadata = { title: 'New coverage area' };

async function NewAreaContent({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <NewZonePage scope="own" basePath="/provider/zones" backLabel="Zones & coverage" searchParams={await searchParams} />;
}

export default guardedPage('zones.manage_own', NewAreaContent, 'Loading the area editor…');
