import type { Metadata } from 'next';
import { guardedPage } from '@/components/layout/guarded-page';
import { AdminRentalList } from '@/components/rentals/pages';

export const metadata: Metadata = { title: 'Rentals · operations' };

export default guardedPage(
  'rentals.read_all',
  async ({ searchParams }: { searchParams: Promise<{ status?: string; providerOrgId?: string }> }) => {
    const q = await searchParams;
    return AdminRentalList({ status: q.status, providerOrgId: q.providerOrgId });
  },
  'Loading rentals…',
);
