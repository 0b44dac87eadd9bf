import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { DisputeDetail } from '@/components/disputes/pages';

export const metadata: Metadata = { title: 'Dispute' };

async function Content({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return DisputeDetail({ id, viewer: 'provider', base: '/provider/disputes', listLabel: 'Disputes' });
}

export default guardedPage('disputes.participate', Content, 'Loading the dispute…');
