import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { DisputeDetail } from '@/components/disputes/pages';

export const metadata: Metadata = { title: 'Dispute' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return DisputeDetail({ id, viewer: 'operations', base: '/admin/disputes', listLabel: 'Dispute queue' });
}

export default guardedPage('disputes.manage', Content, 'Loading the dispute…');
