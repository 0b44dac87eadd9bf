import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { PageHeader } from '@/components/ui/page-header';
import { MatchingTool } from '@/components/zones/matching-tool.client';
import { listCategories } from '@/lib/geo/catalog-queries';
import { mapClientConfig } from '@/lib/geo/map-config';

export const metadata: Metadata = { title: 'Matching tool' };

async function MatchingContent() {
  const categories = await listCategories();
  return (
    <>
      <PageHeader
        title="Matching tool"
        description="Pick a point to see which zones contain it and how providers rank there, with every part of the score explained."
      />
      <MatchingTool mapConfig={mapClientConfig()} categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} />
    </>
  );
}

export default guardedPage('zones.read_all', MatchingContent, 'Loading the matching tool…');
