import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { ZoneDetailPage } from '@/components/zones/zone-pages';

export const metadata: Metadata = { title: 'Zone' };

async function ZoneContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ZoneDetailPage zoneId={id} basePath="/admin/zones" backLabel="All zones" />;
}

// Viewing needs zones.read_all; saving is checked again by the actions (zones.manage_platform).
export default guardedPage('zones.read_all', ZoneContent, 'Loading zone…');
