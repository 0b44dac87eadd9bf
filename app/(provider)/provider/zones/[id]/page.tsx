import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { ZoneDetailPage } from '@/components/zones/zone-pages';

export const metadata: Metadata = { title: 'Coverage area' };

async function AreaContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // getZone answers NOT_FOUND for another provider's area (no existence leak) → 404 here.
  return <ZoneDetailPage zoneId={id} basePath="/provider/zones" backLabel="Zones & coverage" />;
}

export default guardedPage('zones.manage_own', AreaContent, 'Loading area…');
